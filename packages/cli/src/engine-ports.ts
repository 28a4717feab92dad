import {
  defaultDropRoot,
  defaultTransportResolver,
  type EnginePorts,
  type IssueBillDocument,
  loadSecretKey,
  type SharingPorts,
  shareLinkKeyFrom,
  smtpSettingsFromEnv,
  smtpShareMailer,
  x12ClaimsPipeline,
} from "@billcycle/app";
import { DomainError } from "@billcycle/core";

/** Until the documents code's issueBillDocument is wired here, a due bill's share records BILL_NOT_ISSUED. */
const billsNotIssuedYet: IssueBillDocument = async () => {
  throw new DomainError("INTERNAL", "bill documents are not issued by this build");
};

/**
 * Automatic sharing when mail is configured (BILLCYCLE_SMTP_URL and BILLCYCLE_MAIL_FROM): links to
 * BILLCYCLE_PUBLIC_URL (default http://localhost:3000), signed with a key derived from the secret key store.
 * Without mail the worker leaves due shares waiting.
 */
export const sharingPorts = (
  env: NodeJS.ProcessEnv = process.env,
  issueBillDocument: IssueBillDocument = billsNotIssuedYet,
): SharingPorts | undefined => {
  const smtp = smtpSettingsFromEnv(env);
  if (!smtp) return undefined;
  return {
    mailer: smtpShareMailer(smtp),
    issueBillDocument,
    linkKey: shareLinkKeyFrom(loadSecretKey(env)),
    publicUrl: env.BILLCYCLE_PUBLIC_URL?.trim() || "http://localhost:3000",
  };
};

/** The claims pipeline with the practice's clearinghouse connection, or the directory drop (BILLCYCLE_CLAIMS_DIR). */
export const enginePorts = (): EnginePorts => {
  const sharing = sharingPorts();
  return {
    claims: x12ClaimsPipeline({ transportFor: defaultTransportResolver({ dropRoot: defaultDropRoot() }) }),
    ...(sharing ? { sharing } : {}),
  };
};
