// A worker process for the outreach exactly-once test: sends one practice's due outreach at a fixed time.
// usage: tsx outreach-send-child.ts <databaseUrl> <practiceId> <now ISO> <twilio url> <account sid> <auth token>
//   <smtp url> <batch size>

import { sendDueOutreach, smtpShareMailer, twilioSmsProvider } from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { openDatabase } from "@billcycle/db";
import { PAY_KEY } from "@billcycle/testing/outreach-fixture";

const [url, practiceId, at, twilioUrl, accountSid, authToken, smtpUrl, batchSize] = process.argv.slice(2);
const database = await openDatabase({ kind: "postgres", url: url!, poolSize: 3 });
const mailer = smtpShareMailer({ url: smtpUrl!, from: "billing@practice.example" });
process.stdout.write("started\n");
const result = await sendDueOutreach(
  database,
  practiceId!,
  {
    sms: twilioSmsProvider({
      accountSid: accountSid!,
      authToken: authToken!,
      from: "+15125550100",
      apiUrl: twilioUrl,
    }),
    mailer,
    payLinkKey: PAY_KEY,
    publicUrl: "https://billing.example",
  },
  new ManualClock(at!),
  { batchSize: Number(batchSize), concurrency: 2 },
);
process.stdout.write(`finished ${JSON.stringify(result)}\n`);
mailer.close();
await database.close();
