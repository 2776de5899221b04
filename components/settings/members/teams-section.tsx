"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { createTeamAction, deleteTeamAction, updateTeamAction } from "@/app/settings/members/actions";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DataTable } from "@/components/ui/data-table";
import { FormErrors, FormFooter, SelectField, TextField } from "@/components/ui/form-field";
import { useAction, useConfirmAction } from "@/components/ui/use-action";
import { useFormErrors } from "@/components/settings/form-errors";

export interface TeamRow {
  id: string;
  name: string;
  leadId: string | null;
  memberIds: string[];
}

interface MemberOption {
  id: string;
  name: string;
}

/**
 * Settings → Members → Teams (docs/reference.md §19): each team's name, lead and members; `+ Create team`,
 * `Edit` and `Delete`. The server decides (authority, unique names); this form only gathers.
 */
export function TeamsSection({ teams, members }: { teams: TeamRow[]; members: MemberOption[] }) {
  const t = useTranslations("settings.members.teams");
  const [editing, setEditing] = useState<TeamRow | "new" | null>(null);
  const nameOf = (id: string | null) => (id ? (members.find((member) => member.id === id)?.name ?? "") : "");
  const remove = useConfirmAction((team: TeamRow) => deleteTeamAction({ teamId: team.id }), {
    failureToast: t("deleteFailed"),
    success: (data) => t("deleted", { name: data.name }),
  });

  return (
    <section aria-labelledby="teams-heading" className="mt-8 rounded-lg border border-gray-200 bg-white">
      <header className="flex items-center justify-between border-b border-gray-100 px-4 py-3">
        <h2 id="teams-heading" className="text-sm font-semibold text-gray-900">
          {t("heading")}
        </h2>
        <Button variant="secondary" onClick={() => setEditing("new")}>
          {t("create")}
        </Button>
      </header>
      <DataTable
        rows={teams}
        rowKey={(team) => team.id}
        empty={t("empty")}
        columns={[
          { key: "name", header: t("name"), rowHeader: true, cell: (team) => team.name },
          { key: "lead", header: t("lead"), cell: (team) => nameOf(team.leadId) || "—" },
          {
            key: "members",
            header: t("members"),
            cell: (team) =>
              team.memberIds
                .map((id) => nameOf(id))
                .sort()
                .join(", ") || "—",
          },
        ]}
        rowActions={{
          label: t("actions"),
          cell: (team) => (
            <div className="flex gap-1">
              <Button variant="ghost" aria-label={t("editNamed", { name: team.name })} onClick={() => setEditing(team)}>
                {t("edit")}
              </Button>
              <Button variant="ghost" aria-label={t("deleteNamed", { name: team.name })} className="text-red-700 hover:bg-red-50" onClick={() => remove.ask(team)}>
                {t("delete")}
              </Button>
            </div>
          ),
        }}
      />
      {editing ? <TeamDialog team={editing === "new" ? null : editing} members={members} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog {...remove.dialog} title={remove.target ? t("deleteTitle", { name: remove.target.name }) : ""} description={t("deleteBody")} />
    </section>
  );
}

function TeamDialog({ team, members, onClose }: { team: TeamRow | null; members: MemberOption[]; onClose: () => void }) {
  const t = useTranslations("settings.members.teams");
  const router = useRouter();
  const [name, setName] = useState(team?.name ?? "");
  const [leadId, setLeadId] = useState(team?.leadId ?? "");
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const save = (input: { name: string; leadId: string | null; memberIds: string[] }) => (team ? updateTeamAction({ ...input, teamId: team.id }) : createTeamAction(input));
  const { errors, pending, run } = useAction(save, {
    failureToast: t("saveFailed"),
    onSuccess: (data) => {
      toast.success(t("saved", { name: data.name }));
      onClose();
      router.refresh();
    },
  });
  const { forField, general } = useFormErrors(errors, {});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run({ name, leadId: leadId || null, memberIds });
  };
  const toggle = (id: string, on: boolean) => setMemberIds((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));

  return (
    <Modal open onOpenChange={(open) => !open && onClose()} title={team ? t("editTitle", { name: team.name }) : t("createTitle")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormErrors messages={general} />
        <TextField id="team-name" label={t("nameLabel")} value={name} maxLength={200} autoComplete="off" error={forField("name")} onChange={(event) => setName(event.target.value)} />
        <SelectField id="team-lead" label={t("lead")} value={leadId} error={forField("leadId")} onChange={(event) => setLeadId(event.target.value)}>
          <option value="">{t("noLead")}</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </SelectField>
        <fieldset>
          <legend className="text-sm font-medium text-gray-800">{t("members")}</legend>
          <div className="mt-2 grid max-h-56 grid-cols-2 gap-1 overflow-y-auto">
            {members.map((member) => (
              <label key={member.id} className="flex items-center gap-2 text-sm text-gray-700">
                <input type="checkbox" checked={memberIds.includes(member.id)} onChange={(event) => toggle(member.id, event.target.checked)} />
                {member.name}
              </label>
            ))}
          </div>
        </fieldset>
        <FormFooter onCancel={onClose} submitLabel={t("save")} pending={pending} />
      </form>
    </Modal>
  );
}
