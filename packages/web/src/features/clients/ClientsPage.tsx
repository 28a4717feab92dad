import type { ColumnDef } from "@tanstack/react-table";
import { useEffect, useState } from "react";
import { Button } from "react-aria-components";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { Client } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { DataTable, Pager, useCursorPagination } from "../../components/data-table";
import { ModalDialog } from "../../components/dialog";
import { ErrorAlert } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { PageHeader } from "../../components/page";
import { Badge } from "../../components/status";
import { formatLocalDate, type PracticeDisplay } from "../../lib/format";
import { useUpdateParams } from "../../lib/url";
import { useDebounced } from "../../lib/use-debounced";
import { ClientForm } from "./ClientForm";
import { type ClientFilters, useClientsPage, useCreateClient } from "./clients-api";

export const fullName = (c: Pick<Client, "firstName" | "lastName">) => `${c.firstName} ${c.lastName}`;

const columns = (practiceId: string, display: PracticeDisplay): ColumnDef<Client>[] => [
  {
    id: "name",
    header: "Name",
    enableSorting: false,
    cell: ({ row }) => (
      <Link to={`/p/${practiceId}/clients/${row.original.id}`}>
        {row.original.lastName}, {row.original.firstName}
      </Link>
    ),
  },
  {
    id: "dateOfBirth",
    header: "Date of birth",
    enableSorting: false,
    cell: ({ row }) => formatLocalDate(row.original.dateOfBirth, display),
  },
  {
    id: "paysBy",
    header: "Pays by",
    enableSorting: false,
    cell: ({ row }) => (row.original.paysBy === "insurance" ? "Insurance" : "Self-pay"),
  },
  {
    id: "contact",
    header: "Contact",
    enableSorting: false,
    cell: ({ row }) => [row.original.email, row.original.phone].filter(Boolean).join(" · ") || "—",
  },
  {
    id: "active",
    header: "Status",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.active ? <Badge tone="success">Active</Badge> : <Badge tone="muted">Inactive</Badge>,
  },
];

const NewClient = () => {
  const { practiceId } = usePractice();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const create = useCreateClient(practiceId);
  return (
    <>
      <Button className="btn btn-primary" onPress={() => setOpen(true)}>
        New client
      </Button>
      <ModalDialog title="New client" isOpen={open} onOpenChange={setOpen} width="wide">
        <ClientForm
          client={null}
          submitLabel="Create client"
          error={create.error}
          isPending={create.isPending}
          onCancel={() => setOpen(false)}
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: (made) => {
                setOpen(false);
                navigate(`/p/${practiceId}/clients/${made.id}`);
              },
            })
          }
        />
      </ModalDialog>
    </>
  );
};

/** Clients by last name, found by part of the name or the date of birth, a server page at a time. */
export const ClientsPage = () => {
  const { practiceId, can, display } = usePractice();
  const [params] = useSearchParams();
  const set = useUpdateParams();
  const [text, setText] = useState(params.get("q") ?? "");
  const typed = useDebounced(text.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL follows what was typed, once settled
  useEffect(() => {
    if (typed !== (params.get("q") ?? "")) set({ q: typed || null });
  }, [typed]);
  const filters: ClientFilters = {
    search: params.get("q") || undefined,
    dateOfBirth: params.get("dob") || undefined,
  };
  const pagination = useCursorPagination(JSON.stringify(filters));
  const page = useClientsPage(practiceId, filters, pagination.cursor, pagination.pageSize);
  return (
    <>
      <PageHeader title="Clients" actions={can("clients:write") ? <NewClient /> : null} />
      <search className="filters" aria-label="Find clients">
        <TextInput label="Name" type="search" value={text} onChange={setText} placeholder="Part of a name" />
        <TextInput
          label="Date of birth"
          type="date"
          value={filters.dateOfBirth ?? ""}
          onChange={(v) => set({ dob: v || null })}
        />
        {filters.search || filters.dateOfBirth ? (
          <Button
            className="btn btn-quiet"
            onPress={() => {
              setText("");
              set({ q: null, dob: null });
            }}
          >
            Clear
          </Button>
        ) : null}
      </search>
      {page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <>
          <DataTable
            caption="Clients"
            captionHidden
            columns={columns(practiceId, display)}
            data={page.data?.data ?? []}
            getRowId={(c) => c.id}
            isFetching={page.isFetching}
            empty={page.isPending ? "Loading…" : "No client matches."}
          />
          <Pager
            pagination={pagination}
            rowsOnPage={page.data?.data.length ?? 0}
            nextCursor={page.data?.nextCursor}
            label="Clients"
          />
        </>
      )}
    </>
  );
};
