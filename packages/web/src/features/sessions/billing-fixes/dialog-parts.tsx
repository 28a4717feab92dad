import { Button } from "react-aria-components";
import { errorText } from "../../../api/client";
import type { Directory } from "../../../api/directory";
import type { Appointment, ProgressNote } from "../../../api/models";

/** What every fix is given: the session, its progress note (if any) and the practice's directory. */
export type FixProps = {
  appointment: Appointment;
  note: ProgressNote | null;
  directory: Directory | undefined;
};

export const FormError = ({ error }: { error: unknown }) =>
  error ? (
    <p role="alert" className="alert alert-error">
      {errorText(error)}
    </p>
  ) : null;

export const DialogButtons = ({
  onCancel,
  submitLabel,
  pending,
}: {
  onCancel: () => void;
  submitLabel: string;
  pending: boolean;
}) => (
  <div className="dialog-actions">
    <Button className="btn" onPress={onCancel}>
      Cancel
    </Button>
    <Button type="submit" className="btn btn-primary" isPending={pending}>
      {submitLabel}
    </Button>
  </div>
);
