import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import type { ClearinghouseFileSummary } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { DataTable, Pager, useCursorPagination } from "../../components/data-table";
import { ErrorAlert } from "../../components/feedback";
import { SelectField } from "../../components/fields";
import { PageHeader } from "../../components/page";
import { Badge } from "../../components/status";
import { formatInstant } from "../../lib/format";
import { useUpdateParams } from "../../lib/url";
import { RemittanceTabs } from "./labels";
import { fileContentUrl, useFilesPage } from "./remittances-api";

type FileRow = ClearinghouseFileSummary;

const stateLabel: Record<FileRow["status"], string> = {
  pending: "Waiting to send",
  sent: "Sent",
  failed: "Not delivered yet",
  unknown: "Delivery unknown",
  received: "Being processed",
  processed: "Processed",
  rejected: "Refused",
  duplicate: "Duplicate",
};

/** A file's state in a word, in the color of what it asks of a person: nothing, waiting, or attention. */
const FileState = ({ file }: { file: FileRow }) => {
  if (file.attention)
    return (
      <Badge
        tone={file.status === "rejected" ? "danger" : "warning"}
      >{`${stateLabel[file.status]}: needs attention`}</Badge>
    );
  const tone = file.status === "sent" || file.status === "processed" ? "success" : "neutral";
  return <Badge tone={tone}>{stateLabel[file.status] ?? file.status}</Badge>;
};

const kindLabel: Record<FileRow["kind"], string> = {
  "837P": "837P claims",
  "999": "999 acknowledgment",
  "277CA": "277CA claim acknowledgment",
  "835": "835 remittance",
  unknown: "Unknown",
};

const what = (f: FileRow): string => {
  const acks = f.outcome?.acknowledgments;
  if (acks) return `${acks.accepted} accepted, ${acks.rejected} rejected, ${acks.unmatched} unmatched`;
  const r = f.outcome?.remittances;
  if (r)
    return `${r.count} remittance${r.count === 1 ? "" : "s"}: ${r.posted} claims posted, ${r.queued} to the work queue`;
  return "";
};

const directionOptions = [
  { id: "all", label: "Sent and received" },
  { id: "outbound", label: "Sent" },
  { id: "inbound", label: "Received" },
] as const;

/** Every clearinghouse file, sent and received, with its state, what a person must look at, and its bytes. */
export const FilesPage = () => {
  const { practiceId, display } = usePractice();
  const [params] = useSearchParams();
  const direction = (params.get("direction") || undefined) as "inbound" | "outbound" | undefined;
  const update = useUpdateParams();
  const pagination = useCursorPagination(direction ?? "all");
  const page = useFilesPage(practiceId, direction, pagination.cursor, pagination.pageSize);
  const cols = useMemo(
    (): ColumnDef<FileRow>[] => [
      {
        id: "when",
        header: "When",
        accessorFn: (f) => f.createdAt,
        cell: ({ row }) => formatInstant(row.original.createdAt, display),
      },
      {
        id: "direction",
        header: "Direction",
        accessorFn: (f) => (f.direction === "outbound" ? "Sent" : "Received"),
      },
      { id: "kind", header: "Kind", accessorFn: (f) => kindLabel[f.kind] ?? f.kind },
      { id: "name", header: "File", accessorFn: (f) => f.name },
      {
        id: "state",
        header: "State",
        enableSorting: false,
        cell: ({ row }) => <FileState file={row.original} />,
      },
      {
        id: "detail",
        header: "What it holds or what is wrong",
        enableSorting: false,
        cell: ({ row: { original: f } }) =>
          f.attention ? (
            <span>
              {f.attention.text}
              {f.attention.code ? (
                <>
                  {" "}
                  <code className="muted">{f.attention.code}</code>
                </>
              ) : null}
            </span>
          ) : (
            what(f)
          ),
      },
      {
        id: "download",
        header: "Download",
        enableSorting: false,
        cell: ({ row: { original: f } }) => (
          <a href={fileContentUrl(practiceId, f.id)} download={f.name} aria-label={`Download ${f.name}`}>
            Download
          </a>
        ),
      },
    ],
    [practiceId, display],
  );
  const rows = page.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Files"
        actions={<RemittanceTabs />}
        description="Every file exchanged with the clearinghouse: claims sent (837P), acknowledgments (999, 277CA) and remittances (835) received, each as it was sent or received."
      />
      <search className="filters" aria-label="Filter the files">
        <SelectField
          label="Direction"
          options={directionOptions}
          value={direction ?? "all"}
          onChange={(v) => update({ direction: v === "all" ? null : v })}
        />
      </search>
      {page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="Clearinghouse files"
            captionHidden
            columns={cols}
            data={rows}
            getRowId={(f) => f.id}
            isFetching={page.isFetching}
            empty={page.isPending ? "Loading…" : "No files yet."}
          />
          <Pager
            label="Files"
            pagination={pagination}
            rowsOnPage={rows.length}
            nextCursor={page.data?.nextCursor}
          />
        </>
      )}
    </>
  );
};
