import {
  type Batch837P,
  type Claim837P,
  counterControlNumbers,
  generate837P,
  type Patient,
  type Subscriber,
} from "../src/index.js";

const billingProvider = {
  name: {
    entityType: "2" as const,
    lastName: "NORTHSIDE FAMILY MEDICINE",
    idQualifier: "XX",
    id: "1234567893",
  },
  address: { line1: "500 ELM ST", city: "SPRINGFIELD", state: "IL", postalCode: "627010001" },
  taxId: { qualifier: "EI", value: "371234567" },
  taxonomy: "207Q00000X",
};
const payer = {
  name: { entityType: "2" as const, lastName: "ACME HEALTH PLAN", idQualifier: "PI", id: "ACME01" },
};

/** `count` realistic claims: a new subscriber every claim, a dependent every third, 1-4 lines. */
export function benchmarkClaims(count: number): Claim837P[] {
  const claims: Claim837P[] = [];
  for (let i = 0; i < count; i++) {
    const subscriber: Subscriber = {
      payerResponsibility: "P",
      claimFilingIndicator: "CI",
      groupNumber: "GRP77",
      name: {
        entityType: "1",
        lastName: `DOE${i % 1000}`,
        firstName: "JANE",
        idQualifier: "MI",
        id: `MBR${i}`,
      },
      address: { line1: "12 OAK AVE", city: "SPRINGFIELD", state: "IL", postalCode: "62704" },
      demographics: { birthDate: "1980-02-29", gender: "F" },
    };
    const patient: Patient | undefined =
      i % 3 === 0
        ? {
            relationship: "19",
            name: { entityType: "1", lastName: `DOE${i % 1000}`, firstName: "TIM" },
            address: { line1: "12 OAK AVE", city: "SPRINGFIELD", state: "IL", postalCode: "62704" },
            demographics: { birthDate: "2015-06-01", gender: "M" },
          }
        : undefined;
    const lines = Array.from({ length: 1 + (i % 4) }, (_, l) => ({
      procedure: { code: "99213", modifiers: l === 0 ? ["25"] : [] },
      chargeCents: 12500 + l * 100,
      quantity: 1,
      diagnosisPointers: [1, 2],
      serviceDate: { from: "2026-01-05" },
      lineControlNumber: `L${i}-${l + 1}`,
    }));
    claims.push({
      billingProvider,
      subscriber,
      payer,
      patient,
      patientControlNumber: `PCN${i}`,
      placeOfService: "11",
      frequencyCode: "1",
      diagnosisCodes: ["E119", "I10"],
      lines,
    });
  }
  return claims;
}

/** Times the 837P writer on `count` claims (validation, HL grouping, rendering). */
export function writeBenchmark(count: number): {
  bytes: number;
  claims: number;
  segments: number;
  seconds: number;
} {
  const batch: Batch837P = {
    interchange: {
      senderQualifier: "ZZ",
      senderId: "SUBMIT01",
      receiverQualifier: "ZZ",
      receiverId: "CLEAR01",
      usage: "T",
    },
    group: { senderCode: "SUBMIT01", receiverCode: "CLEAR01" },
    transactions: [
      {
        header: {
          referenceId: "BENCH",
          date: "2026-01-06",
          time: "1200",
          submitter: {
            name: { entityType: "2", lastName: "NORTHSIDE", idQualifier: "46", id: "S1" },
            contacts: [{ name: "EDI", numbers: [{ qualifier: "TE", value: "2175551212" }] }],
          },
          receiver: { name: { entityType: "2", lastName: "CLEARING", idQualifier: "46", id: "R1" } },
        },
        claims: benchmarkClaims(count),
      },
    ],
  };
  // Only the writing is timed, not building the claim objects above.
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (const chunk of generate837P(batch, { controlNumbers: counterControlNumbers() })) bytes += chunk.length;
  return { bytes, claims: count, segments: 0, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
