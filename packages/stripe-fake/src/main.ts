import { startStripeFake } from "./server";

/**
 * Runs the fake on its own for the demo: `tsx packages/stripe-fake/src/main.ts [port] [webhook-url whsec_…]`.
 * Point a practice's Stripe settings at the printed URL. A card is entered with
 * `curl -X POST <url>/_fake/setup_intents/<seti_…>/complete -d '{"brand":"visa","last4":"4242"}'`.
 * The web app loads this fake's Stripe.js from <url>/v3 when `billcycle start` has BILLCYCLE_STRIPE_JS_URL=<url>/v3.
 */
const [portText, webhookUrl, webhookSecret] = process.argv.slice(2);
const fake = await startStripeFake({
  port: portText ? Number(portText) : 12111,
  webhook: webhookUrl && webhookSecret ? { url: webhookUrl, secret: webhookSecret } : null,
});
console.log(`stripe fake listening on ${fake.url}`);
const stop = () => {
  fake.stop().finally(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
