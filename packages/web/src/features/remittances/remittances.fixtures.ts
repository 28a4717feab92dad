import { PID } from "../../test/fixtures";
import type { PostingRule, Remittance, RemittanceClaim, WorkItem } from "./remittances-api";

/** Remittance-screen data as the API returns it (rows of remittances, remittance_claims, postings…). */
export const CLAIM_ID = "ffffffff-ffff-7fff-8fff-000000000007";
export const LINE_ID = "eeeeeeee-eeee-7eee-8eee-000000000007";

const rc = (over: Partial<RemittanceClaim> = {}): RemittanceClaim => ({
  id: "abababab-abab-7bab-8bab-000000000001",
  practiceId: PID,
  remittanceId: "r1",
  position: 0,
  claimId: CLAIM_ID,
  patientControlNumber: "PCN7",
  statusCode: "1",
  chargeCents: 17500,
  paidCents: 12000,
  patientResponsibilityCents: 2500,
  payerClaimNumber: "PAYER-CLM-77",
  crossoverPayer: null,
  remarkCodes: [],
  postingStatus: "posted",
  postings: [
    {
      id: "p1",
      practiceId: PID,
      remittanceClaimId: "abababab-abab-7bab-8bab-000000000001",
      claimId: CLAIM_ID,
      claimLineId: LINE_ID,
      invoiceId: "cccccccc-cccc-7ccc-8ccc-000000000001",
      kind: "payment",
      groupCode: null,
      reasonCode: null,
      amountCents: 12000,
      reversesPostingId: null,
      createdAt: "2025-03-20T15:00:00Z",
      actor: "user:o@example.com",
    },
    {
      id: "p2",
      practiceId: PID,
      remittanceClaimId: "abababab-abab-7bab-8bab-000000000001",
      claimId: CLAIM_ID,
      claimLineId: LINE_ID,
      invoiceId: "cccccccc-cccc-7ccc-8ccc-000000000001",
      kind: "write_off",
      groupCode: "CO",
      reasonCode: "45",
      amountCents: 3000,
      reversesPostingId: null,
      createdAt: "2025-03-20T15:00:00Z",
      actor: "user:o@example.com",
    },
    {
      id: "p3",
      practiceId: PID,
      remittanceClaimId: "abababab-abab-7bab-8bab-000000000001",
      claimId: CLAIM_ID,
      claimLineId: LINE_ID,
      invoiceId: "cccccccc-cccc-7ccc-8ccc-000000000001",
      kind: "patient_responsibility",
      groupCode: "PR",
      reasonCode: "2",
      amountCents: 2500,
      reversesPostingId: null,
      createdAt: "2025-03-20T15:00:00Z",
      actor: "user:o@example.com",
    },
  ],
  ...over,
});

export const remittance = (n: number, over: Partial<Remittance> = {}): Remittance => ({
  id: `dddddddd-dddd-7ddd-8ddd-${String(n).padStart(12, "0")}`,
  practiceId: PID,
  version: 1,
  createdAt: "2025-03-20T15:00:00Z",
  updatedAt: "2025-03-20T15:00:00Z",
  fileId: "f1",
  payerName: "BLUE PRAIRIE",
  payerIdentifier: "1512345678",
  traceNumber: `TRN${n}`,
  paymentMethod: "ACH",
  paymentDate: "2025-03-19",
  totalPaidCents: 12000,
  providerAdjustmentCents: 0,
  balanced: true,
  imbalances: [],
  providerAdjustments: [],
  status: "posted",
  claimCount: 1,
  contentSha256: `${"0".repeat(60)}${String(n).padStart(4, "0")}`,
  nextPosition: 1,
  claims: [],
  ...over,
});

export const unbalanced = (n: number) =>
  remittance(n, {
    balanced: false,
    status: "needs_review",
    totalPaidCents: 13000,
    imbalances: [
      {
        level: "transaction",
        reportedCents: 13000,
        computedCents: 12000,
        differenceCents: 1000,
        message: "BPR02 130.00 does not equal the claims' payments less provider adjustments (120.00)",
      },
    ],
  });

export const detailed = () =>
  remittance(3, {
    providerAdjustmentCents: 500,
    totalPaidCents: 11500,
    providerAdjustments: [
      {
        providerId: "1234567893",
        fiscalPeriodDate: "2025-12-31",
        reason: "WO",
        reasonText: "Overpayment recovery",
        referenceId: "REC-4411",
        amountCents: 500,
      },
    ],
    claimCount: 2,
    claims: [
      rc(),
      rc({
        id: "abababab-abab-7bab-8bab-000000000002",
        position: 1,
        claimId: null,
        patientControlNumber: "NOT-OURS-1",
        statusCode: "4",
        chargeCents: 9000,
        paidCents: 0,
        patientResponsibilityCents: 0,
        postingStatus: "queued",
        postings: [],
      }),
    ],
  });

export const workItem = (n: number, over: Partial<WorkItem> = {}): WorkItem & Record<string, unknown> => ({
  id: `c0c0c0c0-c0c0-7c0c-8c0c-${String(n).padStart(12, "0")}`,
  practiceId: PID,
  remittanceId: "dddddddd-dddd-7ddd-8ddd-000000000002",
  remittanceClaimId: null,
  kind: "unbalanced",
  reason: "Remittance TRN2 does not balance: BPR02 130.00 does not equal 120.00",
  details: {
    imbalances: [
      {
        level: "transaction",
        reportedCents: 13000,
        computedCents: 12000,
        differenceCents: 1000,
        message: "BPR02 does not balance",
      },
    ],
  },
  status: "open",
  resolution: null,
  createdAt: "2025-03-20T15:00:00Z",
  resolvedAt: null,
  resolvedBy: null,
  actions: ["post", "dismiss"],
  remittance: { traceNumber: "TRN2", payerName: "Blue Prairie" },
  remittanceClaim: null,
  claim: null,
  client: null,
  postingRule: null,
  ...over,
});

export const rule = (n: number, over: Partial<PostingRule> = {}): PostingRule & Record<string, unknown> => ({
  id: `b0b0b0b0-b0b0-7b0b-8b0b-${String(n).padStart(12, "0")}`,
  practiceId: PID,
  version: 2,
  createdAt: "2025-01-01T00:00:00Z",
  updatedAt: "2025-01-01T00:00:00Z",
  payerId: null,
  groupCode: "CO",
  reasonCode: "45",
  action: "write_off",
  ...over,
});
