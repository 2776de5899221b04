/**
 * The key and shape of the engine's internal index (./fast-index.ts builds it). Apart, with no
 * imports, so that ./types.ts can name it without importing the code that builds it.
 */
/** Symbol-keyed so that JSON.stringify of EffectivePermissions (e.g. in an API answer) skips it. */
export const FAST_INDEX = Symbol("rolecall.permissions.fastIndex");

export interface ObjectIndexEntry {
  /** Object-level see/create/edit/delete/destroy bits. */
  readonly mask: number;
  /**
   * Per field: the field's own see/create/edit bits, plus the object's delete/destroy bits,
   * because a field-level delete/destroy question is answered by the object (records are
   * deleted whole).
   */
  readonly fieldMasks: ReadonlyMap<string, number>;
  /** Precomputed in schema order for maskRecords and the field lists. */
  readonly visibleFields: readonly string[];
  readonly creatableFields: readonly string[];
  readonly editableFields: readonly string[];
}

export interface FastIndex {
  readonly objects: ReadonlyMap<string, ObjectIndexEntry>;
  readonly grantedSettings: ReadonlySet<string>;
  readonly grantedActions: ReadonlySet<string>;
}
