import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getActingMember } from "@/lib/access/current-member";
import { db } from "@/lib/db/prisma";
import { needsSetup } from "@/lib/workspace/setup";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/demo-accounts";
import { AuthCard } from "@/components/layout/auth-card";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("submit") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getActingMember()) redirect("/");
  if (await needsSetup(db)) redirect("/setup");
  const { next } = await searchParams;
  const t = await getTranslations("auth");
  // The demo's fixed credentials are shown only where they work (SPEC §10, §12).
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
      <SignInForm next={next} />
    </AuthCard>
  );
}
