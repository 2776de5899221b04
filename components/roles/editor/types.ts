import type { ActionError } from "@/lib/errors";
import type { RoleDraft } from "@/lib/roles/draft";
import type { Assignees } from "@/lib/roles/assignees";

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

export interface EditorRole {
  id: string;
  version: number;
  isAdmin: boolean;
  isDefault: boolean;
  draft: RoleDraft;
}

export interface RoleEditorProps {
  /** null while creating a role. */
  role: EditorRole | null;
  /** For a new role: where to start (a duplicate, an imported definition); empty otherwise. */
  initialDraft?: RoleDraft;
  objects: EditorObject[];
  principals: Assignees;
  adminMemberCount: number;
  actorMemberId: string;
  defaultRole: { id: string; name: string };
}

export type FieldErrors = (field: string) => string | null;

export type { ActionError };
