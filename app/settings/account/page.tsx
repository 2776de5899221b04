import { getTranslations } from "next-intl/server";
import { requireMember } from "@/lib/access/current-member";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutAllButton } from "@/components/account/sign-out-all-button";
import { changePasswordAction } from "./actions";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("account");

/** Settings → Account (SPEC §12): every member's own password and sessions. */
export default async function AccountPage() {
  const member = await requireMember();
  const t = await getTranslations("account");
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <section aria-labelledby="change-password-heading" className="mt-8 max-w-2xl rounded-lg border border-gray-200 bg-white p-4">
        <h2 id="change-password-heading" className="mb-4 text-base font-semibold text-gray-900">{t("changePassword")}</h2>
        <ChangePasswordForm email={member.email} action={changePasswordAction} />
      </section>
      <section aria-labelledby="sessions-heading" className="mt-6 max-w-2xl rounded-lg border border-gray-200 bg-white p-4">
        <h2 id="sessions-heading" className="text-base font-semibold text-gray-900">{t("sessionsTitle")}</h2>
        <p className="mt-1 mb-4 text-sm text-gray-600">{t("signOutAllBody")}</p>
        <SignOutAllButton />
      </section>
    </div>
  );
}
