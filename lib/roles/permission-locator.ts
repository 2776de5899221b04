import type { ExceedingPermission, ObjectAction, ObjectRule } from "@/lib/permissions";

const RULE_KEY = { see: "canSee", create: "canCreate", edit: "canEdit", delete: "canDelete", destroy: "canDestroy" } as const satisfies Record<ObjectAction, keyof ObjectRule>;

/**
 * The editor control that grants a permission, in the locators validation issues use
 * (`baseline.edit`, `object.person.edit`, `field.person.email`, `settings.ROLES`, `actions.EXPORT_CSV`):
 * an object permission sits on its object rule when the rule overrides it, else on the baseline.
 */
export function permissionLocator(item: Exclude<ExceedingPermission, { kind: "admin" }>, objectRules: readonly ObjectRule[]): string {
  switch (item.kind) {
    case "object": {
      const rule = objectRules.find((candidate) => candidate.object === item.object);
      return rule?.[RULE_KEY[item.action]] != null ? `object.${item.object}.${item.action}` : `baseline.${item.action}`;
    }
    case "field":
      return `field.${item.object}.${item.field}`;
    case "setting":
      return `settings.${item.key}`;
    case "action":
      return `actions.${item.key}`;
  }
}
