import { clsx } from "clsx";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/section";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The column that names the row: its cells are `<th scope="row">`. */
  rowHeader?: boolean;
  /** Look of this column's cells (colour, font); the table's layout gives the padding. */
  className?: string;
  /** Extra classes for the column header, e.g. a width. */
  headerClassName?: string;
  /** Replaces the layout's padding for this column's cells (e.g. a column of buttons). */
  padding?: string;
}

/**
 * How the table sits: `inset` inside a settings card (first column indented like the card's
 * header), `plain` on the page, `boxed` in its own bordered box with a grey head.
 */
export type TableLayout = "inset" | "plain" | "boxed";

export interface DataTableProps<Row> {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  layout?: TableLayout;
  /** Row height: `normal` (py-2.5) or `compact` (py-2). */
  density?: "normal" | "compact";
  /** The table's accessible name, as a visually hidden caption. */
  caption?: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
  /** Shown instead of the table when there are no rows (a string gets the usual grey line). */
  empty?: ReactNode;
  /** While true, `loadingLabel` is shown instead of the rows. */
  loading?: boolean;
  loadingLabel?: string;
  /** A last column of per-row controls; its header is visually hidden. */
  rowActions?: { label: string; cell: (row: Row) => ReactNode };
  rowClassName?: string;
  className?: string;
  /** Space between columns of a `plain` table. */
  gutter?: "pr-3" | "pr-4";
}

const HEAD_ROW = "border-b border-gray-200 text-left text-xs text-gray-500";

function padding(layout: TableLayout, index: number, last: boolean, gutter: string) {
  if (layout === "boxed") return "px-3";
  if (layout === "inset") return index === 0 ? "px-4" : "pr-4";
  return last ? "" : gutter;
}

/** A table of rows under column headers, with an empty and a loading state. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  layout = "inset",
  density = "normal",
  caption,
  empty,
  loading,
  loadingLabel,
  rowActions,
  rowClassName,
  className,
  gutter = "pr-3",
  ...named
}: DataTableProps<Row>) {
  if (!loading && rows.length === 0 && empty !== undefined) {
    return typeof empty === "string" ? <EmptyState>{empty}</EmptyState> : <>{empty}</>;
  }
  const all: Column<Row>[] = rowActions
    ? [...columns, { key: "__actions", header: <span className="sr-only">{rowActions.label}</span>, cell: rowActions.cell, headerClassName: "text-right", className: "text-right", padding: "py-1.5 pr-4" }]
    : columns;
  const rowPadding = layout === "plain" || density === "compact" ? "py-2" : "py-2.5";
  const cellPadding = (column: Column<Row>, index: number) => column.padding ?? clsx(padding(layout, index, index === all.length - 1, gutter), rowPadding);
  return (
    <table className={clsx("w-full border-collapse text-sm", className)} {...named}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead className={layout === "boxed" ? "bg-gray-50" : undefined}>
        <tr className={HEAD_ROW}>
          {all.map((column, index) => (
            <th key={column.key} scope="col" className={clsx(padding(layout, index, index === all.length - 1, gutter), "py-2 font-medium", column.headerClassName)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody aria-busy={loading || undefined}>
        {loading ? (
          <tr>
            <td colSpan={all.length} className="px-4 py-6 text-center text-sm text-gray-500">{loadingLabel}</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={rowKey(row)} className={clsx("border-b border-gray-100", rowClassName ?? (layout === "inset" ? "last:border-b-0" : undefined))}>
              {all.map((column, index) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={clsx(cellPadding(column, index), "text-left", column.className ?? "font-medium text-gray-900")}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={clsx(cellPadding(column, index), column.className ?? "text-gray-700")}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
