import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { api, unwrap } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { Notice } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { FormAlert, fieldErrors } from "../../components/form";
import { Section } from "../../components/page";
import { formatInstant, formatLocalDate, type PracticeDisplay } from "../../lib/format";

/** A fixed moment to show the choice on: the same sample whatever the day. */
const SAMPLE_INSTANT = "2025-03-04T21:30:00Z";
const SAMPLE_DATE = "2025-03-04";

/** How the sample reads with the draft zone and locale, or null while either is not one the browser knows. */
const sample = (draft: PracticeDisplay): { instantText: string; dateText: string } | null => {
  try {
    return {
      instantText: formatInstant(SAMPLE_INSTANT, draft),
      dateText: formatLocalDate(SAMPLE_DATE, draft),
    };
  } catch {
    return null;
  }
};

/**
 * The practice's time zone and locale: every date and time on every screen is written in them. The server
 * checks both (an IANA zone, a BCP 47 locale) and says which field is wrong.
 */
export const PracticeDisplayForm = () => {
  const { practiceId, practice, display, can } = usePractice();
  const canEdit = can("practice:write");
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PracticeDisplay>(display);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (change: PracticeDisplay) =>
      unwrap(
        api.PATCH("/api/v1/practices/{practiceId}", {
          params: { path: { practiceId } },
          body: { ...change, version: practice.version },
        }),
      ),
    onSuccess: (row) => {
      queryClient.setQueryData([practiceId, "practice"], row);
      setSaved(true);
    },
  });
  const errors = fieldErrors(save.error);
  const preview = sample(draft);
  const set = (key: keyof PracticeDisplay) => (value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value.trim() }));
  };
  return (
    <Section title="Dates and times">
      <p className="muted">
        Every date and time in billcycle is shown in the practice's time zone and written the practice's way,
        whatever the zone or language of the computer reading it.
      </p>
      <Form
        validationBehavior="aria"
        className="stack settings-form"
        aria-label="Dates and times"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft);
        }}
      >
        <FormAlert error={save.error} shown={["timeZone", "locale"]} />
        <TextInput
          label="Time zone"
          description="An IANA zone name, such as America/Chicago."
          value={draft.timeZone}
          onChange={set("timeZone")}
          isDisabled={!canEdit}
          isRequired
          errorMessage={errors.timeZone}
        />
        <TextInput
          label="Locale"
          description="A language tag, such as en-US (Nov 25, 3:00 PM), en-GB (25 Nov, 15:00) or fr-CA."
          value={draft.locale}
          onChange={set("locale")}
          isDisabled={!canEdit}
          isRequired
          errorMessage={errors.locale}
        />
        <p aria-live="polite">
          {preview
            ? `A session on ${preview.dateText} at 3:30 PM Chicago time reads: ${preview.instantText}.`
            : "That time zone or locale is not one this browser knows."}
        </p>
        {saved ? <Notice>Saved: dates and times now read this way on every screen.</Notice> : null}
        {canEdit ? (
          <Button type="submit" className="btn btn-primary" isDisabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
        ) : (
          <p className="muted">Only the practice owner can change these.</p>
        )}
      </Form>
    </Section>
  );
};
