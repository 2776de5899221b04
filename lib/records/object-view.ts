/**
 * The records UI's view model: which objects the member sees and, for one object, the
 * ObjectView the client renders. Every answer comes from lib/records and the permission engine.
 */
import type { Tx } from "@/lib/db/prisma";
import type { Principal } from "@/lib/access/principal";
import { can, canAction, objectCapabilities } from "@/lib/permissions";
import { visibleFieldsOf } from "./access";
import { findRecordObject, listRecordObjects, type RecordObject } from "./objects";
import { inDisplayOrder } from "@/lib/csv/format";
import type { ObjectView } from "@/components/records/types";

/** Puts standard labels in the reader's language (pages pass `await metadataLabels()`). */
export type Localize = (objects: readonly RecordObject[]) => RecordObject[];
const asStored: Localize = (objects) => [...objects];

/** The objects the principal can see, in display order (the navigation). */
export async function visibleObjects(db: Tx, principal: Principal, localize: Localize = asStored): Promise<RecordObject[]> {
  const objects = localize(await listRecordObjects(db, principal.workspaceId));
  return objects.filter((object) => can(principal.permissions, "see", object.nameSingular));
}

export function toObjectView(principal: Principal, object: RecordObject, objects: readonly RecordObject[]): ObjectView {
  const { permissions } = principal;
  const capabilities = objectCapabilities(permissions, object);
  const editable = new Set(capabilities.editableFields);
  const creatable = new Set(capabilities.creatableFields);
  const fields = inDisplayOrder(visibleFieldsOf(principal, object)).map((field) => {
    const target = field.relationTarget ? objects.find((candidate) => candidate.nameSingular === field.relationTarget) : undefined;
    const relationTarget = target && can(permissions, "see", target.nameSingular) ? target.namePlural : null;
    return {
      name: field.name,
      label: field.label,
      type: field.type,
      isLabel: field.isLabel,
      isSystem: field.isSystem,
      // The engine's answer: a relation towards an object the role cannot see cannot be set either.
      editable: editable.has(field.name),
      creatable: creatable.has(field.name),
      ...(field.selectValues ? { selectValues: [...field.selectValues] } : {}),
      ...(field.type === "RELATION" ? { relationTarget } : {}),
    };
  });
  return {
    namePlural: object.namePlural,
    nameSingular: object.nameSingular,
    labelSingular: object.labelSingular,
    labelPlural: object.labelPlural,
    fields,
    labelField: fields.find((field) => field.isLabel)?.name ?? null,
    can: {
      create: capabilities.create,
      update: capabilities.update,
      delete: capabilities.delete,
      destroy: capabilities.destroy,
      exportCsv: canAction(permissions, "EXPORT_CSV"),
      // An import adds new records: it needs create, not edit (SPEC §13).
      importCsv: canAction(permissions, "IMPORT_CSV") && can(permissions, "create", object.nameSingular),
      sendEmail: canAction(permissions, "SEND_EMAIL") && fields.some((field) => field.type === "EMAIL"),
    },
  };
}

/** The object behind a URL segment, or null when it does not exist or the role cannot see it (same answer). */
export async function loadObjectView(db: Tx, principal: Principal, name: string, localize: Localize = asStored): Promise<{ object: RecordObject; view: ObjectView } | null> {
  const found = await findRecordObject(db, principal.workspaceId, name);
  if (!found || !can(principal.permissions, "see", found.nameSingular)) return null;
  const [object] = localize([found]);
  return { object, view: toObjectView(principal, object, localize(await listRecordObjects(db, principal.workspaceId))) };
}
