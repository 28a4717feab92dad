import { DomainError, notFound } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";

/**
 * Products (a card fee) are only ever added by a person, and only while the invoice is Pended (a draft):
 * an issued invoice is never edited.
 */
export const addProductToInvoice = async (
  database: Database,
  {
    actor,
    invoiceId,
    input,
    now,
  }: { actor: TenantActor; invoiceId: string; input: { productId: string; quantity: number }; now: Date },
) =>
  database.db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(tables.invoices)
      .where(and(eq(tables.invoices.practiceId, actor.practiceId), eq(tables.invoices.id, invoiceId)))
      .for("update");
    if (!invoice) throw notFound("Invoice");
    if (invoice.status !== "pended") {
      throw new DomainError(
        "ILLEGAL_TRANSITION",
        `Products can be added only to Pended invoices; this one is ${invoice.status}`,
      );
    }
    const [product] = await tx
      .select()
      .from(tables.products)
      .where(and(eq(tables.products.practiceId, actor.practiceId), eq(tables.products.id, input.productId)));
    if (!product) throw new DomainError("REFERENCE_NOT_FOUND", "Product not found in this practice");
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${tables.invoiceLines.position}) + 1, 0)::int` })
      .from(tables.invoiceLines)
      .where(eq(tables.invoiceLines.invoiceId, invoiceId));
    const amount = product.priceCents * input.quantity;
    await tx.insert(tables.invoiceLines).values({
      id: newId(now.getTime()),
      practiceId: actor.practiceId,
      invoiceId,
      position: next,
      kind: "product",
      productId: product.id,
      code: "PRODUCT",
      description: product.name,
      units: input.quantity,
      unitFeeCents: product.priceCents,
      amountCents: amount,
      modifiers: [],
      diagnosisPointers: [],
      diagnosisCodes: [],
      insuranceEligible: false,
      createdAt: now,
      createdBy: actor.label,
    });
    const [updated] = await tx
      .update(tables.invoices)
      .set({
        totalCents: sql`${tables.invoices.totalCents} + ${amount}`,
        clientCents: sql`${tables.invoices.clientCents} + ${amount}`,
        updatedAt: now,
        version: sql`${tables.invoices.version} + 1`,
      })
      .where(eq(tables.invoices.id, invoiceId))
      .returning();
    await recordAudit(tx, actor, "update", "invoice", invoiceId, now, {
      fields: ["lines"],
      productId: product.id,
    });
    return updated!;
  });
