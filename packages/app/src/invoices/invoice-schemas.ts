import { tables } from "@billcycle/db";
import { z } from "zod";
import { rowSchema } from "../schemas/row-schema";

/** An invoice's own row, as the invoice actions return it (without lines or history). */
export const invoiceRowSchema = rowSchema(tables.invoices).meta({ id: "InvoiceRow" });
export const openedInvoicesSchema = z
  .strictObject({ data: z.array(invoiceRowSchema) })
  .meta({ id: "OpenedInvoices" });
