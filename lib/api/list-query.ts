/**
 * The list endpoint's query parameters. This schema validates requests and, through
 * z.toJSONSchema, documents them in the OpenAPI document.
 */
import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_SEARCH_LENGTH, parseListText, type ListRecordsOptions } from "@/lib/records";
import { parseOrThrow } from "@/lib/validation";
import { searchParamsObject } from "./search-params";

export const listQuerySchema = z.object({
  filter: z
    .string()
    .max(4_000)
    .optional()
    .describe("Conditions `field[op]:value`, comma-separated, all must hold. Operators: eq, neq, gt, gte, lt, lte, like (contains, case-insensitive), in (values separated by |), is (NULL or NOT_NULL). Example: `city[eq]:Paris,jobTitle[like]:sales`."),
  orderBy: z.string().max(200).optional().describe("`field` or `field:desc`. Default `createdAt` (oldest first); ties are broken by creation date, then id."),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().describe(`Records per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`),
  cursor: z.string().max(2_000).optional().describe("`pageInfo.endCursor` of the previous page, with the same orderBy."),
  search: z.string().max(MAX_SEARCH_LENGTH).optional().describe("Case-insensitive text searched in every text field your role can see."),
  deleted: z.enum(["exclude", "include", "only"]).optional().describe("Trashed records: `exclude` (default), `include`, or `only` (the trash)."),
});

export type ListQuery = ListRecordsOptions & { readonly trashOnly: boolean };

/** Several `filter` parameters add up, as if joined by commas. */
export function parseListQuery(url: URL): ListQuery {
  const query = parseOrThrow(listQuerySchema, searchParamsObject(url.searchParams, { filter: "," }), "query");
  return {
    ...parseListText(query),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
    cursor: query.cursor ?? null,
    search: query.search ?? null,
    includeDeleted: query.deleted === "include",
    trashOnly: query.deleted === "only",
  };
}
