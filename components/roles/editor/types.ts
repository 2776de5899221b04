import type { ActionError } from "@/lib/errors";
import type { RoleDraft } from "@/lib/roles/draft";
import type { GuardrailStatement } from "@/lib/roles/guardrails";
import type { Assignees } from "@/lib/roles/assignees";
import type { PermissionView } from "@/lib/permissions";
import type { RoleVersionView } from "@/lib/roles/history";

export interface EditorField {
  name: string;
  label: string;
  type: string;
  isLabel: boolean;
  isSystem: boolean;
}

export interface EditorObject {
  name: string;
  labelSingular: string;
  labelPlural: string;
  fields: EditorField[];
}

/** A role, or a permission set (SPEC §17): the same definition, held beside a role. */
export type GrantKind = "role" | "set";

export interface EditorRole {
  id: string;
  kind: GrantKind;
  version: number;
  isAdmin: boolean;
  isDefault: boolean;
  draft: RoleDraft;
  /** Its guardrails (SPEC §14), exported with its definition (roles as code). */
  guardrails?: GuardrailStatement[];
}

export interface RoleEditorProps {
  /** null while creating a role. */
  role: EditorRole | null;
  /** Saved versions, newest first (SPEC §14); absent while creating a role. */
  history?: RoleVersionView[];
  /** For a new role: where to start (a duplicate, an imported definition); empty otherwise. */
  initialDraft?: RoleDraft;
  /** What a new definition becomes when saved; an existing one says it itself. */
  kind?: GrantKind;
  objects: EditorObject[];
  principals: Assignees;
  /** The workspace's permission sets (SPEC §17), for "View as" a role with some of them. */
  permissionSets: { id: string; name: string }[];
  adminMemberCount: number;
  actorMemberId: string;
  defaultRole: { id: string; name: string };
  /** The actor's authority (SPEC §11); null for an Admin, who may grant anything. */
  authority: EditorAuthority | null;
}

export interface EditorAuthority {
  permissions: PermissionView;
  /** The acting member: a rule about Me in their role bounds only their own records. */
  memberId: string | null;
  /** Roles the actor may hand out (and move principals from). */
  withinRoleIds: string[];
  /** Only Admins touch these (and whoever holds them). */
  adminRoleIds: string[];
}

export type FieldErrors = (field: string) => string | null;

export type { ActionError };
