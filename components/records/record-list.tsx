"use client";

import Link from "next/link";
import { useMemo, useState, useSyncExternalStore } from "react";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { clsx } from "clsx";
import { ArrowDown, ArrowUp, ArrowUpDown, Trash2 } from "lucide-react";
import { SearchInput } from "@/components/ui/search-input";
import { listRecordsAction } from "@/app/(workspace)/objects/actions";
import { Button, buttonClasses } from "@/components/ui/button";
import { RetryAlert } from "@/components/ui/retry-alert";
import { errorsOf, unwrap } from "./action-result";
import { ExportCsvButton, ImportCsvButton } from "./csv-buttons";
import { CreateRecordButton } from "./create-record";
import { FieldValue } from "./field-value";
import { FilterBar } from "./filter-bar";
import { PAGE_SIZE } from "./constants";
import { filterableFields } from "./filters";
import { useDebouncedValue } from "./use-debounced-value";
import { useRecordErrors } from "./use-record-errors";
import type { FieldView, ListFilter, ListQuery, ListSort, ObjectView, RecordValues, RecordsPage } from "./types";

const SKELETON_ROWS = 8;
/**
 * Rows the server renders into the page's HTML: about a screenful. The rest of the first page
 * (its data came with the page) is rendered by the browser right after hydration, so the HTML
 * does not carry 50 rows of markup beside the same 50 records as data.
 */
const FIRST_PAINT_ROWS = 20;
const noSubscription = () => () => {};

/** False while the server renders and the browser hydrates, true from the browser's next render on. */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/** Columns of a list: the label first, then the object's own fields, then the creation date. */
export function listColumns(view: ObjectView): FieldView[] {
  const own = view.fields.filter((field) => !field.isSystem);
  const created = view.fields.filter((field) => field.name === "createdAt");
  return [...own.filter((field) => field.isLabel), ...own.filter((field) => !field.isLabel), ...created];
}

function isDefaultQuery(query: ListQuery) {
  return query.filter.length === 0 && query.orderBy === null && query.search === "";
}

export function recordsKey(object: string) {
  return ["records", object] as const;
}

