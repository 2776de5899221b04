import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { requireMember } from "@/lib/access/current-member";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { listRecordObjects } from "@/lib/records";
import { HTTP_METHODS, refName, typeLabel, type OpenApiDocument, type Operation } from "@/components/api-reference/openapi-types";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("apiReference");

const METHOD_COLOURS: Record<string, string> = {
  get: "bg-blue-50 text-blue-800",
  post: "bg-green-50 text-green-800",
  patch: "bg-amber-50 text-amber-900",
  put: "bg-amber-50 text-amber-900",
  delete: "bg-red-50 text-red-800",
};

function anchor(text: string) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/**
 * The API reference, rendered from the same OpenAPI document `/api/openapi.json` serves, built for
 * the member's role so that it never documents what the role cannot see.
 */
export default async function ApiReferencePage() {
  const member = await requireMember();
  const [t, objects] = await Promise.all([getTranslations("apiReference"), listRecordObjects(db, member.workspaceId)]);
  const doc = buildOpenApiDocument(objects, { permissions: member.permissions }) as unknown as OpenApiDocument;

  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] as Operation })),
  );
  const groups = new Map<string, typeof operations>();
  for (const entry of operations) {
    const tag = entry.operation.tags?.[0] ?? t("other");
    groups.set(tag, [...(groups.get(tag) ?? []), entry]);
  }
  const schemas = Object.entries(doc.components?.schemas ?? {});

  return (
    <div className="max-w-5xl">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold text-gray-900">{t("title")}</h1>
          <p className="mt-1 max-w-2xl text-sm text-gray-600">{t("subtitle")}</p>
          <p className="mt-2 text-sm text-gray-700">{t("auth", { header: "Authorization: Bearer <API key>" })}</p>
        </div>
        <a href="/api/openapi.json" className="text-sm font-medium text-brand-700 hover:underline">{t("download")}</a>
      </div>

      <nav aria-label={t("contents")} className="mt-6 flex flex-wrap gap-2">
        {[...groups.keys()].map((tag) => (
          <a key={tag} href={`#${anchor(tag)}`} className="rounded-full border border-gray-200 px-3 py-1 text-xs text-gray-700 hover:bg-gray-50">{tag}</a>
        ))}
        <a href="#schemas" className="rounded-full border border-gray-200 px-3 py-1 text-xs text-gray-700 hover:bg-gray-50">{t("schemas")}</a>
      </nav>

      {[...groups.entries()].map(([tag, entries]) => (
        <section key={tag} id={anchor(tag)} aria-labelledby={`${anchor(tag)}-heading`} className="mt-10">
          <h2 id={`${anchor(tag)}-heading`} className="text-base font-semibold text-gray-900">{tag}</h2>
          <div className="mt-3 space-y-4">
            {entries.map(({ path, method, operation }) => {
              const body = operation.requestBody?.content?.["application/json"]?.schema;
              return (
                <article key={`${method} ${path}`} className="rounded-lg border border-gray-200 bg-white p-4">
                  <h3 className="flex flex-wrap items-center gap-2 text-sm">
                    <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_COLOURS[method]}`}>{method}</span>
                    <code className="font-mono text-gray-900">{path}</code>
                    {operation.summary ? <span className="text-gray-600">— {operation.summary}</span> : null}
                  </h3>
                  {operation.description ? <p className="mt-2 text-sm text-gray-600">{operation.description}</p> : null}
                  {operation.parameters?.length ? (
                    <table className="mt-3 w-full text-left text-xs">
                      <caption className="mb-1 text-left font-medium text-gray-700">{t("parameters")}</caption>
                      <thead>
                        <tr className="border-b border-gray-100 text-gray-500">
                          <th scope="col" className="py-1 pr-3 font-medium">{t("name")}</th>
                          <th scope="col" className="py-1 pr-3 font-medium">{t("in")}</th>
                          <th scope="col" className="py-1 pr-3 font-medium">{t("type")}</th>
                          <th scope="col" className="py-1 font-medium">{t("description")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {operation.parameters.map((parameter) => (
                          <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-gray-50 align-top">
                            <td className="py-1 pr-3 font-mono text-gray-900">{parameter.name}{parameter.required ? " *" : ""}</td>
                            <td className="py-1 pr-3 text-gray-600">{parameter.in}</td>
                            <td className="py-1 pr-3 font-mono text-gray-700">{typeLabel(parameter.schema)}</td>
                            <td className="py-1 text-gray-700">{parameter.description}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : null}
                  {body ? (
                    <p className="mt-3 text-xs text-gray-700">
                      {t("requestBody")}: <a href={`#schema-${refName(body.$ref)}`} className="font-mono text-brand-700 hover:underline">{typeLabel(body)}</a>
                    </p>
                  ) : null}
                  <dl className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs">
                    <dt className="sr-only">{t("responses")}</dt>
                    {Object.entries(operation.responses ?? {}).map(([status, response]) => (
                      <dd key={status} className="text-gray-700">
                        <span className="font-mono font-semibold">{status}</span> {response.description ?? doc.components?.responses?.[refName(response.$ref)]?.description}
                      </dd>
                    ))}
                  </dl>
                </article>
              );
            })}
          </div>
        </section>
      ))}

      <section id="schemas" aria-labelledby="schemas-heading" className="mt-12">
        <h2 id="schemas-heading" className="text-base font-semibold text-gray-900">{t("schemas")}</h2>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          {schemas.map(([name, schema]) => (
            <div key={name} id={`schema-${name}`} className="rounded-lg border border-gray-200 bg-white p-4">
              <h3 className="font-mono text-sm font-semibold text-gray-900">{name}</h3>
              <table className="mt-2 w-full text-left text-xs">
                <thead className="sr-only">
                  <tr>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{t("type")}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(schema.properties ?? {}).map(([property, propertySchema]) => (
                    <tr key={property} className="border-b border-gray-50">
                      <td className="py-1 pr-3 font-mono text-gray-900">{property}{schema.required?.includes(property) ? " *" : ""}</td>
                      <td className="py-1 font-mono text-gray-600">
                        {typeLabel(propertySchema)}
                        {propertySchema.readOnly ? <span className="ml-1 text-gray-500">({t("readOnly")})</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
