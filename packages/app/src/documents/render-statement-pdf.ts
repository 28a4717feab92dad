import { type ClientStatement, documentKindLabel } from "@billcycle/core";
import { type DocumentStamp, money, PdfLayout } from "./pdf-layout";

const kindLabel: Record<ClientStatement["lines"][number]["kind"], string> = {
  charge: "Charge",
  payment: "Payment",
  refund: "Refund",
  credit: "Credit",
  adjustment: "Adjustment",
  write_off: "Write-off",
};

/**
 * A client statement as a PDF: balance forward, each ledger entry in the range with the running balance, the
 * ending balance and what is due (or the credit on account). Pure: the same statement and stamp give the same bytes.
 */
export const renderStatementPdf = async (
  statement: ClientStatement,
  stamp: DocumentStamp,
): Promise<Uint8Array> => {
  const page = new PdfLayout(stamp);
  page.header({ ...statement.practice, npi: null });
  page.blocks(
    { label: "Statement for", lines: [statement.client.name, ...statement.client.addressLines] },
    { label: documentKindLabel.statement, lines: [`Activity from ${statement.from} to ${statement.to}`] },
  );
  let balance = statement.balanceForwardCents;
  const rows: string[][] = [
    [statement.from, "", `Balance forward`, "", "", money(balance)],
    ...statement.lines.map((l) => {
      balance += l.amountCents;
      return [
        l.date,
        kindLabel[l.kind],
        l.description,
        l.invoiceNumber ?? "",
        money(l.amountCents),
        money(balance),
      ];
    }),
  ];
  page.table(
    [
      { header: "Date", width: 12 },
      { header: "Type", width: 11 },
      { header: "Description", width: 40 },
      { header: "Invoice", width: 11 },
      { header: "Amount", width: 13, align: "right" },
      { header: "Balance", width: 13, align: "right" },
    ],
    rows,
  );
  page.gap(4);
  page.totals([
    ["Ending balance", money(statement.endingBalanceCents)],
    ...(statement.creditOnAccountCents > 0
      ? ([["Credit on account", money(statement.creditOnAccountCents)]] as Array<[string, string]>)
      : []),
    ["Amount due", money(statement.amountDueCents)],
  ]);
  return page.finish();
};
