import {
  type AppointmentStatus,
  appointmentStatusLabel,
  type ClaimStage,
  claimStageLabel,
  type InvoicePaymentStatus,
  type InvoiceStatus,
  invoicePaymentStatusLabel,
  invoiceStatusLabel,
  type OutreachSetStatus,
  outreachSetStatusLabel,
} from "@billcycle/core";

type Tone = "neutral" | "info" | "success" | "warning" | "danger" | "muted";

const appointmentTone: Record<AppointmentStatus, Tone> = {
  upcoming: "info",
  kept: "success",
  no_show: "warning",
  late_cancel: "warning",
  canceled: "muted",
};

const invoiceTone: Record<InvoiceStatus, Tone> = {
  pended: "warning",
  open: "info",
  processed: "neutral",
  void: "muted",
};

const paymentTone: Record<InvoicePaymentStatus, Tone> = {
  unpaid: "neutral",
  partially_paid: "warning",
  paid: "success",
};

export const claimTone: Record<ClaimStage, Tone> = {
  awaiting_submission: "info",
  scrubber_rejected: "danger",
  submitted: "neutral",
  accepted: "info",
  rejected: "danger",
  paid: "success",
  partially_paid: "warning",
  denied: "danger",
  void: "muted",
};

export const Badge = ({ tone, children }: { tone: Tone; children: string }) => (
  <span className={`badge badge-${tone}`}>{children}</span>
);

export const AppointmentStatusBadge = ({ status }: { status: AppointmentStatus }) => (
  <Badge tone={appointmentTone[status] ?? "neutral"}>{appointmentStatusLabel[status] ?? status}</Badge>
);

export const InvoiceStatusBadge = ({ status }: { status: InvoiceStatus }) => (
  <Badge tone={invoiceTone[status] ?? "neutral"}>{invoiceStatusLabel[status] ?? status}</Badge>
);

export const ClaimStatusBadge = ({ status }: { status: ClaimStage }) => (
  <Badge tone={claimTone[status] ?? "neutral"}>{claimStageLabel[status] ?? status}</Badge>
);

const runTone: Record<string, Tone> = {
  queued: "info",
  running: "info",
  done: "success",
  skipped: "muted",
  failed: "danger",
};

export const RunStatusBadge = ({ status }: { status: string }) => (
  <Badge tone={runTone[status] ?? "neutral"}>{status.charAt(0).toUpperCase() + status.slice(1)}</Badge>
);

export const PaymentStatusBadge = ({ status }: { status: InvoicePaymentStatus }) => (
  <Badge tone={paymentTone[status] ?? "neutral"}>{invoicePaymentStatusLabel[status] ?? status}</Badge>
);

/** An invoice set's status: each of the nine has its own colour (styles.css `.badge-set-*`). */
export const OutreachStatusBadge = ({ status }: { status: OutreachSetStatus }) => (
  <span className={`badge badge-set badge-set-${status}`} data-status={status}>
    {outreachSetStatusLabel[status] ?? status}
  </span>
);
