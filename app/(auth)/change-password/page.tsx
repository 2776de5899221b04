import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireMemberWithTemporaryPassword } from "@/lib/access/current-member";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { replaceTemporaryPasswordAction } from "@/app/settings/account/actions";
import { signOutAction } from "@/app/(auth)/sign-in/actions";
import { AuthCard } from "@/components/layout/auth-card";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("temporaryTitle") };
}

/**
 * Where a member invited with a temporary password is held after signing in (SPEC §12): every
 * other page sends them here and every other server action refuses until they choose their own.
 */
export default async function ChangeTemporaryPasswordPage() {
  const member = await requireMemberWithTemporaryPassword();
  if (!member.mustChangePassword) redirect("/settings/account");
  const [t, tAuth] = await Promise.all([getTranslations("account"), getTranslations("auth")]);
  return (
    <AuthCard
      title={t("temporaryTitle")}
      subtitle={t("temporaryBody")}
      footer={
        // The one other way out: someone else's computer, or the wrong account.
        <form action={signOutAction} className="mt-4 text-center">
          <button type="submit" className="text-sm text-gray-700 underline hover:text-gray-900">
            {tAuth("signOut")}
          </button>
        </form>
      }
    >
      <ChangePasswordForm email={member.email} action={replaceTemporaryPasswordAction} temporary />
    </AuthCard>
  );
}
