import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { centsToDollars, dollarsToCents } from "../lib/format";
import { TextInput } from "./fields";

/** A dollar range typed by the biller, applied as cents (null for an empty end) when submitted. */
export const AmountFilter = ({
  label,
  noun,
  min,
  max,
  onApply,
}: {
  /** The form's accessible name ("Amount outstanding"). */
  label: string;
  /** What the ends bound, in the field labels ("Min total ($)"). */
  noun: string;
  min: number | undefined;
  max: number | undefined;
  onApply: (min: number | null, max: number | null) => void;
}) => {
  const [low, setLow] = useState(centsToDollars(min));
  const [high, setHigh] = useState(centsToDollars(max));
  const lowCents = dollarsToCents(low);
  const highCents = dollarsToCents(high);
  const invalid = Number.isNaN(lowCents) || Number.isNaN(highCents);
  return (
    <Form
      className="amount-filter"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid) onApply(lowCents, highCents);
      }}
    >
      <TextInput
        label={`Min ${noun} ($)`}
        inputMode="decimal"
        value={low}
        onChange={setLow}
        errorMessage={Number.isNaN(lowCents) ? "Dollars, e.g. 50 or 49.99" : undefined}
      />
      <TextInput
        label={`Max ${noun} ($)`}
        inputMode="decimal"
        value={high}
        onChange={setHigh}
        errorMessage={Number.isNaN(highCents) ? "Dollars, e.g. 500" : undefined}
      />
      <Button type="submit" className="btn">
        Apply amount
      </Button>
    </Form>
  );
};
