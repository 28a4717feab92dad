// A local SMTP server for bench:sharing and bench:outreach, in its own process so its parsing does not share the
// sender's thread. Counts messages, distinct Message-IDs and distinct recipients; answers them over IPC.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

let count = 0;
const ids = new Set<string>();
const recipients = new Set<string>();
const server = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  hideSTARTTLS: true,
  logger: false,
  maxClients: 64,
  onData(stream, session, callback) {
    for (const to of session.envelope.rcptTo) recipients.add(to.address.toLowerCase());
    let head = "";
    stream.on("data", (chunk: Buffer) => {
      if (head.length < 8192) head += chunk.toString("utf8");
    });
    stream.on("end", () => {
      count++;
      const id = head.match(/^message-id:\s*(\S+)/im)?.[1];
      if (id) ids.add(id);
      callback(null);
    });
  },
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.server.address() as AddressInfo;
  process.send?.({ port });
});
process.on("message", (msg: { ask?: string }) => {
  if (msg.ask === "counts") process.send?.({ count, unique: ids.size, recipients: recipients.size });
  if (msg.ask === "stop") server.close(() => process.exit(0));
});
