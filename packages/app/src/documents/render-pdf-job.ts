import type { SuperbillContent } from "@billcycle/core";
import {
  type EmployerInvoiceContent,
  renderEmployerInvoicePdf,
} from "../employer-billing/render-employer-invoice-pdf";
import type { DocumentStamp } from "./pdf-layout";
import { renderSuperbillPdf } from "./render-superbill-pdf";

/** A PDF to render, as plain data (structured-clonable: no database handles, no functions), by document kind. */
export type PdfJob =
  | { kind: "employer_invoice"; content: EmployerInvoiceContent }
  | { kind: "superbill"; content: SuperbillContent; stamp: DocumentStamp };

/** Renders one job in the calling thread: what a pool worker runs, and the pool's fallback when it has no threads. */
export const renderPdfJob = (job: PdfJob): Promise<Uint8Array> => {
  switch (job.kind) {
    case "employer_invoice":
      return renderEmployerInvoicePdf(job.content);
    case "superbill":
      return renderSuperbillPdf(job.content, job.stamp);
  }
};
