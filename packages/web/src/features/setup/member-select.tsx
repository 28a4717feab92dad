import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { PracticeMember } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { SelectField } from "../../components/fields";

/** The select's value for "no user" (a provider need not have one). */
export const NO_MEMBER = "none";

const roleWords: Record<PracticeMember["role"], string> = {
  owner: "owner",
  biller: "biller",
  clinician: "clinician",
  read_only: "read only",
};

export const usePracticeMembers = (practiceId: string) =>
  useQuery({
    queryKey: [practiceId, "members"],
    queryFn: async () =>
      (await unwrap(api.GET("/api/v1/practices/{practiceId}/members", { params: { path: { practiceId } } })))
        .data,
  });

/** A practice member to link (a provider's user), by name and role, or none. */
export const MemberSelect = ({
  label,
  description,
  value,
  onChange,
  errorMessage,
}: {
  label: string;
  description?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string | undefined;
}) => {
  const { practiceId } = usePractice();
  const members = usePracticeMembers(practiceId);
  const options = [
    { id: NO_MEMBER, label: "No user" },
    ...(members.data ?? []).map((m) => ({
      id: m.id,
      label: `${m.name} (${roleWords[m.role]}) — ${m.email}`,
    })),
  ];
  // A linked user the list does not (yet) hold still shows as chosen rather than as "No user".
  if (value !== NO_MEMBER && !options.some((o) => o.id === value))
    options.push({ id: value, label: "Loading…" });
  return (
    <div className="member-select">
      <SelectField
        label={label}
        options={options}
        value={value}
        onChange={onChange}
        errorMessage={errorMessage}
        isDisabled={members.isPending}
      />
      {description ? <p className="muted">{description}</p> : null}
      {members.isError ? <p role="alert">The practice's users could not be loaded.</p> : null}
    </div>
  );
};
