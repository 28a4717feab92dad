import {
  defaultDropRoot,
  defaultTransportResolver,
  type EmployerInvoiceMailer,
  type EnginePorts,
  type IssueBillDocument,
  issueBillDocument,
  loadSecretKey,
  type OutreachPorts,
  payLinkKeyFrom,
  type SharingPorts,
  shareLinkKeyFrom,
  smtpInvoiceMailer,
  smtpSettingsFromEnv,
  smtpShareMailer,
  twilioSettingsFromEnv,
  twilioSmsProvider,
  x12ClaimsPipeline,
} from "@billcycle/app";

/** A bill is issued when its share is due, as the invoice then stands (an autopay payment in between is on it). */
const issueBillAtShareTime: IssueBillDocument = async (database, { practiceId, invoiceId, now }) => {
  const { document } = await issueBillDocument(database, {
    practiceId,
    invoiceId,
    now,
    source: "automation",
  });
  return { documentId: document.id };
};

/**
 * Automatic sharing when mail is configured (BILLCYCLE_SMTP_URL and BILLCYCLE_MAIL_FROM): links to
 * BILLCYCLE_PUBLIC_URL (default http://localhost:3000), signed with a key derived from the secret key store.
 * Without mail the worker leaves due shares waiting.
 */
export const sharingPorts = (
  env: NodeJS.ProcessEnv = process.env,
  issueBill: IssueBillDocument = issueBillAtShareTime,
): SharingPorts | undefined => {
  const smtp = smtpSettingsFromEnv(env);
  if (!smtp) return undefined;
  return {
    mailer: smtpShareMailer(smtp),
    issueBillDocument: issueBill,
    linkKey: shareLinkKeyFrom(loadSecretKey(env)),
    publicUrl: env.BILLCYCLE_PUBLIC_URL?.trim() || "http://localhost:3000",
  };
};

/**
 * Patient outreach when mail (BILLCYCLE_SMTP_URL) or SMS (BILLCYCLE_TWILIO_*) is configured: pay links signed with a
 * key derived from the secret key store, opened at BILLCYCLE_PUBLIC_URL. Without either, due messages wait.
 */
export const outreachPorts = (env: NodeJS.ProcessEnv = process.env): OutreachPorts | undefined => {
  const smtp = smtpSettingsFromEnv(env);
  const twilio = twilioSettingsFromEnv(env);
  if (!smtp && !twilio) return undefined;
  return {
    mailer: smtp ? smtpShareMailer(smtp) : null,
    sms: twilio ? twilioSmsProvider(twilio) : null,
    payLinkKey: payLinkKeyFrom(loadSecretKey(env)),
    publicUrl: env.BILLCYCLE_PUBLIC_URL?.trim() || "http://localhost:3000",
  };
};

/** Employer invoices by email when mail is configured (the same settings as sharing); otherwise printed only. */
export const invoiceMailer = (env: NodeJS.ProcessEnv = process.env): EmployerInvoiceMailer | undefined => {
  const smtp = smtpSettingsFromEnv(env);
  return smtp ? smtpInvoiceMailer(smtp) : undefined;
};

/** The claims pipeline with the practice's clearinghouse connection, or the directory drop (BILLCYCLE_CLAIMS_DIR). */
export const enginePorts = (): EnginePorts => {
  const sharing = sharingPorts();
  const outreach = outreachPorts();
  return {
    claims: x12ClaimsPipeline({ transportFor: defaultTransportResolver({ dropRoot: defaultDropRoot() }) }),
    ...(sharing ? { sharing } : {}),
    ...(outreach ? { outreach } : {}),
  };
};
