import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { Link, Navigate, useParams, useSearchParams } from "react-router";
import { errorText } from "../../api/client";
import { directoryKey } from "../../api/directory";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog, ModalDialog } from "../../components/dialog";
import { ErrorAlert, Loading, Notice } from "../../components/feedback";
import { CheckboxField, FormAlert, fieldErrors } from "../../components/form";
import { PageHeader } from "../../components/page";
import { Badge } from "../../components/status";
import { useUpdateParams } from "../../lib/url";
import { PracticeDisplayForm } from "./PracticeDisplayForm";
import { bodyOf, type Draft, draftOf, errorPaths, RecordFields } from "./record-form";
import {
  locations,
  payers,
  products,
  providers,
  type SetupResource,
  type SetupRow,
  services,
} from "./setup-resources";

const screens = [payers, providers, locations, services, products] as const;

/** The form of one record (new when `row` is null); the API's coded errors show beside the fields. */
const RecordForm = <R extends SetupRow>({
  resource,
  row,
  onDone,
}: {
  resource: SetupResource<R>;
  row: R | null;
  /** The saved record, or null when cancelled. */
  onDone: (saved: R | null) => void;
}) => {
  const { practiceId } = usePractice();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(resource.fields, row));
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      row
        ? resource.update(practiceId, row.id, { ...body, version: row.version })
        : resource.create(practiceId, body),
    onSuccess: (saved) => {
      onDone(saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [practiceId, "setup", resource.id] }),
        queryClient.invalidateQueries({ queryKey: directoryKey(practiceId) }),
      ]);
    },
  });
  const errors = { ...fieldErrors(save.error), ...invalid };
  return (
    <Form
      validationBehavior="aria"
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const result = bodyOf(resource.fields, draft);
        if ("invalid" in result) return setInvalid(result.invalid);
        setInvalid({});
        save.mutate(result.body);
      }}
    >
      <RecordFields
        fields={resource.fields}
        draft={draft}
        errors={errors}
        onChange={(key, value) => {
          setDraft((d) => ({ ...d, [key]: value }));
          setInvalid(({ [key]: _, ...rest }) => rest);
        }}
      />
      <FormAlert error={save.error} shown={errorPaths(resource.fields)} />
      <div className="dialog-actions">
        <Button className="btn" onPress={() => onDone(null)}>
          Cancel
        </Button>
        <Button type="submit" className="btn btn-primary" isPending={save.isPending}>
          {row ? "Save" : `Add ${resource.singular}`}
        </Button>
      </div>
    </Form>
  );
};

/** Deactivate / Reactivate (or Remove, for records without an active flag), confirmed first. */
const RowAction = <R extends SetupRow>({ resource, row }: { resource: SetupResource<R>; row: R }) => {
  const { practiceId } = usePractice();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const removes = !!resource.remove && row.active === undefined;
  const change = useMutation({
    mutationFn: () =>
      removes && resource.remove
        ? resource.remove(practiceId, row.id)
        : resource.update(practiceId, row.id, { active: !row.active, version: row.version }),
    onSuccess: async () => {
      setOpen(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [practiceId, "setup", resource.id] }),
        queryClient.invalidateQueries({ queryKey: directoryKey(practiceId) }),
      ]);
    },
  });
  const name = resource.name(row);
  const verb = removes ? "Remove" : row.active ? "Deactivate" : "Reactivate";
  return (
    <>
      <Button
        className="btn btn-small"
        aria-label={`${verb} ${name}`}
        onPress={() => {
          change.reset();
          setOpen(true);
        }}
      >
        {verb}
      </Button>
      <ConfirmDialog
        title={`${verb} ${name}?`}
        isOpen={open}
        onCancel={() => setOpen(false)}
        onConfirm={() => change.mutate()}
        confirmLabel={verb}
        tone={verb === "Reactivate" ? "primary" : "danger"}
        isPending={change.isPending}
        error={change.isError ? errorText(change.error) : null}
      >
        <p>
          {removes
            ? `The ${resource.singular} is removed. A ${resource.singular} that policies or claims use cannot be removed.`
            : row.active
              ? `New sessions cannot use this ${resource.singular}; what it was used for stays as it is.`
              : `This ${resource.singular} can be chosen again.`}
        </p>
      </ConfirmDialog>
    </>
  );
};

