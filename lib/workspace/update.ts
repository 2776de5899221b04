import { z } from "zod";
import type { Tx } from "@/lib/db/prisma";
import { LOCALES } from "@/lib/i18n/locales";
import type { Principal } from "@/lib/access/principal";
import { writeAudit } from "@/lib/audit/log";
import { authorityFor } from "@/lib/access/authority";

export const WORKSPACE_NAME_MAX_LENGTH = 100;

export const workspaceSettingsInput = z.object({
  name: z.string().trim().min(1).max(WORKSPACE_NAME_MAX_LENGTH),
  defaultLocale: z.enum(LOCALES),
});

export type WorkspaceSettings = z.infer<typeof workspaceSettingsInput>;

export async function getWorkspaceSettings(db: Tx, workspaceId: string): Promise<WorkspaceSettings> {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true, defaultLocale: true } });
  const parsed = workspaceSettingsInput.shape.defaultLocale.safeParse(workspace.defaultLocale);
  return { name: workspace.name, defaultLocale: parsed.success ? parsed.data : "en" };
}

/** Renames the workspace and sets its default language, audited with before and after. */
export async function updateWorkspaceSettings(tx: Tx, actor: Principal, input: WorkspaceSettings) {
  await authorityFor(tx, actor, "WORKSPACE");
  const before = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { name: true, defaultLocale: true } });
  if (before.name === input.name && before.defaultLocale === input.defaultLocale) return input;
  await tx.workspace.update({ where: { id: actor.workspaceId }, data: { name: input.name, defaultLocale: input.defaultLocale } });
  await writeAudit(tx, actor, {
    action: "workspace.updated",
    targetType: "workspace",
    targetId: actor.workspaceId,
    targetLabel: input.name,
    before,
    after: input,
  });
  return input;
}
