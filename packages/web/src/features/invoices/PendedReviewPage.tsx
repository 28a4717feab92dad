import type { ColumnDef, RowSelectionState } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { Button, Checkbox } from "react-aria-components";
import { errorText } from "../../api/client";
import { clientName, useDirectory } from "../../api/directory";
import type { Invoice } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { DataTable, Pager, useCursorPagination } from "../../components/data-table";
import { ConfirmDialog } from "../../components/dialog";
import { ErrorAlert, Notice } from "../../components/feedback";
import { PageHeader } from "../../components/page";
import { formatCents } from "../../lib/format";
import { InvoiceTabs } from "./InvoiceTabs";
import { invoiceColumns } from "./invoice-columns";
import { useInvoicesPage, useOpenInvoices } from "./invoices-api";

const selectColumn: ColumnDef<Invoice> = {
  id: "select",
  enableSorting: false,
  header: ({ table }) => (
    <Checkbox
      className="checkbox"
      aria-label="Select all invoices on this page"
      isSelected={table.getIsAllRowsSelected()}
      isIndeterminate={table.getIsSomeRowsSelected()}
      onChange={(v) => table.toggleAllRowsSelected(v)}
    >
      <span className="checkbox-box" aria-hidden="true" />
    </Checkbox>
  ),
  cell: ({ row }) => (
    <Checkbox
      className="checkbox"
      aria-label={`Select invoice ${row.original.number}`}
      isSelected={row.getIsSelected()}
      onChange={(v) => row.toggleSelected(v)}
    >
      <span className="checkbox-box" aria-hidden="true" />
    </Checkbox>
  ),
};

/** The Pended review queue: invoices created for review wait here; open the reviewed ones in bulk. */
export const PendedReviewPage = () => {
  const { practiceId, can, display } = usePractice();
  const directory = useDirectory(practiceId);
  const pagination = useCursorPagination("pended", 50);
  const page = useInvoicesPage(practiceId, { status: "pended" }, pagination.cursor, pagination.pageSize);
  const open = useOpenInvoices(practiceId);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const canOpen = can("billing:write");
  const columns = useMemo(
    () => [...(canOpen ? [selectColumn] : []), ...invoiceColumns(practiceId, directory.data, display)],
    [canOpen, practiceId, directory.data, display],
  );
  const rows = page.data?.data ?? [];
  const selected = rows.filter((r) => selection[r.id]);
  const total = selected.reduce((sum, i) => sum + i.totalCents, 0);

  const confirm = async () => {
    try {
      const result = await open.mutateAsync(selected.map((i) => i.id));
      setNotice(`${result.data.length} invoice${result.data.length === 1 ? "" : "s"} opened.`);
      setSelection({});
      setConfirming(false);
    } catch {
      // shown in the dialog
    }
  };

  return (
    <>
      <PageHeader
        title="Pended review"
        actions={<InvoiceTabs />}
        description="Invoices created in manual-review mode wait here as Pended. Review them, then open them: opened invoices are issued and can be claimed."
      />
      {notice ? <Notice>{notice}</Notice> : null}
      {canOpen ? (
        <div className="toolbar">
          <Button
            className="btn btn-primary"
            isDisabled={selected.length === 0}
            onPress={() => {
              open.reset();
              setNotice(null);
              setConfirming(true);
            }}
          >
            {`Open selected (${selected.length})`}
          </Button>
          <span className="muted">
            {selected.length ? `${formatCents(total)} selected` : "Select invoices to open."}
          </span>
        </div>
      ) : null}
      {page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="Pended invoices"
            captionHidden
            columns={columns}
            data={rows}
            getRowId={(i) => i.id}
            rowSelection={selection}
            onRowSelectionChange={canOpen ? setSelection : undefined}
            isFetching={page.isFetching}
            empty={page.isPending ? "Loading…" : "Nothing waits for review."}
          />
          <Pager
            label="Pended invoices"
            pagination={pagination}
            rowsOnPage={rows.length}
            nextCursor={page.data?.nextCursor}
            total={page.data?.total}
          />
        </>
      )}
      <ConfirmDialog
        isOpen={confirming}
        title={`Open ${selected.length} invoice${selected.length === 1 ? "" : "s"}?`}
        confirmLabel="Open invoices"
        onCancel={() => setConfirming(false)}
        onConfirm={() => void confirm()}
        isPending={open.isPending}
        error={open.isError ? errorText(open.error) : null}
      >
        <p>
          These invoices ({formatCents(total)} in all) leave review and are issued. Insurance invoices are
          claimed by the next Invoice Processing run. All open, or none if one cannot be.
        </p>
        <ul className="plain-list compact">
          {selected.slice(0, 8).map((i) => (
            <li key={i.id}>
              {i.number} · {clientName(directory.data, i.clientId)} · {formatCents(i.totalCents)}
            </li>
          ))}
          {selected.length > 8 ? <li>… and {selected.length - 8} more</li> : null}
        </ul>
      </ConfirmDialog>
    </>
  );
};
