import type { BillContent } from "@billcycle/core";
import { type DocumentStamp, money, PdfLayout } from "./pdf-layout";

/**
 * A bill (invoice) as a PDF: practice header, client, invoice number and date, one row per line (date of service,
 * service, CPT, units, fee, insurance portion, client responsibility), payments applied and the amount due.
 * Pure: the same content and stamp give the same bytes.
 */
export const renderBillPdf = async (content: BillContent, stamp: DocumentStamp): Promise<Uint8Array> => {
  const page = new PdfLayout(stamp);
  page.header(content.practice);
  page.blocks(
    { label: "Bill to", lines: [content.client.name, ...content.client.addressLines] },
    {
      label: "Invoice",
      lines: [`Invoice number: ${content.invoiceNumber}`, `Invoice date: ${content.invoiceDate}`],
    },
  );
  if (content.void) page.text("VOID: this invoice was voided and is not payable.", { bold: true, size: 11 });
  page.gap(4);
  page.table(
    [
      { header: "Date of service", width: 12 },
      { header: "Service", width: 26 },
      { header: "CPT", width: 10 },
      { header: "Units", width: 6, align: "right" },
      { header: "Fee", width: 12, align: "right" },
      { header: "Insurance portion", width: 14, align: "right" },
      { header: "Client responsibility", width: 14, align: "right" },
    ],
    content.lines.map((l) => [
      l.dateOfService ?? "",
      l.description,
      [l.code, ...l.modifiers].join(" "),
      String(l.units),
      money(l.feeCents),
      money(l.insuranceCents),
      money(l.clientCents),
    ]),
  );
  page.gap(4);
  const lineInsurance = content.lines.reduce((a, l) => a + l.insuranceCents, 0);
  const movedToClient = lineInsurance - content.insuranceCents;
  page.totals(
    [
      ["Total charges", money(content.totalCents)],
      ["Insurance portion", money(content.insuranceCents)],
      ...(movedToClient > 0
        ? ([["Patient responsibility assigned by insurance", money(movedToClient)]] as Array<
            [string, string]
          >)
        : []),
      ...(content.adjustmentCents !== 0
        ? ([["Insurance adjustments", money(content.adjustmentCents)]] as Array<[string, string]>)
        : []),
      ["Client responsibility", money(content.clientCents)],
    ],
    false,
  );
  page.gap(8);
  page.text("Payments applied", { bold: true, size: 10 });
  if (content.payments.length === 0) page.text("No payments applied.");
  else
    page.table(
      [
        { header: "Date", width: 15 },
        { header: "From", width: 15 },
        { header: "Description", width: 50 },
        { header: "Amount", width: 20, align: "right" },
      ],
      content.payments.map((p) => [
        p.date ?? "",
        p.payer === "insurance" ? "Insurance" : "Client",
        p.description,
        money(p.amountCents),
      ]),
    );
  page.gap(6);
  page.totals([["Amount due", money(content.amountDueCents)]]);
  return page.finish();
};
