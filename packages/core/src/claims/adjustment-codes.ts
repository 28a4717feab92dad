/**
 * The common claim adjustment reason codes (CARC, CAS02) and remittance advice remark codes (RARC, MOA/LQ*HE) in
 * words, for the denials queue. Both lists are maintained by X12 and CMS; a code not here is shown as its code.
 */
export const carcDescriptions: Readonly<Record<string, string>> = {
  "1": "Deductible amount",
  "2": "Coinsurance amount",
  "3": "Co-payment amount",
  "4": "The procedure code is inconsistent with the modifier used",
  "5": "The procedure code is inconsistent with the place of service",
  "6": "The procedure is inconsistent with the patient's age",
  "11": "The diagnosis is inconsistent with the procedure",
  "16": "Claim lacks information or has submission/billing errors",
  "18": "Exact duplicate claim or service",
  "22": "This care may be covered by another payer (coordination of benefits)",
  "23": "The impact of prior payer(s) adjudication",
  "26": "Expenses incurred before coverage",
  "27": "Expenses incurred after coverage ended",
  "29": "The time limit for filing has expired",
  "31": "Patient cannot be identified as our insured",
  "45": "Charge exceeds fee schedule / contracted amount",
  "50": "Not deemed a medical necessity by the payer",
  "96": "Non-covered charge(s)",
  "97": "Included in the payment for another service already adjudicated",
  "109": "Not covered by this payer: send the claim to the correct payer",
  "119": "Benefit maximum for this time period has been reached",
  "167": "This diagnosis is not covered",
  "197": "Precertification/authorization absent",
  "204": "This service is not covered under the patient's current benefit plan",
  "242": "Services not provided by network/primary care providers",
  "252": "An attachment or other documentation is required",
  "253": "Sequestration - reduction in federal payment",
};

export const rarcDescriptions: Readonly<Record<string, string>> = {
  M15: "Separately billed services have been bundled",
  M51: "Missing, incomplete or invalid procedure code(s)",
  M76: "Missing, incomplete or invalid diagnosis or condition",
  M77: "Missing, incomplete or invalid place of service",
  MA04: "Secondary payment cannot be considered without the primary payer's payment information",
  MA13: "You may be subject to penalties if you bill the patient for amounts not reported as patient responsibility",
  MA61: "Missing, incomplete or invalid social security number or health insurance claim number",
  MA130: "The claim has missing or invalid information: submit a new claim with the complete information",
  N4: "Missing, incomplete or invalid prior insurance carrier EOB",
  N20: "Service not payable with other service rendered on the same date",
  N30: "Patient ineligible for this service",
  N56: "Procedure code billed is not correct or valid for the services billed or the date of service",
  N290: "Missing, incomplete or invalid rendering provider primary identifier",
  N382: "Missing, incomplete or invalid patient identifier",
  N425: "Statutorily excluded service(s)",
  N479: "Missing Explanation of Benefits (coordination of benefits or Medicare secondary payer)",
  N522: "Duplicate of a claim processed, or to be processed, as a crossover claim",
};

export type CodeInWords = { code: string; description: string };

/** A CARC (with its group, e.g. "CO-50") in words; an unknown code keeps its code with a plain description. */
export const describeCarc = (groupCode: string | null, reasonCode: string): CodeInWords => ({
  code: groupCode ? `${groupCode}-${reasonCode}` : reasonCode,
  description: carcDescriptions[reasonCode] ?? `Adjustment reason ${reasonCode}`,
});

export const describeRarc = (code: string): CodeInWords => ({
  code,
  description: rarcDescriptions[code] ?? `Remark ${code}`,
});
