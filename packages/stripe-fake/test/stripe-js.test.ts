import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Page } from "playwright-core";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "../src/index";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A merchant page on another origin, as billcycle's would be: it loads the fake's /v3 and mounts the card. */
const merchantPage = (stripeJs: string) => `<!doctype html><html><body>
<form id="f"><div id="card"></div><button id="save">Save</button></form><pre id="out"></pre>
<script src="${stripeJs}"></script>
<script>
  window.changes = [];
  const stripe = Stripe("pk_test_fake");
  const card = stripe.elements().create("card");
  card.on("change", (e) => window.changes.push(e));
  card.mount("#card");
  window.confirmWith = (secret) =>
    stripe.confirmCardSetup(secret, { payment_method: { card } }).then((r) => JSON.parse(JSON.stringify(r)));
</script></body></html>`;

describe.skipIf(!existsSync(CHROMIUM))("the fake's Stripe.js, in Chromium", () => {
  let fake: StripeFake;
  let stripe: Stripe;
  let merchant: Server;
  let merchantUrl: string;
  const merchantBodies: string[] = [];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fake = await startStripeFake();
    stripe = new Stripe("sk_test_fake", { host: fake.host, port: fake.port, protocol: fake.protocol });
    merchant = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        merchantBodies.push(`${req.url} ${Buffer.concat(chunks).toString("utf8")}`);
        res.writeHead(200, { "content-type": "text/html" }).end(merchantPage(`${fake.url}/v3`));
      });
    });
    await new Promise<void>((r) => merchant.listen(0, "127.0.0.1", r));
    merchantUrl = `http://127.0.0.1:${(merchant.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => merchant?.close(r));
    await fake?.stop();
  });

  const setupIntent = async () => {
    const customer = await stripe.customers.create({});
    return stripe.setupIntents.create({ customer: customer.id, usage: "off_session" });
  };

  const typeCard = async (number: string, exp = "12 / 34") => {
    const frame = page.frameLocator('iframe[title="Secure card payment input frame"]');
    await frame.getByLabel("Card number").fill(number);
    await frame.getByLabel("Expiration date MM / YY").fill(exp);
    await frame.getByLabel("CVC").fill("123");
    await frame.getByLabel("ZIP").fill("97201");
  };

  it("saves the typed card on the SetupIntent's customer; the merchant's server never sees the number", async () => {
    await page.goto(merchantUrl);
    await typeCard("4242 4242 4242 4242");
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { changes: { complete: boolean }[] }).changes.at(-1)?.complete,
        ),
      )
      .toBe(true);
    const si = await setupIntent();
    const result = await page.evaluate(
      (secret) => (window as unknown as { confirmWith: (s: string) => Promise<unknown> }).confirmWith(secret),
      si.client_secret ?? "",
    );
    expect(result).toMatchObject({ setupIntent: { id: si.id, status: "succeeded" } });
    const saved = await stripe.setupIntents.retrieve(si.id);
    const pm = await stripe.paymentMethods.retrieve(String(saved.payment_method));
    expect(pm.card).toMatchObject({ brand: "visa", last4: "4242", exp_month: 12, exp_year: 2034 });
    expect(pm.customer).toBe(si.customer);
    // The number went to the fake (Stripe) only.
    const confirm = fake.requests.find((r) => r.path === `/v1/setup_intents/${si.id}/confirm`);
    expect(JSON.stringify(confirm?.params)).toContain("4242424242424242");
    expect(merchantBodies.join("\n")).not.toContain("4242");
  });

  it("answers a declined test card and a wrong client secret with Stripe's errors, saving nothing", async () => {
    await page.goto(merchantUrl);
    await typeCard("4000 0000 0000 0002");
    const si = await setupIntent();
    const declined = await page.evaluate(
      (secret) => (window as unknown as { confirmWith: (s: string) => Promise<unknown> }).confirmWith(secret),
      si.client_secret ?? "",
    );
    expect(declined).toMatchObject({
      error: { type: "card_error", code: "card_declined", decline_code: "generic_decline" },
    });
    expect((await stripe.setupIntents.retrieve(si.id)).status).toBe("requires_payment_method");

    await typeCard("4242 4242 4242 4242");
    const wrong = await page.evaluate(
      (secret) => (window as unknown as { confirmWith: (s: string) => Promise<unknown> }).confirmWith(secret),
      `${si.id}_secret_nottheone`,
    );
    expect(wrong).toMatchObject({ error: { code: "setup_intent_authentication_failure" } });
    expect((await stripe.setupIntents.retrieve(si.id)).payment_method).toBeNull();
  });

  it("reports an invalid number as the element's change error, before anything is sent", async () => {
    await page.goto(merchantUrl);
    await typeCard("4242 4242 4242 4241");
    const last = await page.evaluate(() =>
      (window as unknown as { changes: { error?: { code: string } }[] }).changes.at(-1),
    );
    expect(last?.error?.code).toBe("invalid_number");
    const before = fake.requests.length;
    const si = await setupIntent();
    const result = await page.evaluate(
      (secret) => (window as unknown as { confirmWith: (s: string) => Promise<unknown> }).confirmWith(secret),
      si.client_secret ?? "",
    );
    expect(result).toMatchObject({ error: { type: "validation_error", code: "invalid_number" } });
    expect(fake.requests.slice(before).some((r) => r.path.endsWith("/confirm"))).toBe(false);
  });
});
