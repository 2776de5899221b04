import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireMemberWithTemporaryPassword } from "@/lib/access/current-member";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { replaceTemporaryPasswordAction } from "@/app/settings/account/actions";
import { signOutAction } from "@/app/(auth)/sign-in/actions";

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
    <main className="flex min-h-screen items-center justify-center bg-gray-50 px-4">
      <div className="w-full max-w-sm">
        <h1 className="text-xl font-semibold text-gray-900">{t("temporaryTitle")}</h1>
        <p className="mt-1 text-sm text-gray-600">{t("temporaryBody")}</p>
        <div className="mt-6 rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
          <ChangePasswordForm email={member.email} action={replaceTemporaryPasswordAction} temporary />
        </div>
        {/* The one other way out: someone else's computer, or the wrong account. */}
        <form action={signOutAction} className="mt-4 text-center">
          <button type="submit" className="text-sm text-gray-700 underline hover:text-gray-900">
            {tAuth("signOut")}
          </button>
        </form>
      </div>
    </main>
  );
}
