import { useState } from "react";
import { Button } from "react-aria-components";
import { Link } from "react-router";
import { usePractice } from "../../../app/practice-context";
import { ModalDialog } from "../../../components/dialog";
import { useSavePolicy } from "../../clients/clients-api";
import { PolicyForm } from "../../clients/PolicyForm";
import { useInvalidateBilling } from "../sessions-api";
import type { FixProps } from "./dialog-parts";

/**
 * Adds the client's primary insurance policy, so the session can be billed to the payer: the client or another
 * subscriber (a parent, a spouse) holds it. The client's Insurance tab has every policy.
 */
export const AddInsuranceFix = ({ appointment, directory }: FixProps) => {
  const { practiceId } = usePractice();
  const invalidate = useInvalidateBilling(practiceId);
  const [open, setOpen] = useState(false);
  const save = useSavePolicy(practiceId);
  return (
    <>
      <Button
        className="btn btn-small btn-primary"
        onPress={() => {
          save.reset();
          setOpen(true);
        }}
      >
        Add insurance
      </Button>
      <ModalDialog title="Add primary insurance" isOpen={open} onOpenChange={setOpen} width="wide">
        <PolicyForm
          clientId={appointment.clientId}
          policy={null}
          payers={[...(directory?.payers.values() ?? [])]}
          defaults={{ rank: "primary", effectiveFrom: appointment.dateOfService }}
          submitLabel="Add insurance"
          error={save.error}
          isPending={save.isPending}
          onCancel={() => setOpen(false)}
          onSubmit={(body) =>
            save.mutate(
              { kind: "create", body },
              {
                onSuccess: async () => {
                  await invalidate();
                  setOpen(false);
                },
              },
            )
          }
        />
        <p className="muted">
          Every policy of the client is on their{" "}
          <Link to={`/p/${practiceId}/clients/${appointment.clientId}?tab=insurance`}>Insurance tab</Link>.
        </p>
      </ModalDialog>
    </>
  );
};
