import { getTranslations } from "next-intl/server";
import { LogOut } from "lucide-react";
import type { ActingMember } from "@/lib/access/current-member";
import { signOutAction } from "@/app/(auth)/sign-in/actions";
import { LanguageSelect } from "./language-select";

/** The bottom of every sidebar: who is signed in, with which role, the language, sign out. */
export async function AccountFooter({ member }: { member: ActingMember }) {
  const t = await getTranslations("auth");
  return (
    <div className="mt-auto space-y-3 border-t border-gray-200 px-2.5 pt-4">
      <div>
        <p className="truncate text-sm font-medium text-gray-900">{member.name}</p>
        <p className="truncate text-xs text-gray-600">
          {member.email} · {member.roleName}
        </p>
      </div>
      <LanguageSelect />
      <form action={signOutAction}>
        <button type="submit" className="inline-flex items-center gap-1.5 text-sm text-gray-700 hover:text-gray-900">
          <LogOut aria-hidden className="size-4" />
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
