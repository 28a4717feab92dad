import {
  defaultDropRoot,
  defaultTransportResolver,
  type EmployerInvoiceMailer,
  type EnginePorts,
  type IssueBillDocument,
  issueBillDocument,
  loadSecretKey,
  type SharingPorts,
  shareLinkKeyFrom,
  smtpInvoiceMailer,
  smtpSettingsFromEnv,
  smtpShareMailer,
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

/** Employer invoices by email when mail is configured (the same settings as sharing); otherwise printed only. */
export const invoiceMailer = (env: NodeJS.ProcessEnv = process.env): EmployerInvoiceMailer | undefined => {
  const smtp = smtpSettingsFromEnv(env);
  return smtp ? smtpInvoiceMailer(smtp) : undefined;
};

/** The claims pipeline with the practice's clearinghouse connection, or the directory drop (BILLCYCLE_CLAIMS_DIR). */
export const enginePorts = (): EnginePorts => {
  const sharing = sharingPorts();
  return {
    claims: x12ClaimsPipeline({ transportFor: defaultTransportResolver({ dropRoot: defaultDropRoot() }) }),
    ...(sharing ? { sharing } : {}),
  };
};
