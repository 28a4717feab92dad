import {
  classifyMailError,
  type MailOutcome,
  type SmtpSettings,
  smtpTransport,
} from "../sharing/share-mailer";

export type InvoiceEmail = {
  to: string;
  fromName: string;
  subject: string;
  text: string;
  attachment: { filename: string; content: Uint8Array };
};

/** Sends employer invoices with their PDF attached. */
export type EmployerInvoiceMailer = {
  send(email: InvoiceEmail): Promise<MailOutcome>;
  close(): void;
};

/** Over SMTP with nodemailer (the same settings as document sharing: BILLCYCLE_SMTP_URL, BILLCYCLE_MAIL_FROM). */
export const smtpInvoiceMailer = (settings: SmtpSettings): EmployerInvoiceMailer => {
  const transport = smtpTransport(settings, { pool: false });
  return {
    async send(email) {
      try {
        const info = await transport.sendMail({
          from: { name: email.fromName, address: settings.from },
          to: email.to,
          subject: email.subject,
          text: email.text,
          attachments: [
            {
              filename: email.attachment.filename,
              content: Buffer.from(email.attachment.content),
              contentType: "application/pdf",
            },
          ],
        });
        return { ok: true, messageId: String(info.messageId) };
      } catch (e) {
        return classifyMailError(e);
      }
    },
    close: () => transport.close(),
  };
};
