import { getTranslations } from "next-intl/server";

interface LabelledField {
  readonly name: string;
  readonly label: string;
  readonly isSystem?: boolean;
}

interface LabelledObject<F extends LabelledField> {
  readonly nameSingular: string;
  readonly isCustom: boolean;
  readonly labelSingular: string;
  readonly labelPlural: string;
  readonly fields: readonly F[];
  readonly fieldsByName?: ReadonlyMap<string, F>;
}

/**
 * Standard objects and fields are data, stored with English labels; the interface shows them in
 * the reader's language from the `metadata` catalog. Custom objects and fields keep the label
 * their creator typed. Machine interfaces (REST, OpenAPI, CSV headers) keep the stored labels.
 */
export async function metadataLabels() {
  const t = await getTranslations("metadata");
  const translated = (key: string, fallback: string) => (t.has(key) ? t(key as never) : fallback);

  return function localize<F extends LabelledField, O extends LabelledObject<F>>(objects: readonly O[]): O[] {
    return objects.map((object) => {
      if (object.isCustom) return object;
      const base = object.nameSingular;
      const fields = object.fields.map((field) => ({
        ...field,
        label: translated(field.isSystem ? `system.${field.name}` : `${base}.fields.${field.name}`, field.label),
      }));
      return {
        ...object,
        labelSingular: translated(`${base}.singular`, object.labelSingular),
        labelPlural: translated(`${base}.plural`, object.labelPlural),
        fields,
        ...(object.fieldsByName ? { fieldsByName: new Map(fields.map((field) => [field.name, field])) } : {}),
      };
    });
  };
}
