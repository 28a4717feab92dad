import { useEffect, useRef, useState } from "react";
import { Button } from "react-aria-components";
import { errorText } from "../../api/client";
import type { ClientCard } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog, ModalDialog } from "../../components/dialog";
import { Empty, ErrorAlert, Notice } from "../../components/feedback";
import { Section } from "../../components/page";
import { Badge } from "../../components/status";
import {
  useClientCards,
  useRefreshCards,
  useRemoveCard,
  useSetDefaultCard,
  useStartCardSetup,
  useStripeSettings,
} from "./client-billing-api";
import { loadStripeJs, type StripeCardElement, type StripeInstance } from "./stripe-js";

const expiry = (c: ClientCard) => `${String(c.expMonth).padStart(2, "0")}/${c.expYear}`;
const brandName = (brand: string) => brand.charAt(0).toUpperCase() + brand.slice(1);

type Ready = { stripe: StripeInstance; card: StripeCardElement; clientSecret: string };

/**
 * Stripe's card element in a dialog: a SetupIntent is started, Stripe.js is loaded from the address the server
 * gives, and the element is mounted; Save confirms the SetupIntent with Stripe (the card goes there only), then
 * billcycle reads the saved card back from Stripe.
 */
const AddCardDialog = ({ clientId, onClose }: { clientId: string; onClose: (saved: boolean) => void }) => {
  const { practiceId } = usePractice();
  const settings = useStripeSettings(practiceId);
  const setup = useStartCardSetup(practiceId, clientId);
  const refresh = useRefreshCards(practiceId, clientId);
  const mountPoint = useRef<HTMLDivElement | null>(null);
  const [ready, setReady] = useState<Ready | null>(null);
  const [complete, setComplete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const stripeJsUrl = settings.data?.stripeJsUrl;
  const { mutateAsync: startSetup } = setup;

  useEffect(() => {
    if (!stripeJsUrl) return;
    let card: StripeCardElement | null = null;
    let cancelled = false;
    (async () => {
      try {
        const [answer, Stripe] = await Promise.all([startSetup(), loadStripeJs(stripeJsUrl)]);
        if (cancelled || !mountPoint.current) return;
        const stripe = Stripe(answer.publishableKey);
        card = stripe.elements().create("card");
        card.on("change", (e) => {
          setComplete(e.complete);
          setError(e.error?.message ?? null);
        });
        card.mount(mountPoint.current);
        setReady({ stripe, card, clientSecret: answer.clientSecret });
      } catch (e) {
        if (!cancelled) setError(errorText(e));
      }
    })();
    return () => {
      cancelled = true;
      card?.destroy();
    };
  }, [stripeJsUrl, startSetup]);

  const save = async () => {
    if (!ready) return;
    setSaving(true);
    setError(null);
    try {
      const result = await ready.stripe.confirmCardSetup(ready.clientSecret, {
        payment_method: { card: ready.card },
      });
      if (result.error) {
        setError(result.error.message);
        return;
      }
      await refresh.mutateAsync();
      onClose(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <ModalDialog title="Add a card" isOpen onOpenChange={(open) => (open ? undefined : onClose(false))}>
      <div className="stack">
        <p className="muted">
          The card is entered in Stripe's own form and saved at Stripe; billcycle keeps only its brand, last 4
          digits and expiry.
        </p>
        {settings.isError ? <ErrorAlert error={settings.error} /> : null}
        <div className="stripe-card-element" ref={mountPoint} aria-busy={!ready} />
        {error ? (
          <p role="alert" className="alert alert-error">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <Button className="btn" onPress={() => onClose(false)}>
            Cancel
          </Button>
          <Button
            className="btn btn-primary"
            onPress={save}
            isDisabled={!ready || !complete}
            isPending={saving}
          >
            Save card
          </Button>
        </div>
      </div>
    </ModalDialog>
  );
};

/** The client's cards at Stripe: default, expiry (expired by the practice's date), add, make default, remove. */
export const CardsOnFile = ({ clientId }: { clientId: string }) => {
  const { practiceId, can } = usePractice();
  const list = useClientCards(practiceId, clientId);
  const makeDefault = useSetDefaultCard(practiceId, clientId);
  const remove = useRemoveCard(practiceId, clientId);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ClientCard | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = can("billing:write");
  const cards = list.data?.cards ?? [];
  return (
    <Section
      title="Cards on file"
      level={3}
      actions={
        canWrite ? (
          <Button
            className="btn"
            onPress={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            Add card
          </Button>
        ) : null
      }
    >
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {notice ? <Notice>{notice}</Notice> : null}
      {makeDefault.isError ? <ErrorAlert error={makeDefault.error} /> : null}
      {list.isSuccess && cards.length === 0 ? (
        <Empty>No card on file: autopay and card payments need a default card.</Empty>
      ) : null}
      {cards.length ? (
        <table className="table" aria-label="Cards on file">
          <thead>
            <tr>
              <th>Card</th>
              <th>Expires</th>
              <th />
              <th />
            </tr>
          </thead>
          <tbody>
            {cards.map((c) => (
              <tr key={c.id}>
                <td>
                  {brandName(c.brand)} •••• {c.last4}
                </td>
                <td>
                  {expiry(c)} {c.expired ? <Badge tone="danger">Expired</Badge> : null}
                </td>
                <td>{c.isDefault ? <Badge tone="success">Default</Badge> : null}</td>
                <td className="row-actions">
                  {canWrite && !c.isDefault ? (
                    <Button
                      className="btn btn-small"
                      isPending={makeDefault.isPending && makeDefault.variables === c.id}
                      onPress={() =>
                        makeDefault.mutate(c.id, {
                          onSuccess: () => setNotice(`${brandName(c.brand)} ${c.last4} is the default card.`),
                        })
                      }
                    >
                      Make default
                    </Button>
                  ) : null}
                  {canWrite ? (
                    <Button
                      className="btn btn-small"
                      onPress={() => {
                        remove.reset();
                        setRemoving(c);
                      }}
                    >
                      Remove
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {adding ? (
        <AddCardDialog
          clientId={clientId}
          onClose={(saved) => {
            setAdding(false);
            if (saved) setNotice("Card saved.");
          }}
        />
      ) : null}
      <ConfirmDialog
        isOpen={removing !== null}
        title={`Remove ${removing ? `${brandName(removing.brand)} ${removing.last4}` : "the card"}?`}
        confirmLabel="Remove card"
        tone="danger"
        onCancel={() => setRemoving(null)}
        isPending={remove.isPending}
        error={remove.error ? errorText(remove.error) : null}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              setNotice("Card removed.");
              setRemoving(null);
            },
          })
        }
      >
        <p>
          The card is detached at Stripe and can never be charged again.
          {removing?.isDefault
            ? " It is the default card: autopay stops until another card is the default."
            : ""}
        </p>
      </ConfirmDialog>
    </Section>
  );
};
