import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getActingMember } from "@/lib/access/current-member";
import { db } from "@/lib/db/prisma";
import { needsSetup } from "@/lib/workspace/setup";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-accounts";
import { AuthCard } from "@/components/layout/auth-card";
import { loadSsoSettings } from "@/lib/identity/sso";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("submit") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; sso?: string }> }) {
  if (await getActingMember()) redirect("/");
  if (await needsSetup(db)) redirect("/setup");
  const { next, sso: ssoOutcome } = await searchParams;
  const t = await getTranslations("auth");
  // docs/reference.md §20: with single sign-on configured, `Sign in with <Provider name>` above the password form.
  const sso = await loadSsoSettings(db);
  // The demo's fixed credentials are shown only where they work (docs/reference.md §10, §12).
  const isDemo = (await db.workspace.count({ where: { isDemo: true } })) > 0;
  return (
    <AuthCard
      title={t("signInTitle")}
      subtitle={t("signInSubtitle")}
      footer={
        isDemo ? (
          <section aria-labelledby="demo-heading" className="mt-6 rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm text-gray-800">
            <h2 id="demo-heading" className="font-medium">{t("demoTitle")}</h2>
            <p className="mt-1">{t("demoBody", { password: DEMO_PASSWORD })}</p>
            <ul className="mt-2 space-y-0.5 font-mono text-xs">
              {DEMO_USERS.filter((user) => user.featured).map((user) => (
                <li key={user.email}>
                  {user.email} <span className="text-gray-700">— {user.role}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null
      }
    >
      {sso ? (
        <div className="mb-6 space-y-3">
          {ssoOutcome === "failed" ? <p role="alert" className="text-sm text-red-700">{t("ssoFailed")}</p> : null}
          <a href={`/auth/oidc/start${next ? `?next=${encodeURIComponent(next)}` : ""}`} className="flex w-full justify-center rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-900 hover:bg-gray-50">
            {t("signInWith", { provider: sso.providerName })}
          </a>
          {!sso.passwordSignIn ? <p className="text-xs text-gray-600">{t("passwordAdminsOnly")}</p> : null}
        </div>
      ) : null}
      <SignInForm next={next} />
    </AuthCard>
  );
}
