"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import type { InvitedMember } from "@/lib/members/invite";
import { inviteMemberAction } from "@/app/settings/members/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/settings/secret-reveal";
import { FormErrors, FormFooter, TextField } from "@/components/ui/form-field";
import { useAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";
import { Tooltip } from "@/components/ui/tooltip";
import { useErrorMessage } from "@/components/ui/use-error-message";

/**
 * "+ Invite member": name and email; the new member joins with the default role. Disabled, with
 * the reason, for an inviter whose own role is narrower than the default role (SPEC §11).
 */
export function InviteMember({ defaultRoleName, withinAuthority }: { defaultRoleName: string; withinAuthority: boolean }) {
  const t = useTranslations("settings.members");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [invited, setInvited] = useState<InvitedMember | null>(null);
  const { errors, setErrors, pending, run } = useAction(inviteMemberAction, {
    failureToast: t("inviteFailed"),
    onSuccess: (member) => {
      setInvited(member);
      toast.success(t("invited", { name: member.name, role: member.roleName }));
      router.refresh();
    },
  });
  const { forField, general } = useFormErrors(errors, { name: t("nameInvalid"), email: t("emailInvalid") });
  const errorMessage = useErrorMessage();
  const beyond = errorMessage({ code: "EXCEEDS_AUTHORITY", params: { kind: "none", action: "", object: "", field: "", key: "" } });

  const reset = () => {
    setName("");
    setEmail("");
    setErrors([]);
    setInvited(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run({ name, email });
  };

  return (
    <>
      {withinAuthority ? (
        <Button variant="primary" onClick={() => { reset(); setOpen(true); }}>{t("invite")}</Button>
      ) : (
        <Tooltip content={beyond}>
          <Button variant="primary" aria-disabled aria-description={beyond} className="cursor-not-allowed opacity-60">{t("invite")}</Button>
        </Tooltip>
      )}
      <Modal
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          // The temporary password is gone for good once the dialog closes.
          if (!next) reset();
        }}
        title={invited ? t("passwordTitle", { name: invited.name }) : t("inviteTitle")}
        description={invited ? t("passwordHelp", { name: invited.name, email: invited.email }) : t("inviteHelp", { role: defaultRoleName })}
       
      >
        {invited ? (
          <SecretReveal id="invite-password" label={t("passwordLabel")} secret={invited.temporaryPassword} onDone={() => { setOpen(false); reset(); }} />
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <FormErrors messages={general} />
            <TextField id="invite-name" label={t("nameLabel")} value={name} maxLength={200} autoComplete="off" error={forField("name")} onChange={(event) => setName(event.target.value)} />
            <TextField
              id="invite-email"
              type="email"
              label={t("emailLabel")}
              value={email}
              maxLength={300}
              autoComplete="off"
              error={forField("email")}
              onChange={(event) => setEmail(event.target.value)}
            />
            <FormFooter onCancel={() => setOpen(false)} submitLabel={t("sendInvite")} pending={pending} />
          </form>
        )}
      </Modal>
    </>
  );
}
