import { startStripeFake } from "@billcycle/stripe-fake";

/**
 * The Stripe fake for bench:billing, in its own process so the bench's RSS is billcycle's alone. Answers after
 * `latencyMs`; on "count" reports PaymentIntents created and keys that created more than one (duplicates).
 */
const latencyMs = Number(process.argv[2] ?? 50);
const fake = await startStripeFake({ latencyMs });
process.send?.({ url: fake.url });
process.on("message", (message: { type: string }) => {
  if (message.type !== "count") return;
  const created = new Map<string, number>();
  for (const r of fake.requests) {
    if (r.method === "POST" && r.path === "/v1/payment_intents" && r.createdId && r.idempotencyKey)
      created.set(r.idempotencyKey, (created.get(r.idempotencyKey) ?? 0) + 1);
  }
  const byCharge = new Map<string, number>();
  for (const pi of fake.paymentIntents()) {
    const id = pi.metadata?.billcycle_charge_id;
    if (id) byCharge.set(id, (byCharge.get(id) ?? 0) + 1);
  }
  process.send?.({
    paymentIntents: fake.paymentIntents().length,
    duplicateKeys: [...created.values()].filter((n) => n > 1).length,
    duplicateCharges: [...byCharge.values()].filter((n) => n > 1).length,
  });
});
process.on("disconnect", () => void fake.stop().finally(() => process.exit(0)));
