// The Twilio fake for bench:outreach, in its own process so its HTTP parsing does not share the sender's thread.
// Answers over IPC: messages created, distinct recipients, and the fake's own duplicate count (same To and Body).
import { startTwilioFake } from "@billcycle/twilio-fake";

const fake = await startTwilioFake();
process.send?.({ url: fake.url, accountSid: fake.accountSid, authToken: fake.authToken });
process.on("message", (msg: { ask?: string }) => {
  if (msg.ask === "counts") {
    const created = fake.messages.filter((m) => m.sid !== null);
    process.send?.({
      requests: fake.messages.length,
      count: created.length,
      recipients: new Set(created.map((m) => m.to)).size,
      duplicates: fake.duplicates(),
    });
  }
  if (msg.ask === "stop") void fake.close().then(() => process.exit(0));
});
