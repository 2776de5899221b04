/**
 * The CSV dialect of Rolecall: comma-separated, CRLF, UTF-8 with a byte-order mark (so that
 * spreadsheet software reads accents and Japanese correctly), headers are field labels.
 */

export const CSV_BOM = "\uFEFF";

/**
 * Cells that a spreadsheet would run as a formula get a leading apostrophe (papaparse's
 * `escapeFormulae`). A leading + or - is left alone when the rest is only digits and phone
 * punctuation ("+33 6 12 34 56 78", "-12.5"): those are values, not formulas that can call anything.
 */
export const FORMULA_PATTERN = /^(?:[=@\t\r]|[+-](?![\d\s().+-]*$))/;

/** Undoes the export's formula escape on import. */
export function unescapeFormula(cell: string): string {
  return cell.length > 1 && cell[0] === "'" && /[=+\-@\t\r]/.test(cell[1]) ? cell.slice(1) : cell;
}

/** Header matching is forgiving about case, width and surrounding spaces: "job title" = "Job title". */
export function headerKey(text: string): string {
  return text.normalize("NFKC").trim().toLocaleLowerCase("en");
}

/** Columns as people read them: the label (name) first, then the object's own fields, then system fields. */
export function inDisplayOrder<T extends { readonly isLabel: boolean; readonly isSystem: boolean }>(fields: readonly T[]): T[] {
  return [...fields.filter((field) => field.isLabel), ...fields.filter((field) => !field.isLabel && !field.isSystem), ...fields.filter((field) => field.isSystem && !field.isLabel)];
}
