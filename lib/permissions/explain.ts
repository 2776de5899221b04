/**
 * "Allowed or denied, and why" for the permission-check API, the audit log and the editor's
 * tooltips. Reads the resolved view, whose sources already name the deciding level; this module
 * only turns them into one short English sentence (UI translations key off `source` instead).
 */
import { ACTION_PERMISSIONS, OBJECT_ACTIONS, SETTINGS_PERMISSIONS } from "./constants";
import { FAST_INDEX } from "./fast-index";
import { grantLabel, recordReach } from "./grants";
import { describeRecordRule } from "./record-rule";
import type {
  EffectivePermissions,
  Explanation,
  ExplainQuery,
  FieldPermissions,
  ObjectAction,
  ObjectPermissions,
  ResolvedValue,
} from "./types";

const ADMIN_REASON = "The Admin role has full access";

export function explain(perms: EffectivePermissions, query: ExplainQuery): Explanation {
  return perms.grants ? explainGrants(perms, query) : explainOne(perms, query);
}

/**
 * Several grants (SPEC §17): allowed when one grant allows it, which the answer names; a refusal
 * names every grant and why each refused. Record-level limits are those of all the grants that
 * allow the action together.
 */
function explainGrants(perms: EffectivePermissions, query: ExplainQuery): Explanation {
  const parts = perms.grants!.map((part) => ({ grant: part.grant, answer: explainOne(part.permissions, query) }));
  const consulted = parts.map((part) => part.grant);
  const allowing = parts.find((part) => part.answer.allowed);
  if (!allowing) {
    return { allowed: false, source: parts[0].answer.source, reason: parts.map((part) => `${grantLabel(part.grant)}: ${part.answer.reason}`).join("; "), consulted };
  }
  const base = { allowed: true, source: allowing.answer.source, reason: `${grantLabel(allowing.grant)}: ${allowing.answer.reason}`, grant: allowing.grant, consulted };
  if (query.kind !== "object") return base;
  const rule = recordReach(perms, query.object, query.action);
  if (rule.mode === "all") return base;
  const description = describeRecordRule(rule);
  return { ...base, reason: `${base.reason}; together, the grants that allow it reach only records of ${query.object} matching ${description}`, recordRule: { object: query.object, rule, description } };
}

function explainOne(perms: EffectivePermissions, query: ExplainQuery): Explanation {
  switch (query.kind) {
    case "object":
      return explainObjectQuery(perms, query.action, query.object, query.field);
    case "setting":
    case "action":
      return explainGrant(perms, query.key, GRANT_VOCABULARY[query.kind](perms));
    default:
      return denied(`Unknown permission kind ${String((query as { kind: unknown }).kind)}`);
  }
}

function explainObjectQuery(
  perms: EffectivePermissions,
  action: ObjectAction,
  object: string,
  field: string | undefined,
): Explanation {
  const explanation = explainObjectOrField(perms, action, object, field);
  const records = explanation.allowed ? perms.objects[object]?.records : undefined;
  if (!records || records.rule.mode === "all") return explanation;
  // Allowed, but only on some records: say which rule limits them (SPEC §13).
  const description = describeRecordRule(records.rule);
  return {
    ...explanation,
    reason: `${explanation.reason}; only on records of ${object} matching its record-level rule (${description})`,
    recordRule: { object, rule: records.rule, description },
  };
}

function explainObjectOrField(
  perms: EffectivePermissions,
  action: ObjectAction,
  object: string,
  field: string | undefined,
): Explanation {
  if (!(OBJECT_ACTIONS as readonly string[]).includes(action)) return denied(`Unknown action ${action}`);
  // The index Map, not `in`, decides existence: "constructor" must not look like an object.
  if (!perms[FAST_INDEX].objects.has(object)) return denied(`Unknown object ${object}`);
  const objectView = perms.objects[object];

  if (field === undefined) return explainObjectValue(objectView[action], action, object);
  if (!perms[FAST_INDEX].objects.get(object)!.fieldMasks.has(field)) {
    return denied(`Unknown field ${object}.${field}`);
  }
  // Records are deleted and destroyed whole, so a field-level question gets the object's answer.
  if (action === "delete" || action === "destroy") return explainObjectValue(objectView[action], action, object);
  return explainFieldValue(objectView, objectView.fields[field], action, object, field);
}