/** The list of one object: search, filters, sortable columns, cursor pagination ("Load more"). */
export function RecordList({ view, initialPage }: { view: ObjectView; initialPage?: RecordsPage }) {
  const t = useTranslations("records.list");
  const describeError = useRecordErrors(view);
  const [sort, setSort] = useState<ListSort | null>(null);
  const [filters, setFilters] = useState<ListFilter[]>([]);
  const [searchText, setSearchText] = useState("");
  const search = useDebouncedValue(searchText.trim(), 300);
  const query: ListQuery = useMemo(() => ({ filter: filters, orderBy: sort, search }), [filters, sort, search]);
  const columns = listColumns(view);
  const sortable = new Set(filterableFields(view.fields).map((field) => field.name));

  const list = useInfiniteQuery({
    queryKey: [...recordsKey(view.namePlural), "list", query],
    queryFn: async ({ pageParam }) =>
      unwrap(
        await listRecordsAction({
          object: view.namePlural,
          filter: query.filter,
          orderBy: query.orderBy,
          search: query.search || null,
          cursor: pageParam,
          limit: PAGE_SIZE,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
    placeholderData: keepPreviousData,
    // The first page of the unfiltered list comes with the server render: no loading flash.
    ...(initialPage && isDefaultQuery(query) ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });

  const pages = list.data?.pages;
  const records = useMemo(() => (pages ?? []).flatMap((page) => page.records), [pages]);
  const mergedLabels = useMemo(() => {
    const merged: Record<string, Record<string, string>> = {};
    for (const page of pages ?? []) for (const [field, byId] of Object.entries(page.labels)) merged[field] = { ...merged[field], ...byId };
    return merged;
  }, [pages]);
  const filtered = query.filter.length > 0 || query.search !== "";
  const hydrated = useHydrated();
  const shown = hydrated ? records : records.slice(0, FIRST_PAINT_ROWS);

  const toggleSort = (field: string) => {
    setSort((current) => {
      if (!current || current.field !== field) return { field, direction: "asc" };
      if (current.direction === "asc") return { field, direction: "desc" };
      return null;
    });
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold text-gray-900">{view.labelPlural}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {view.can.delete || view.can.destroy ? (
            <Link href={`/objects/${view.namePlural}/trash`} className={buttonClasses("ghost")}>
              <Trash2 aria-hidden className="size-4" />
              {t("trash")}
            </Link>
          ) : null}
          {view.can.importCsv ? <ImportCsvButton view={view} /> : null}
          {view.can.exportCsv ? <ExportCsvButton view={view} query={query} /> : null}
          {view.can.create ? <CreateRecordButton view={view} /> : null}
        </div>
      </div>

      <div className="flex flex-wrap items-start gap-3">
        <SearchInput label={t("search", { object: view.labelPlural })} value={searchText} onChange={(event) => setSearchText(event.target.value)} maxLength={200} className="w-72" />
        <div className="min-w-0 flex-1">
          <FilterBar view={view} filters={filters} onChange={setFilters} />
        </div>
      </div>

      {list.isError ? <RetryAlert message={describeError(errorsOf(list.error)[0])} retryLabel={t("retry")} onRetry={() => void list.refetch()} /> : null}

      <div className="overflow-x-auto rounded-lg border border-gray-200">
        <table className={clsx("w-full border-collapse text-sm", list.isPlaceholderData && "opacity-60")} aria-busy={list.isFetching || undefined}>
          <caption className="sr-only">{t("caption", { object: view.labelPlural })}</caption>
          <thead className="bg-gray-50">
            <tr className="border-b border-gray-200 text-left text-xs text-gray-500">
              {columns.map((field) => {
                const active = sort?.field === field.name ? sort.direction : null;
                return (
                  <th
                    key={field.name}
                    scope="col"
                    aria-sort={active === "asc" ? "ascending" : active === "desc" ? "descending" : undefined}
                    className="px-3 py-2 font-medium whitespace-nowrap"
                  >
                    {sortable.has(field.name) ? (
                      <button
                        type="button"
                        onClick={() => toggleSort(field.name)}
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-gray-200/60 hover:text-gray-800"
                      >
                        {field.label}
                        {active === "asc" ? (
                          <ArrowUp aria-hidden className="size-3.5" />
                        ) : active === "desc" ? (
                          <ArrowDown aria-hidden className="size-3.5" />
                        ) : (
                          <ArrowUpDown aria-hidden className="size-3.5 text-gray-300" />
                        )}
                      </button>
                    ) : (
                      field.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          {/* Row and cell styles come from .records-rows (app/globals.css): once, not on 50 × 8 cells. */}
          <tbody className="records-rows">
            {list.isPending
              ? Array.from({ length: SKELETON_ROWS }, (_, index) => (
                  <tr key={index} className="h-10 border-b border-gray-100">
                    {columns.map((field) => (
                      <td key={field.name} className="px-3">
                        <span className="block h-3 w-24 animate-pulse rounded bg-gray-100" />
                      </td>
                    ))}
                  </tr>
                ))
              : shown.map((record) => <RecordRow key={String(record.id)} view={view} columns={columns} record={record} labels={mergedLabels} />)}
          </tbody>
        </table>
        {list.isPending ? <p className="sr-only" role="status">{t("loading")}</p> : null}
        {!list.isPending && !list.isError && records.length === 0 ? (
          <p className="px-3 py-10 text-center text-sm text-gray-500">{filtered ? t("emptyFiltered") : t("empty", { object: view.labelPlural })}</p>
        ) : null}
      </div>

      <div className="flex min-h-9 items-center justify-between gap-3">
        <p className="text-sm text-gray-600" role="status">
          {list.isPending ? "" : t("shown", { count: records.length })}
        </p>
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t("loading") : t("loadMore")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function RecordRow({ view, columns, record, labels }: { view: ObjectView; columns: FieldView[]; record: RecordValues; labels: Record<string, Record<string, string>> }) {
  const t = useTranslations("records.list");
  const href = `/objects/${view.namePlural}/${encodeURIComponent(String(record.id))}`;
  return (
    <tr>
      {columns.map((field, index) =>
        field.isLabel || (index === 0 && view.labelField === null) ? (
          <td key={field.name}>
            <Link href={href} className="font-medium text-gray-900 hover:text-brand-700 hover:underline">
              {record[field.name] === null || record[field.name] === undefined || record[field.name] === "" ? t("untitled") : String(record[field.name])}
            </Link>
          </td>
        ) : (
          <td key={field.name}>
            <FieldValue field={field} value={record[field.name]} labels={labels} />
          </td>
        ),
      )}
    </tr>
  );
}
