import { getTranslations } from "next-intl/server";
import { isMeValue, type EffectivePermissions, type GrantRef, type RecordRule } from "@/lib/permissions";
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "@/lib/permissions";
import type { listObjects } from "@/lib/metadata/queries";
import { PermissionMark } from "@/components/ui/permission-mark";

type Objects = Awaited<ReturnType<typeof listObjects>>;

/**
 * What a role lets its holder do, object by object and field by field, with where each value
 * comes from (All objects, an object rule, a field rule). Shared by "My role" and the page that
 * inspects any member, API key or agent.
 */
export async function EffectivePermissionsView({ permissions, objects }: { permissions: EffectivePermissions; objects: Objects }) {
  const [t, tp] = await Promise.all([getTranslations("myRole"), getTranslations("permissions")]);
  const tr = await getTranslations("roles.objectRule.recordLevel");
  // SPEC §13: name the record-level rule that limits an object, in the reader's language.
  const describe = (rule: RecordRule, object: Objects[number]): string => {
    if (rule.mode === "all") return tr("all");
    // Several grants together: each one's records.
    if (rule.mode === "anyOf") return rule.rules.map((part) => `(${describe(part, object)})`).join(` ${t("or")} `);
    const parts = rule.conditions.map((condition) => {
      const label = object.fields.find((field) => field.name === condition.field)?.label ?? condition.field;
      const value = condition.value;
      const shown = value === undefined || value === null ? "" : isMeValue(value) ? ` ${tr("me")}` : ` ${Array.isArray(value) ? value.join(", ") : String(value)}`;
      return `${label} ${tr(`operators.${condition.operator}`)}${shown}`;
    });
    return parts.join(rule.join === "any" ? ` ${t("or")} ` : ` ${t("and")} `);
  };
  const mark = (allowed: boolean) => <PermissionMark allowed={allowed} label={allowed ? t("allowed") : t("denied")} />;
  // SPEC §17: with several grants, each allowed value names the grant that gives it.
  const several = (permissions.grants?.length ?? 0) > 1;
  const decidedBy = (value: { value: boolean; grant?: GrantRef }) =>
    several && value.value && value.grant ? (
      <span className="ml-2 text-xs text-brand-700">{t(value.grant.kind === "set" ? "grant.set" : "grant.role", { name: value.grant.name })}</span>
    ) : null;

  return (
    <>
      <section aria-labelledby="my-objects" className="mt-8">
        <h2 id="my-objects" className="text-sm font-semibold text-gray-900">{t("objects")}</h2>
        <table className="mt-3 w-full text-sm">
          <thead>
            <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
              <th scope="col" className="py-2 font-medium">{t("object")}</th>
              {OBJECT_ACTIONS.map((action) => (
                <th key={action} scope="col" className="w-20 py-2 text-center font-medium">{t(action)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {objects.map((object) => {
              const effective = permissions.objects[object.nameSingular];
              return (
                <tr key={object.id} className="border-b border-gray-100">
                  <th scope="row" className="py-2 text-left font-normal text-gray-900">
                    {object.labelPlural}
                    <span className="ml-2 text-xs text-gray-500">{t(`source.${effective.see.source}`)}</span>
                    {decidedBy(effective.see)}
                    {effective.see.value && (effective.records?.rule.mode === "match" || effective.records?.rule.mode === "anyOf") ? (
                      <span className="block text-xs text-amber-800">{t("recordRule", { rule: describe(effective.records.rule, object) })}</span>
                    ) : null}
                  </th>
                  {OBJECT_ACTIONS.map((action) => (
                    <td key={action} className="py-2 text-center">{mark(effective[action].value)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {objects
          .filter((object) => permissions.objects[object.nameSingular].see.value)
          .map((object) => (
            <details key={object.id} className="mt-3 rounded-md border border-gray-200 px-3 py-2">
              <summary className="cursor-pointer text-sm font-medium text-gray-800">{t("fields", { object: object.labelPlural })}</summary>
              <table className="mt-2 w-full text-sm">
                <thead>
                  <tr className="text-left text-xs text-gray-500">
                    <th scope="col" className="py-1 font-medium">{t("field")}</th>
                    <th scope="col" className="w-20 py-1 text-center font-medium">{t("see")}</th>
                    <th scope="col" className="w-20 py-1 text-center font-medium">{t("edit")}</th>
                  </tr>
                </thead>
                <tbody>
                  {object.fields.map((field) => {
                    const effective = permissions.objects[object.nameSingular].fields[field.name];
                    return (
                      <tr key={field.id} className="border-t border-gray-100">
                        <th scope="row" className="py-1 text-left font-normal text-gray-800">
                          {field.label}
                          <span className="ml-2 text-xs text-gray-500">{t(`source.${effective.edit.source}`)}</span>
                          {decidedBy(effective.see)}
                        </th>
                        <td className="py-1 text-center">{mark(effective.see.value)}</td>
                        <td className="py-1 text-center">{mark(effective.edit.value)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </details>
          ))}
      </section>

      <div className="mt-8 grid gap-8 sm:grid-cols-2">
        {[
          { id: "my-settings", title: t("settings"), items: SETTINGS_PERMISSIONS.map((key) => [tp(`settings.${key}`), permissions.settings[key]] as const) },
          { id: "my-actions", title: t("actions"), items: ACTION_PERMISSIONS.map((key) => [tp(`actions.${key}`), permissions.actions[key]] as const) },
        ].map((list) => (
          <section key={list.id} aria-labelledby={list.id}>
            <h2 id={list.id} className="text-sm font-semibold text-gray-900">{list.title}</h2>
            <ul className="mt-3 space-y-1.5 text-sm">
              {list.items.map(([label, value]) => (
                <li key={label} className="flex items-center justify-between border-b border-gray-100 pb-1.5">
                  <span>
                    {label}
                    {decidedBy(value)}
                  </span>{" "}
                  {mark(value.value)}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
