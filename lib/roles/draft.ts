/**
 * The editor's draft of a role: the one role model (lib/permissions/model.ts) with its texts.
 * Validated with zod at the server boundary; the permission engine then checks the rules
 * between switches (SPEC §8). Names kept for the modules that import them from here.
 */
import { allObjects, assignableTo, type RoleDraft } from "@/lib/permissions";

export {
  draftToDefinition,
  fieldRuleSchema as fieldRuleDraft,
  objectRuleSchema as objectRuleDraft,
  recordConditionSchema as recordConditionDraft,
  recordRuleSchema as recordRuleDraft,
  roleDraftSchema as roleDraft,
} from "@/lib/permissions";
export type { FieldRuleDraft, ObjectRuleDraft, RoleDraft } from "@/lib/permissions";

/** A new role starts as the guide suggests: see everything, change nothing. */
export const EMPTY_ROLE_DRAFT: RoleDraft = {
  name: "",
  description: "",
  icon: "user",
  ...allObjects("see"),
  settingsAllAccess: false,
  settings: [],
  actionsAllAccess: false,
  actions: [],
  ...assignableTo("member", "apiKey", "agent"),
  objectRules: [],
  fieldRules: [],
};

/** A new permission set starts with nothing (SPEC §17): it adds to a role, so it grants only what is switched on. */
export const EMPTY_SET_DRAFT: RoleDraft = { ...EMPTY_ROLE_DRAFT, icon: "key", ...allObjects() };
