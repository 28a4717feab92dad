import { decodeX12Bytes, describeFileProblem } from "@billcycle/core";
import { type FormEvent, useId, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { Link } from "react-router";
import { isApiError } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert } from "../../components/feedback";
import { remittanceStatusLabel } from "./labels";
import { type InboundResult, useImportFile } from "./remittances-api";

/** The API takes file names of letters, digits, dots, dashes and underscores. */
const safeName = (name: string) => name.replace(/[^\w.-]/g, "_").slice(-120) || "upload.835";

/**
 * The file's text, decoded by the rule the clearinghouse pickup uses (decodeX12Bytes: UTF-8 when the bytes are
 * UTF-8, else Windows-1252), so an uploaded file is the same text as the same file picked up. FileReader: every
 * browser has it, and so does the test DOM.
 */
const readText = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(reader.result instanceof ArrayBuffer ? decodeX12Bytes(new Uint8Array(reader.result)) : "");
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsArrayBuffer(file);
  });

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What the uploaded file did, in words: imported, a duplicate, unbalanced (→ work queue), or unreadable. */
const Outcome = ({ result }: { result: InboundResult }) => {
  const { practiceId } = usePractice();
  if (result.status === "rejected") {
    const problem = describeFileProblem(result.code ?? null, result.error ?? null);
    return (
      <ErrorAlert>
        {result.name} was not posted: {problem.text}
        {problem.code ? <code className="muted"> {problem.code}</code> : null}
      </ErrorAlert>
    );
  }
  if (result.status === "duplicate")
    return (
      <p role="status" className="alert alert-info">
        {result.name} was imported before: it is a duplicate, and nothing was posted again.
      </p>
    );
  if (result.kind !== "835" && (result.acknowledgments?.unmatched ?? 0) > 0)
    return (
      <div role="status" className="alert alert-warning">
        <p>
          {result.name} ({result.kind}) needs attention:{" "}
          {plural(result.acknowledgments?.unmatched ?? 0, "acknowledgment")} matched none of our claims or
          files ({result.acknowledgments?.accepted ?? 0} accepted, {result.acknowledgments?.rejected ?? 0}{" "}
          rejected).
        </p>
        <p>
          <Link to={`/p/${practiceId}/files`}>Open the Files screen</Link> to download it and see what it
          speaks of.
        </p>
      </div>
    );
  if (result.kind !== "835")
    return (
      <p role="status" className="alert alert-success">
        {result.name} ({result.kind}) processed
        {result.acknowledgments
          ? `: ${result.acknowledgments.accepted} accepted, ${result.acknowledgments.rejected} rejected, ${result.acknowledgments.unmatched} unmatched.`
          : "."}
      </p>
    );
  const remittances = result.remittances ?? [];
  const queued = remittances.some((r) => r.queued > 0 || r.status === "needs_review");
  return (
    <div role="status" className={`alert ${queued ? "alert-info" : "alert-success"}`}>
      <p>
        {result.name} imported: {plural(remittances.length, "remittance")}.
      </p>
      <ul className="plain-list compact">
        {remittances.map((r) => (
          <li key={r.traceNumber}>
            {r.remittanceId ? (
              <Link to={`/p/${practiceId}/remittances/${r.remittanceId}`}>Trace {r.traceNumber}</Link>
            ) : (
              `Trace ${r.traceNumber}`
            )}
            {": "}
            {r.status === "duplicate"
              ? "already imported, nothing posted again"
              : `${plural(r.claims, "claim")}, ${r.posted} posted, ${r.queued} to the work queue (${remittanceStatusLabel[r.status].toLowerCase()})`}
          </li>
        ))}
      </ul>
      {queued ? (
        <p>
          Some of it needs a person: <Link to={`/p/${practiceId}/work-queue`}>open the work queue</Link>.
        </p>
      ) : null}
    </div>
  );
};

/** Upload an 835 by hand (as if the clearinghouse had delivered it); the outcome shows, the list refreshes. */
export const ImportEra = () => {
  const { practiceId } = usePractice();
  const importFile = useImportFile(practiceId);
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [result, setResult] = useState<InboundResult | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setResult(null);
    setReadError(null);
    let content: string;
    try {
      content = await readText(chosen);
    } catch (e) {
      setReadError(e instanceof Error ? e.message : "The file could not be read.");
      return;
    }
    try {
      setResult(await importFile.mutateAsync({ name: safeName(chosen.name), content }));
      setChosen(null);
      if (input.current) input.current.value = "";
    } catch {
      // shown below
    }
  };

  const error = importFile.error;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-header">
        <h2 id={`${id}-title`}>Import an 835</h2>
      </div>
      <form className="upload-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-file`}>Remittance file (835)</label>
          <input
            id={`${id}-file`}
            ref={input}
            type="file"
            accept=".835,.x12,.edi,.txt,text/plain"
            aria-describedby={`${id}-help`}
            onChange={(e) => setChosen(e.currentTarget.files?.[0] ?? null)}
          />
          <p id={`${id}-help`} className="muted">
            Posted like a file picked up from the clearinghouse; the same file twice posts nothing twice.
          </p>
        </div>
        <Button
          type="submit"
          className="btn btn-primary"
          isDisabled={!chosen}
          isPending={importFile.isPending}
        >
          Import file
        </Button>
      </form>
      {error ? (
        <ErrorAlert>
          {isApiError(error) ? `${error.code}: ${error.message}` : "The file could not be uploaded."}
          {isApiError(error) && error.issues.length
            ? ` (${error.issues.map((i) => `${i.path}: ${i.message}`).join("; ")})`
            : ""}
        </ErrorAlert>
      ) : null}
      {readError ? <ErrorAlert>{readError}</ErrorAlert> : null}
      {result ? <Outcome result={result} /> : null}
    </section>
  );
};
