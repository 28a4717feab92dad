import { notFound } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { stripeFailure } from "./stripe-client";

/**
 * The client's Stripe customer, created the first time it is needed. Two callers racing both ask Stripe with the
 * same idempotency key (so Stripe creates one customer) and the unique (practice, client) keeps one row.
 */
export const ensureStripeCustomer = async (
  database: Database,
  { stripe, practiceId, clientId, now }: { stripe: Stripe; practiceId: string; clientId: string; now: Date },
): Promise<string> => {
  const existing = await findStripeCustomerId(database, practiceId, clientId);
  if (existing) return existing;
  const [client] = await database.db
    .select({ firstName: tables.clients.firstName, lastName: tables.clients.lastName })
    .from(tables.clients)
    .where(and(eq(tables.clients.practiceId, practiceId), eq(tables.clients.id, clientId)));
  if (!client) throw notFound("Client");
  let customer: Stripe.Customer;
  try {
    customer = await stripe.customers.create(
      {
        name: `${client.firstName} ${client.lastName}`,
        metadata: { billcycle_practice_id: practiceId, billcycle_client_id: clientId },
      },
      { idempotencyKey: `billcycle-customer-${practiceId}-${clientId}` },
    );
  } catch (e) {
    throw stripeFailure(e, "create the client's customer");
  }
  await database.db
    .insert(tables.stripeCustomers)
    .values({
      id: newId(),
      practiceId,
      clientId,
      stripeCustomerId: customer.id,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  return (await findStripeCustomerId(database, practiceId, clientId)) ?? customer.id;
};

export const findStripeCustomerId = async (
  database: Pick<Database, "db">,
  practiceId: string,
  clientId: string,
): Promise<string | null> => {
  const [row] = await database.db
    .select({ id: tables.stripeCustomers.stripeCustomerId })
    .from(tables.stripeCustomers)
    .where(
      and(eq(tables.stripeCustomers.practiceId, practiceId), eq(tables.stripeCustomers.clientId, clientId)),
    );
  return row?.id ?? null;
};
