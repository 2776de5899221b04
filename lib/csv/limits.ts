/** Import limits, shared by the server (lib/csv/import.ts) and the import dialog. */

/** Under the 1 MB body limit of a Next.js server action, multipart overhead included. */
export const MAX_IMPORT_BYTES = 900_000;
/**
 * The import holds SQLite's write lock while it runs (about 5 ms a row on the CI machine); other
 * writers wait up to 15 s for it. 1,000 rows keeps that wait to a few seconds.
 */
export const MAX_IMPORT_ROWS = 1_000;
