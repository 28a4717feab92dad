import type { ReactNode } from "react";
import { errorText } from "../api/client";

export const Loading = ({ label = "Loading…" }: { label?: string }) => (
  <p className="muted loading" role="status">
    {label}
  </p>
);

export const ErrorAlert = ({ error, children }: { error?: unknown; children?: ReactNode }) => (
  <div role="alert" className="alert alert-error">
    {children ?? errorText(error)}
  </div>
);

/** A polite announcement of a completed action ("3 invoices opened"). */
export const Notice = ({ children }: { children: ReactNode }) => (
  <p role="status" className="alert alert-success">
    {children}
  </p>
);

export const Empty = ({ children }: { children: ReactNode }) => <p className="empty">{children}</p>;
