import { MEDICAL_NECESSITY_STATEMENT, type SuperbillContent } from "@billcycle/core";
import { type DocumentStamp, money, PdfLayout } from "./pdf-layout";

/**
 * A superbill as a PDF: what a payer needs to reimburse a client who files their own claim: practice and rendering
 * providers (name, NPI, tax id, license, address), client (name, date of birth, address, member id), ICD-10
 * diagnoses, each service (date, place of service, CPT and modifiers, units, fee), the client's payments and the
 * statement of medical necessity. Pure: the same content and stamp give the same bytes.
 */
export const renderSuperbillPdf = async (
  content: SuperbillContent,
  stamp: DocumentStamp,
): Promise<Uint8Array> => {
  const page = new PdfLayout(stamp);
  page.header(content.practice);
  page.blocks(
    {
      label: "Client (patient)",
      lines: [
        content.client.name,
        `Date of birth: ${content.client.dateOfBirth}`,
        ...content.client.addressLines,
        ...(content.client.payerName ? [`Insurance: ${content.client.payerName}`] : []),
        `Member ID: ${content.client.memberId ?? "not on file"}`,
        ...(content.client.groupNumber ? [`Group number: ${content.client.groupNumber}`] : []),
      ],
    },
    {
      label: "Billing provider",
      lines: [
        content.practice.name,
        ...content.practice.addressLines,
        `Tax ID: ${content.practice.taxId}`,
        `NPI: ${content.practice.npi}`,
        `Taxonomy: ${content.practice.taxonomyCode}`,
        `Services from ${content.periodFrom} to ${content.periodTo}`,
      ],
    },
  );
  page.text("Rendering providers", { bold: true, size: 10 });
  page.table(
    [
      { header: "#", width: 5 },
      { header: "Provider", width: 35 },
      { header: "NPI", width: 20 },
      { header: "License", width: 22 },
      { header: "Taxonomy", width: 18 },
    ],
    content.providers.map((p, i) => [
      String(i + 1),
      p.credentials ? `${p.name}, ${p.credentials}` : p.name,
      p.npi,
      p.license ?? "not on file",
      p.taxonomyCode,
    ]),
  );
  page.gap(4);
  page.text("Diagnoses (ICD-10)", { bold: true, size: 10 });
  page.table(
    [
      { header: "Pointer", width: 10 },
      { header: "ICD-10", width: 15 },
      { header: "Description", width: 75 },
    ],
    content.diagnoses.map((d, i) => [String.fromCharCode(65 + i), d.code, d.description ?? ""]),
  );
  page.gap(4);
  page.text("Services", { bold: true, size: 10 });
  page.table(
    [
      { header: "Date of service", width: 12 },
      { header: "POS", width: 5 },
      { header: "CPT", width: 8 },
      { header: "Modifiers", width: 9 },
      { header: "Description", width: 28 },
      { header: "Dx", width: 7 },
      { header: "Prov.", width: 6 },
      { header: "Units", width: 6, align: "right" },
      { header: "Fee", width: 12, align: "right" },
    ],
    content.services.map((s) => [
      s.dateOfService,
      s.placeOfServiceCode,
      s.code,
      s.modifiers.join(" "),
      s.description,
      s.diagnosisPointers.map((p) => String.fromCharCode(64 + p)).join(""),
      String(s.providerIndex + 1),
      String(s.units),
      money(s.feeCents),
    ]),
  );
  page.gap(4);
  page.totals([["Total fees", money(content.totalFeeCents)]], false);
  page.gap(8);
  page.text("Payments by the client", { bold: true, size: 10 });
  if (content.payments.length === 0) page.text("No payments recorded.");
  else
    page.table(
      [
        { header: "Date", width: 20 },
        { header: "Description", width: 60 },
        { header: "Amount", width: 20, align: "right" },
      ],
      content.payments.map((p) => [p.date ?? "", p.description, money(p.amountCents)]),
    );
  page.gap(4);
  page.totals([["Amount paid by the client", money(content.paidCents)]]);
  page.gap(10);
  page.text(MEDICAL_NECESSITY_STATEMENT);
  page.gap(18);
  page.text("Provider signature: ______________________________    Date: ______________");
  return page.finish();
};
