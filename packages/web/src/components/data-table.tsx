import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { Fragment, type ReactNode, useEffect, useState } from "react";
import { Button } from "react-aria-components";
import { SelectField } from "./fields";

type DataTableProps<T> = {
  /** Names the table for assistive technology (rendered as its caption). */
  caption: string;
  captionHidden?: boolean;
  columns: ColumnDef<T>[];
  data: T[];
  getRowId: (row: T) => string;
  empty?: ReactNode;
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: OnChangeFn<RowSelectionState>;
  enableRowSelection?: (row: T) => boolean;
  isFetching?: boolean;
  /**
   * Sorting done by the API across all pages: `keys` maps a column id to the API's sort key; `sort` is the API's
   * value (`key` or `-key`). Without it, a column header sorts the rows of the page shown.
   */
  serverSort?: {
    keys: Record<string, string>;
    sort: string | undefined;
    onSortChange: (sort: string | undefined) => void;
  };
  /** A row's details, shown in a full-width row under it when not null (an expanded timeline). */
  renderExpanded?: (row: T) => ReactNode;
};

/**
 * A `sort` URL parameter as the API's sort type, or undefined when it names no sortable column (a stale or
 * hand-edited link): `sorts` is the page's column id → sort key map, whose keys (with `-`) are the allowed values.
 */
export const sortParam = <S extends string>(
  value: string | null,
  sorts: Record<string, S>,
): S | undefined => {
  if (!value) return undefined;
  const key = value.startsWith("-") ? value.slice(1) : value;
  return Object.values<string>(sorts).includes(key) ? (value as S) : undefined;
};

const toSortingState = (keys: Record<string, string>, sort: string | undefined): SortingState => {
  if (!sort) return [];
  const desc = sort.startsWith("-");
  const key = desc ? sort.slice(1) : sort;
  const id = Object.entries(keys).find(([, k]) => k === key)?.[0];
  return id ? [{ id, desc }] : [];
};

const sortLabel = { asc: "ascending", desc: "descending" } as const;

/**
 * A semantic table driven by TanStack Table. Rows come one server page at a time (filters and pagination are
 * the API's); a column header sorts through the API when `serverSort` names the column, otherwise it sorts the
 * rows of the page shown.
 */
export const DataTable = <T,>({
  caption,
  captionHidden,
  columns,
  data,
  getRowId,
  empty = "Nothing matches.",
  rowSelection,
  onRowSelectionChange,
  enableRowSelection,
  isFetching,
  serverSort,
  renderExpanded,
}: DataTableProps<T>) => {
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const sorting = serverSort ? toSortingState(serverSort.keys, serverSort.sort) : localSorting;
  const onSortingChange: OnChangeFn<SortingState> = (updater) => {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    if (!serverSort) return setLocalSorting(next);
    const first = next[0];
    const key = first ? serverSort.keys[first.id] : undefined;
    serverSort.onSortChange(first && key ? `${first.desc ? "-" : ""}${key}` : undefined);
  };
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, rowSelection: rowSelection ?? {} },
    onSortingChange,
    manualSorting: !!serverSort,
    sortDescFirst: false,
    onRowSelectionChange,
    enableRowSelection: enableRowSelection
      ? (row) => enableRowSelection(row.original)
      : !!onRowSelectionChange,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const rows = table.getRowModel().rows;
  return (
    <div className="table-wrap" aria-busy={isFetching ? true : undefined}>
      <table className="data-table">
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const content = header.isPlaceholder
                  ? null
                  : flexRender(header.column.columnDef.header, header.getContext());
                const meta = header.column.columnDef.meta as { align?: "right" } | undefined;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? sortLabel[sorted] : undefined}
                    className={meta?.align === "right" ? "num" : undefined}
                  >
                    {(serverSort ? header.column.id in serverSort.keys : header.column.getCanSort()) ? (
                      <Button className="sort-button" onPress={() => header.column.toggleSorting()}>
                        {content}
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </Button>
                    ) : (
                      content
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty-cell">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => {
              const expanded = renderExpanded?.(row.original) ?? null;
              return (
                <Fragment key={row.id}>
                  <tr data-selected={row.getIsSelected() || undefined}>
                    {row.getVisibleCells().map((cell) => {
                      const meta = cell.column.columnDef.meta as { align?: "right" } | undefined;
                      return (
                        <td key={cell.id} className={meta?.align === "right" ? "num" : undefined}>
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      );
                    })}
                  </tr>
                  {expanded === null ? null : (
                    <tr className="expanded-row">
                      <td colSpan={row.getVisibleCells().length}>{expanded}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
};

export type CursorPagination = {
  cursor: string | undefined;
  pageIndex: number;
  pageSize: number;
  setPageSize: (n: number) => void;
  next: (nextCursor: string) => void;
  previous: () => void;
};

/**
 * Cursor pagination as the API does it (`?limit&cursor` → `nextCursor`): a stack of the cursors that led here,
 * so Previous works too. Starts over whenever `resetKey` (the filters) changes.
 */
export const useCursorPagination = (resetKey: string, initialPageSize = 25): CursorPagination => {
  const [stack, setStack] = useState<Array<string | undefined>>([undefined]);
  const [pageSize, setPageSizeState] = useState(initialPageSize);
  const [key, setKey] = useState(resetKey);
  useEffect(() => {
    if (key !== resetKey) {
      setKey(resetKey);
      setStack([undefined]);
    }
  }, [key, resetKey]);
  const current = key === resetKey ? stack : [undefined];
  return {
    cursor: current[current.length - 1],
    pageIndex: current.length - 1,
    pageSize,
    setPageSize: (n) => {
      setPageSizeState(n);
      setStack([undefined]);
    },
    next: (nextCursor) => setStack((s) => [...s, nextCursor]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
  };
};

const pageSizes = [
  { id: "25", label: "25" },
  { id: "50", label: "50" },
  { id: "100", label: "100" },
] as const;

/** Previous / Next for a cursor-paginated list, and the page size. */
export const Pager = ({
  pagination,
  rowsOnPage,
  nextCursor,
  label,
  total,
  isLoading = false,
}: {
  pagination: CursorPagination;
  rowsOnPage: number;
  nextCursor: string | null | undefined;
  label: string;
  /** Every row the filters match, when the API counted them. */
  total?: number | undefined;
  /** The first page is on its way: say nothing yet (the table says it is loading). */
  isLoading?: boolean;
}) => {
  const first = pagination.pageIndex * pagination.pageSize + (rowsOnPage ? 1 : 0);
  const last = pagination.pageIndex * pagination.pageSize + rowsOnPage;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <span className="muted" aria-live="polite">
        {/* No rows: the table's own empty cell says so ("Loading…" while the first page is on its way). */}
        {!isLoading && rowsOnPage ? `Showing ${first}–${last}` : ""}
        {!isLoading && rowsOnPage && total !== undefined ? ` of ${total}` : ""}
        {!isLoading && rowsOnPage && nextCursor && total === undefined ? " · more on the next page" : ""}
      </span>
      <div className="pager-controls">
        <SelectField
          label="Rows per page"
          className="page-size"
          options={pageSizes}
          value={String(pagination.pageSize) as "25" | "50" | "100"}
          onChange={(v) => pagination.setPageSize(Number(v))}
        />
        <Button className="btn" isDisabled={pagination.pageIndex === 0} onPress={pagination.previous}>
          Previous
        </Button>
        <Button
          className="btn"
          isDisabled={!nextCursor}
          onPress={() => {
            if (nextCursor) pagination.next(nextCursor);
          }}
        >
          Next
        </Button>
      </div>
    </nav>
  );
};
