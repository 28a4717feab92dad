import type { ReactNode } from "react";
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  type Key,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
  TextField,
  type TextFieldProps,
  useFilter,
} from "react-aria-components";

type TextInputProps = Omit<TextFieldProps, "children"> & {
  label: string;
  description?: ReactNode;
  errorMessage?: string;
  placeholder?: string;
  inputMode?: "text" | "decimal" | "numeric";
  size?: "small" | "normal";
};

/** A labelled text input (react-aria TextField): type="date", "time", "email", "password"… */
export const TextInput = ({
  label,
  description,
  errorMessage,
  placeholder,
  inputMode,
  className,
  size = "normal",
  ...props
}: TextInputProps) => (
  <TextField
    {...props}
    isInvalid={props.isInvalid ?? (errorMessage ? true : undefined)}
    className={`field ${size === "small" ? "field-small" : ""} ${typeof className === "string" ? className : ""}`}
  >
    <Label>{label}</Label>
    <Input placeholder={placeholder} inputMode={inputMode} />
    {description ? <Text slot="description">{description}</Text> : null}
    <FieldError>{errorMessage}</FieldError>
  </TextField>
);

export type Option<T extends string> = { id: T; label: string };

type SelectFieldProps<T extends string> = {
  label: string;
  options: ReadonlyArray<Option<T>>;
  value: T | null;
  onChange: (value: T) => void;
  placeholder?: string;
  isDisabled?: boolean;
  isRequired?: boolean;
  /** Visually hidden label (still announced), for compact rows such as rule conditions. */
  hideLabel?: boolean;
  className?: string;
  errorMessage?: string;
};

/** A labelled single choice (react-aria Select: a button with a listbox popover, fully keyboard operable). */
export const SelectField = <T extends string>({
  label,
  options,
  value,
  onChange,
  placeholder = "Choose…",
  isDisabled,
  isRequired,
  hideLabel,
  className,
  errorMessage,
}: SelectFieldProps<T>) => (
  <Select
    className={`field select ${className ?? ""}`}
    value={value}
    onChange={(key: Key | null) => {
      if (key !== null && String(key) !== value) onChange(String(key) as T);
    }}
    placeholder={placeholder}
    isDisabled={isDisabled}
    isRequired={isRequired}
    isInvalid={errorMessage ? true : undefined}
  >
    <Label className={hideLabel ? "react-aria-Label visually-hidden" : "react-aria-Label"}>{label}</Label>
    <Button className="select-button">
      <SelectValue />
      <span aria-hidden="true" className="chevron">
        ▾
      </span>
    </Button>
    <FieldError>{errorMessage}</FieldError>
    <Popover className="popover">
      <ListBox className="listbox" items={options}>
        {(o) => (
          <ListBoxItem id={o.id} className="listbox-item" textValue={o.label}>
            {o.label}
          </ListBoxItem>
        )}
      </ListBox>
    </Popover>
  </Select>
);

type ComboFieldProps = {
  label: string;
  options: ReadonlyArray<Option<string>>;
  value: string | null;
  onChange: (value: string | null) => void;
  placeholder?: string;
  description?: string;
};

/** A searchable choice among many (clients): type to filter, arrow keys to pick. */
export const ComboField = ({
  label,
  options,
  value,
  onChange,
  placeholder,
  description,
}: ComboFieldProps) => {
  const { contains } = useFilter({ sensitivity: "base" });
  return (
    <ComboBox
      className="field combobox"
      defaultItems={options}
      value={value}
      onChange={(key: Key | null) => {
        // The combobox commits its selection again on blur: only real changes go through.
        const next = key === null ? null : String(key);
        if (next !== value) onChange(next);
      }}
      defaultFilter={contains}
      menuTrigger="focus"
    >
      <Label>{label}</Label>
      <div className="combobox-input">
        <Input placeholder={placeholder} />
        <Button aria-label={`Show ${label.toLowerCase()} options`} className="combobox-button">
          ▾
        </Button>
      </div>
      {description ? <Text slot="description">{description}</Text> : null}
      <Popover className="popover">
        <ListBox className="listbox">
          {(o: Option<string>) => (
            <ListBoxItem id={o.id} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
};
