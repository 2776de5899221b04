import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { needsSetup } from "@/lib/workspace/setup";
import { SetupForm } from "@/components/auth/setup-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("setup");
  return { title: t("title") };
}

/** The first run of a real deployment (SEED_DEMO=0): create the workspace and its first Admin. Gone afterwards. */
export default async function SetupPage() {
  if (!(await needsSetup(db))) notFound();
  const t = await getTranslations("setup");
  return (
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-xl font-semibold text-gray-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-gray-600">{t("subtitle")}</p>
        <div className="mt-6 rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
          <SetupForm />
        </div>
      </div>
    </main>
  );
}