const ResourceScreen = <R extends SetupRow>({ resource }: { resource: SetupResource<R> }) => {
  const { practiceId, can } = usePractice();
  const [params] = useSearchParams();
  const setParams = useUpdateParams();
  const [adding, setAdding] = useState(false);
  const [showInactive, setShowInactive] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const rows = useQuery({
    queryKey: [practiceId, "setup", resource.id],
    queryFn: () => resource.list(practiceId),
  });
  const canEdit = can(resource.writePermission);
  const editing = rows.data?.find((r) => r.id === params.get("edit")) ?? null;
  const hasActive = rows.data?.some((r) => r.active !== undefined) ?? false;
  const shown = (rows.data ?? []).filter((r) => showInactive || r.active !== false);
  const columnCount = resource.columns.length + (hasActive ? 1 : 0) + (canEdit ? 1 : 0);
  return (
    <section aria-labelledby="setup-heading" className="card">
      <div className="card-header">
        <h2 id="setup-heading">{resource.title}</h2>
        {canEdit ? (
          <Button className="btn btn-primary" onPress={() => setAdding(true)}>
            Add {resource.singular}
          </Button>
        ) : null}
      </div>
      <p className="muted">{resource.description}</p>
      {saved ? <Notice>{saved}</Notice> : null}
      {hasActive ? (
        <CheckboxField label="Show inactive" isSelected={showInactive} onChange={setShowInactive} />
      ) : null}
      {rows.isPending ? (
        <Loading />
      ) : rows.isError ? (
        <ErrorAlert error={rows.error} />
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{resource.title}</caption>
            <thead>
              <tr>
                {resource.columns.map((c) => (
                  <th key={c.header} scope="col" className={c.align === "right" ? "num" : undefined}>
                    {c.header}
                  </th>
                ))}
                {hasActive ? <th scope="col">Status</th> : null}
                {canEdit ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {shown.length === 0 ? (
                <tr>
                  <td colSpan={columnCount} className="empty-cell">
                    None yet.
                  </td>
                </tr>
              ) : (
                shown.map((r) => (
                  <tr key={r.id}>
                    {resource.columns.map((c) => (
                      <td key={c.header} className={c.align === "right" ? "num" : undefined}>
                        {c.cell(r)}
                      </td>
                    ))}
                    {hasActive ? (
                      <td>
                        {r.active ? (
                          <Badge tone="success">Active</Badge>
                        ) : (
                          <Badge tone="muted">Inactive</Badge>
                        )}
                      </td>
                    ) : null}
                    {canEdit ? (
                      <td>
                        <div className="row-actions">
                          <Button
                            className="btn btn-small"
                            aria-label={`Edit ${resource.name(r)}`}
                            onPress={() => setParams({ edit: r.id })}
                          >
                            Edit
                          </Button>
                          <RowAction resource={resource} row={r} />
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      <ModalDialog title={`Add ${resource.singular}`} isOpen={adding} onOpenChange={setAdding} width="wide">
        <RecordForm
          resource={resource}
          row={null}
          onDone={(made) => {
            setAdding(false);
            if (made) setSaved(`${resource.name(made)} added.`);
          }}
        />
      </ModalDialog>
      <ModalDialog
        title={editing ? `Edit ${resource.name(editing)}` : "Edit"}
        isOpen={!!editing && canEdit}
        onOpenChange={(open) => {
          if (!open) setParams({ edit: null });
        }}
        width="wide"
      >
        {editing ? (
          <RecordForm
            key={editing.id}
            resource={resource}
            row={editing}
            onDone={(after) => {
              setParams({ edit: null });
              if (after) setSaved(`${resource.name(after)} saved.`);
            }}
          />
        ) : null}
      </ModalDialog>
    </section>
  );
};

/** Setup tabs that are not record lists. */
const PRACTICE_TAB = { id: "practice", title: "Dates and times" } as const;

/**
 * Practice setup: payers, providers, locations, services and fees, products — list, add, edit, deactivate — and
 * the practice's time zone and locale.
 */
export const SetupPage = () => {
  const { resource = "" } = useParams();
  const { practiceId } = usePractice();
  const current = [...screens, PRACTICE_TAB].find((s) => s.id === resource);
  if (!current) return <Navigate to={`/p/${practiceId}/setup/payers`} replace />;
  return (
    <>
      <PageHeader
        title="Setup"
        description="The practice's records that sessions and claims are built from."
      />
      <nav aria-label="Setup sections" className="segmented client-tabs">
        {[...screens, PRACTICE_TAB].map((s) => (
          <Link
            key={s.id}
            to={`/p/${practiceId}/setup/${s.id}`}
            aria-current={s.id === current.id ? "page" : undefined}
          >
            {s.title}
          </Link>
        ))}
      </nav>
      {current.id === "payers" ? <ResourceScreen key="payers" resource={payers} /> : null}
      {current.id === "providers" ? <ResourceScreen key="providers" resource={providers} /> : null}
      {current.id === "locations" ? <ResourceScreen key="locations" resource={locations} /> : null}
      {current.id === "services" ? <ResourceScreen key="services" resource={services} /> : null}
      {current.id === "products" ? <ResourceScreen key="products" resource={products} /> : null}
      {current.id === "practice" ? <PracticeDisplayForm /> : null}
    </>
  );
};
