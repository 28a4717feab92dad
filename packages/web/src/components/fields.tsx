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

type MultiSelectFieldProps<T extends string> = {
  label: string;
  options: ReadonlyArray<Option<T>>;
  value: readonly T[];
  onChange: (value: T[]) => void;
  placeholder?: string;
  className?: string;
};

/** A labelled choice of several (react-aria Select in multiple mode: the list stays open while picking). */
export const MultiSelectField = <T extends string>({
  label,
  options,
  value,
  onChange,
  placeholder = "Any",
  className,
}: MultiSelectFieldProps<T>) => (
  <Select
    selectionMode="multiple"
    className={`field select ${className ?? ""}`}
    value={value}
    onChange={(keys: Key[]) => onChange(keys.map((k) => String(k) as T))}
    placeholder={placeholder}
  >
    <Label>{label}</Label>
    <Button className="select-button">
      <SelectValue />
      <span aria-hidden="true" className="chevron">
        ▾
      </span>
    </Button>
    <Popover className="popover">
      <ListBox className="listbox" items={options}>
        {(o) => (
          <ListBoxItem id={o.id} className="listbox-item listbox-check" textValue={o.label}>
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

/** What both comboboxes render inside the ComboBox: label, input with its button, description, the options. */
const ComboParts = ({
  label,
  placeholder,
  description,
  empty,
}: Pick<ComboFieldProps, "label" | "placeholder" | "description"> & { empty?: string }) => (
  <>
    <Label>{label}</Label>
    <div className="combobox-input">
      <Input placeholder={placeholder} />
      <Button aria-label={`Show ${label.toLowerCase()} options`} className="combobox-button">
        ▾
      </Button>
    </div>
    {description ? <Text slot="description">{description}</Text> : null}
    <Popover className="popover">
      <ListBox
        className="listbox"
        renderEmptyState={
          empty === undefined ? undefined : () => <span className="listbox-empty">{empty}</span>
        }
      >
        {(o: Option<string>) => (
          <ListBoxItem id={o.id} className="listbox-item" textValue={o.label}>
            {o.label}
          </ListBoxItem>
        )}
      </ListBox>
    </Popover>
  </>
);

/** The combobox commits its selection again on blur: only real changes go through. */
const changesOnly =
  (value: string | null, onChange: (value: string | null) => void) =>
  (key: Key | null): void => {
    const next = key === null ? null : String(key);
    if (next !== value) onChange(next);
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
      onChange={changesOnly(value, onChange)}
      defaultFilter={contains}
      menuTrigger="focus"
    >
      <ComboParts label={label} placeholder={placeholder} description={description} />
    </ComboBox>
  );
};

type SearchFieldProps = ComboFieldProps & {
  /** What the user typed; the caller asks the server with it and passes the answers as `options`. */
  inputValue: string;
  onInputChange: (text: string) => void;
  isLoading?: boolean;
};

/**
 * A choice among more records than fit in the page (claims): the options come from the server for what was
 * typed, so nothing is filtered here. The typed text shows the picked option's label once one is picked.
 */
export const SearchComboField = ({
  label,
  options,
  value,
  onChange,
  placeholder,
  description,
  inputValue,
  onInputChange,
  isLoading = false,
}: SearchFieldProps) => (
  <ComboBox
    className="field combobox"
    items={options}
    value={value}
    onChange={changesOnly(value, onChange)}
    inputValue={inputValue}
    onInputChange={onInputChange}
    menuTrigger="focus"
    allowsEmptyCollection
  >
    <ComboParts
      label={label}
      placeholder={placeholder}
      description={description}
      empty={isLoading ? "Searching…" : "No matches"}
    />
  </ComboBox>
);
