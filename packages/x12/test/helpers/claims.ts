import type {
  Batch837P,
  BillingProvider,
  Claim837P,
  Patient,
  Payer,
  ServiceLine837P,
  Subscriber,
  TransactionHeader837P,
} from "../../src/index.js";

/** Appends the NPI check digit (Luhn over "80840" + 9 digits) — independent of the package code. */
export function npi(base9: string): string {
  const digits = `80840${base9}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return base9 + String((10 - (sum % 10)) % 10);
}

export const BILLING_NPI = npi("123456789");
export const RENDERING_NPI = npi("198765432");
export const FACILITY_NPI = npi("155555555");

export const billingProvider: BillingProvider = {
  name: { entityType: "2", lastName: "NORTHSIDE FAMILY MEDICINE", idQualifier: "XX", id: BILLING_NPI },
  address: { line1: "500 ELM ST", city: "SPRINGFIELD", state: "IL", postalCode: "627010001" },
  taxId: { qualifier: "EI", value: "371234567" },
  taxonomy: "207Q00000X",
  contacts: [{ name: "BILLING OFFICE", numbers: [{ qualifier: "TE", value: "2175551212" }] }],
};

export const subscriber: Subscriber = {
  payerResponsibility: "P",
  groupNumber: "GRP-77",
  claimFilingIndicator: "CI",
  name: {
    entityType: "1",
    lastName: "DOE",
    firstName: "JANE",
    middleName: "Q",
    idQualifier: "MI",
    id: "MBR123456",
  },
  address: { line1: "12 OAK AVE", line2: "APT 3", city: "SPRINGFIELD", state: "IL", postalCode: "62704" },
  demographics: { birthDate: "1980-02-29", gender: "F" },
};

export const payer: Payer = {
  name: { entityType: "2", lastName: "ACME HEALTH PLAN", idQualifier: "PI", id: "ACME01" },
  address: { line1: "PO BOX 1000", city: "CHICAGO", state: "IL", postalCode: "60601" },
};

export const dependent: Patient = {
  relationship: "19",
  name: { entityType: "1", lastName: "DOE", firstName: "TIMMY" },
  address: { line1: "12 OAK AVE", city: "SPRINGFIELD", state: "IL", postalCode: "62704" },
  demographics: { birthDate: "2015-06-01", gender: "M" },
};

export function line(i: number, overrides: Partial<ServiceLine837P> = {}): ServiceLine837P {
  return {
    procedure: { code: "99213" },
    chargeCents: 12500 + i,
    quantity: 1,
    diagnosisPointers: [1],
    serviceDate: { from: "2026-01-05" },
    lineControlNumber: `LN${i}`,
    ...overrides,
  };
}

export function claim(pcn: string, overrides: Partial<Claim837P> = {}): Claim837P {
  return {
    billingProvider,
    subscriber,
    payer,
    patientControlNumber: pcn,
    placeOfService: "11",
    frequencyCode: "1",
    diagnosisCodes: ["E119", "I10", "Z7984"],
    lines: [line(1)],
    ...overrides,
  };
}

export const header: TransactionHeader837P = {
  referenceId: "BATCH0001",
  date: "2026-01-06",
  time: "0930",
  submitter: {
    name: { entityType: "2", lastName: "NORTHSIDE FAMILY MEDICINE", idQualifier: "46", id: "SUBMIT01" },
    contacts: [
      {
        name: "EDI DESK",
        numbers: [
          { qualifier: "TE", value: "2175551212" },
          { qualifier: "EM", value: "edi@example.org" },
        ],
      },
    ],
  },
  receiver: { name: { entityType: "2", lastName: "CLEARINGHOUSE INC", idQualifier: "46", id: "CLEAR01" } },
};

export function batch(claims: Claim837P[]): Batch837P {
  return {
    interchange: {
      senderQualifier: "ZZ",
      senderId: "SUBMIT01",
      receiverQualifier: "ZZ",
      receiverId: "CLEAR01",
      usage: "T",
      date: "2026-01-06",
      time: "0930",
    },
    group: { senderCode: "SUBMIT01", receiverCode: "CLEAR01" },
    transactions: [{ header, claims }],
  };
}
