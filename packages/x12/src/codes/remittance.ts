import type { CodeTable } from "./table.js";

/** CLP02 claim status codes (835). */
export const CLAIM_PAYMENT_STATUS_CODES: CodeTable = {
  "1": "Processed as Primary",
  "2": "Processed as Secondary",
  "3": "Processed as Tertiary",
  "4": "Denied",
  "19": "Processed as Primary, Forwarded to Additional Payer(s)",
  "20": "Processed as Secondary, Forwarded to Additional Payer(s)",
  "21": "Processed as Tertiary, Forwarded to Additional Payer(s)",
  "22": "Reversal of Previous Payment",
  "23": "Not Our Claim, Forwarded to Additional Payer(s)",
  "25": "Predetermination Pricing Only - No Payment",
};

/** CAS01 claim adjustment group codes (835 5010). */
export const ADJUSTMENT_GROUP_CODES: CodeTable = {
  CO: "Contractual Obligations",
  OA: "Other Adjustments",
  PI: "Payor Initiated Reductions",
  PR: "Patient Responsibility",
};

/** BPR04 payment method codes. */
export const PAYMENT_METHOD_CODES: CodeTable = {
  ACH: "Automated Clearing House (ACH)",
  BOP: "Financial Institution Option",
  CHK: "Check",
  FWT: "Federal Reserve Funds/Wire Transfer - Nonrepetitive",
  NON: "Non-Payment Data",
};

/** BPR01 transaction handling codes. */
export const TRANSACTION_HANDLING_CODES: CodeTable = {
  C: "Payment Accompanies Remittance Advice",
  D: "Make Payment Only",
  H: "Notification Only",
  I: "Remittance Information Only",
  P: "Prenotification of Future Transfers",
  U: "Split Payment and Remittance",
  X: "Handling Party's Option to Split Payment and Remittance",
};

/** PLB03-1 provider adjustment reason codes. */
export const PROVIDER_ADJUSTMENT_REASON_CODES: CodeTable = {
  "50": "Late Charge",
  "51": "Interest Penalty Charge",
  "72": "Authorized Return",
  "90": "Early Payment Allowance",
  AH: "Origination Fee",
  AM: "Applied to Borrower's Account",
  AP: "Acceleration of Benefits",
  B2: "Rebate",
  B3: "Recovery Allowance",
  BD: "Bad Debt Adjustment",
  BN: "Bonus",
  C5: "Temporary Allowance",
  CR: "Capitation Interest",
  CS: "Adjustment",
  CT: "Capitation Payment",
  CV: "Capital Passthru",
  CW: "Certified Registered Nurse Anesthetist Passthru",
  DM: "Direct Medical Education Passthru",
  E3: "Withholding",
  FB: "Forwarding Balance",
  FC: "Fund Allocation",
  GO: "Graduate Medical Education Passthru",
  HM: "Hemophilia Clotting Factor Supplement",
  IP: "Incentive Premium Payment",
  IR: "Internal Revenue Service Withholding",
  IS: "Interim Settlement",
  J1: "Nonreimbursable",
  L3: "Penalty",
  L6: "Interest Owed",
  LE: "Levy",
  LS: "Lump Sum",
  OA: "Organ Acquisition Passthru",
  OB: "Offset for Affiliated Providers",
  PI: "Periodic Interim Payment",
  PL: "Payment Final",
  RA: "Retro-activity Adjustment",
  RE: "Return on Equity",
  SL: "Student Loan Repayment",
  TL: "Third Party Liability",
  WO: "Overpayment Recovery",
  WU: "Unspecified Recovery",
};

/** The most common claim adjustment reason codes (CARC, CAS02/05/…); the full list is maintained by X12. */
export const ADJUSTMENT_REASON_CODES: CodeTable = {
  "1": "Deductible Amount",
  "2": "Coinsurance Amount",
  "3": "Co-payment Amount",
  "4": "The procedure code is inconsistent with the modifier used.",
  "5": "The procedure code/type of bill is inconsistent with the place of service.",
  "16": "Claim/service lacks information or has submission/billing error(s).",
  "18": "Exact duplicate claim/service.",
  "22": "This care may be covered by another payer per coordination of benefits.",
  "23": "The impact of prior payer(s) adjudication including payments and/or adjustments.",
  "24": "Charges are covered under a capitation agreement/managed care plan.",
  "26": "Expenses incurred prior to coverage.",
  "27": "Expenses incurred after coverage terminated.",
  "29": "The time limit for filing has expired.",
  "31": "Patient cannot be identified as our insured.",
  "45": "Charge exceeds fee schedule/maximum allowable or contracted/legislated fee arrangement.",
  "50": "These are non-covered services because this is not deemed a 'medical necessity' by the payer.",
  "59": "Processed based on multiple or concurrent procedure rules.",
  "94": "Processed in Excess of charges.",
  "96": "Non-covered charge(s).",
  "97": "The benefit for this service is included in the payment/allowance for another service/procedure that has already been adjudicated.",
  "109":
    "Claim/service not covered by this payer/contractor. You must send the claim/service to the correct payer/contractor.",
  "119": "Benefit maximum for this time period or occurrence has been reached.",
  "131": "Claim specific negotiated discount.",
  "151":
    "Payment adjusted because the payer deems the information submitted does not support this many/frequency of services.",
};
