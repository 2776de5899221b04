import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { needsSetup } from "@/lib/workspace/setup";
import { SetupForm } from "@/components/auth/setup-form";
import { pageTitle } from "@/components/layout/page-title";
import { AuthCard } from "@/components/layout/auth-card";

export const dynamic = "force-dynamic";

export const generateMetadata = pageTitle("setup");

/** The first run of a real deployment (SEED_DEMO=0): create the workspace and its first Admin. Gone afterwards. */
export default async function SetupPage() {
  if (!(await needsSetup(db))) notFound();
  const t = await getTranslations("setup");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")}>
      <SetupForm />
    </AuthCard>
  );
}
