import { allObjects, assignableTo, type RoleSeed } from "@/lib/permissions/model";

/** Full access, not editable, not deletable, never assignable to AI agents (SPEC §2.7). */
export const ADMIN_ROLE: RoleSeed = {
  name: "Admin",
  description: "Full access to every object, setting and action.",
  icon: "shield",
  isAdmin: true,
  ...allObjects("see", "create", "edit", "delete", "destroy"),
  settingsAllAccess: true,
  actionsAllAccess: true,
  ...assignableTo("member", "apiKey"),
};

/** The default role of a new workspace. */
export const MEMBER_ROLE: RoleSeed = {
  name: "Member",
  description: "Works with every record; no access to settings.",
  icon: "user",
  ...allObjects("see", "create", "edit", "delete"),
  actionsAllAccess: true,
};

export const GUEST_ROLE: RoleSeed = {
  name: "Guest",
  description: "Sees every record, changes nothing.",
  icon: "eye",
  ...allObjects("see"),
};

/** The guide's example (SPEC §2.2–2.3 and §10). */
export const INTERN_ROLE: RoleSeed = {
  name: "Intern",
  description: "Sees everything but Opportunities; edits People, except Email; never sees Address.",
  icon: "graduation-cap",
  ...allObjects("see"),
  actions: ["EXPORT_CSV"],
  objectRules: [
    { object: "opportunity", canSee: false },
    { object: "person", canCreate: true, canEdit: true },
  ],
  fieldRules: [
    { object: "person", field: "email", canSee: true, canEdit: false },
    { object: "person", field: "address", canSee: false, canEdit: false },
  ],
};


/**
 * SPEC §13: sees People and Companies read-only, and only the Opportunities it owns (Owner is
 * Me), which it may create, see and edit. A created opportunity must name the creator as Owner,
 * or it would fall outside the rule: lib/records refuses it (RECORD_RULE) rather than hide it.
 */
export const SALES_REP_ROLE: RoleSeed = {
  name: "Sales rep",
  description: "Sees People and Companies; works only on the opportunities they own.",
  icon: "briefcase",
  ...allObjects(),
  objectRules: [
    { object: "person", canSee: true },
    { object: "company", canSee: true },
    {
      object: "opportunity",
      canSee: true,
      canCreate: true,
      canEdit: true,
      recordRule: { mode: "match", join: "all", conditions: [{ field: "ownerId", operator: "eq", value: { me: true } }] },
    },
  ],
};

/**
 * SPEC §13: sees every object and changes nothing (no create, edit, delete or destroy), except the
 * Stage of Opportunities: a field rule granting Edit on an otherwise read-only object.
 */
export const SUPPORT_ROLE: RoleSeed = {
  name: "Support",
  description: "Sees every record; may only move an opportunity to another stage.",
  icon: "headset",
  ...allObjects("see"),
  fieldRules: [{ object: "opportunity", field: "stage", canSee: true, canEdit: true }],
};

/**
 * SPEC §17: the demo's permission set. Olivia Auditor holds it beside Guest for 30 days after the
 * demo is seeded: the action Export CSV and nothing else.
 */
export const EXPORT_FOR_AUDIT_SET: RoleSeed = {
  name: "Export for audit",
  description: "Export CSV for an audit, for a limited time. Nothing else.",
  icon: "key",
  actions: ["EXPORT_CSV"],
};

/** How long the demo's Olivia holds Export for audit after the demo is seeded. */
export const DEMO_AUDIT_SET_DAYS = 30;
