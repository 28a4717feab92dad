import type { ReactNode } from "react";
import { Button, Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";

type ModalDialogProps = {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  /** "alertdialog" for confirmations of consequential changes. */
  role?: "dialog" | "alertdialog";
  width?: "narrow" | "wide";
};

/**
 * A modal dialog (react-aria): focus moves into it, stays inside while it is open, Escape closes it, and focus
 * returns to the control that opened it.
 */
export const ModalDialog = ({
  title,
  isOpen,
  onOpenChange,
  children,
  role = "dialog",
  width = "narrow",
}: ModalDialogProps) => (
  <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable>
    <Modal className={`modal modal-${width}`}>
      <Dialog role={role} className="dialog">
        <Heading slot="title" className="dialog-title">
          {title}
        </Heading>
        {children}
      </Dialog>
    </Modal>
  </ModalOverlay>
);

type ConfirmDialogProps = {
  title: string;
  isOpen: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  children: ReactNode;
  tone?: "primary" | "danger";
  isPending?: boolean;
  error?: string | null;
};

/** A confirmation: what will happen, then the action and Cancel (Cancel holds focus first). */
export const ConfirmDialog = ({
  title,
  isOpen,
  onCancel,
  onConfirm,
  confirmLabel,
  children,
  tone = "primary",
  isPending,
  error,
}: ConfirmDialogProps) => (
  <ModalDialog
    title={title}
    isOpen={isOpen}
    onOpenChange={(open) => {
      if (!open) onCancel();
    }}
    role="alertdialog"
  >
    <div className="dialog-body">{children}</div>
    {error ? (
      <p role="alert" className="alert alert-error">
        {error}
      </p>
    ) : null}
    <div className="dialog-actions">
      <Button className="btn" onPress={onCancel} autoFocus>
        Cancel
      </Button>
      <Button className={`btn btn-${tone}`} onPress={onConfirm} isPending={isPending}>
        {confirmLabel}
      </Button>
    </div>
  </ModalDialog>
);