function explainObjectValue(value: ResolvedValue, action: ObjectAction, object: string): Explanation {
  switch (value.source) {
    case "admin":
      return answer(value, ADMIN_REASON);
    case "baseline":
      return answer(value, `Baseline for all objects sets ${action} to ${value.value}`);
    case "objectRule":
      return answer(value, `Object rule on ${object} sets ${action} to ${value.value}`);
    default:
      // Only the see-clamp produces a 'fixed' object value.
      return answer(value, `${capitalize(action)} requires see, and the role cannot see ${object}`);
  }
}

function explainFieldValue(
  objectView: ObjectPermissions,
  fieldView: FieldPermissions,
  action: "see" | "create" | "edit",
  object: string,
  field: string,
): Explanation {
  const value = fieldView[action];
  const path = `${object}.${field}`;
  switch (value.source) {
    case "admin":
      return answer(value, ADMIN_REASON);
    case "fieldRule":
      if (action !== "see" && !fieldView.see.value) {
        return answer(value, `Field rule on ${path} hides the field, so it cannot be ${action === "edit" ? "edited" : "set at creation"}`);
      }
      // A field rule never grants create; it can only make the field read-only at creation too.
      if (action === "create") return answer(value, `Field rule on ${path} makes the field read-only, so it cannot be set at creation`);
      return answer(value, `Field rule on ${path} sets ${action} to ${value.value}`);
    case "fixed":
      if (!objectView.see.value) {
        return answer(value, `The role cannot see ${object}, so none of its fields can be seen or edited`);
      }
      if (fieldView.kind === "system") {
        return answer(value, `${path} is a system field: always visible, never editable`);
      }
      return answer(value, `${path} is the label field: always visible when ${object} is visible`);
    default: {
      // Inherited: the object-level sentence names the deciding rule.
      const inherited = explainObjectValue(value, action, object);
      return answer(value, `${inherited.reason}; ${path} inherits it`);
    }
  }
}

interface GrantVocabulary {
  readonly knownKeys: readonly string[];
  readonly granted: ReadonlySet<string>;
  readonly allAccess: boolean;
  readonly allAccessName: string;
  readonly noun: string;
}

/** How each kind of keyed grant reads in an explanation, and where its keys are granted. */
const GRANT_VOCABULARY: Record<"setting" | "action", (perms: EffectivePermissions) => GrantVocabulary> = {
  setting: (perms) => ({ knownKeys: SETTINGS_PERMISSIONS, granted: perms[FAST_INDEX].grantedSettings, allAccess: perms.settingsAllAccess, allAccessName: "Settings all access", noun: "settings permission" }),
  action: (perms) => ({ knownKeys: ACTION_PERMISSIONS, granted: perms[FAST_INDEX].grantedActions, allAccess: perms.actionsAllAccess, allAccessName: "All actions access", noun: "action" }),
};

function explainGrant(perms: EffectivePermissions, key: string, vocabulary: GrantVocabulary): Explanation {
  const { knownKeys, granted, allAccess, allAccessName, noun } = vocabulary;
  if (!knownKeys.includes(key)) return denied(`Unknown ${noun} ${key}`);
  if (perms.isAdmin) return { allowed: true, source: "admin", reason: ADMIN_REASON };
  if (allAccess) return { allowed: true, source: "baseline", reason: `${allAccessName} is on` };
  const allowed = granted.has(key);
  const reason = allowed ? `The role grants the ${key} ${noun}` : `The role does not grant the ${key} ${noun}`;
  return { allowed, source: "baseline", reason };
}

function answer(value: ResolvedValue, reason: string): Explanation {
  return { allowed: value.value, source: value.source, reason };
}

function denied(reason: string): Explanation {
  return { allowed: false, source: "fixed", reason };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
