import { type AppointmentStatus, appointmentStatusLabel, appointmentTransitions } from "@billcycle/core";
import { Button, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { useChangeStatus } from "./sessions-api";

const verb = (to: AppointmentStatus) =>
  to === "upcoming" ? "Back to Upcoming" : `Mark ${appointmentStatusLabel[to]}`;

/**
 * The status changes a session allows from where it is (Upcoming → Kept, No Show, Late Cancel, Canceled, and
 * corrections), for roles that may change sessions. `label` names the session for screen readers.
 */
export const StatusActions = ({
  id,
  status,
  label,
  variant,
}: {
  id: string;
  status: AppointmentStatus;
  label: string;
  variant: "menu" | "buttons";
}) => {
  const { practiceId, can } = usePractice();
  const change = useChangeStatus(practiceId);
  if (!can("clients:write")) return null;
  const targets = appointmentTransitions[status];
  const error = change.isError ? (
    <span role="alert" className="inline-error">
      {errorText(change.error)}
    </span>
  ) : null;
  if (variant === "buttons") {
    return (
      <div className="status-actions">
        <fieldset className="button-row" aria-label={`Change status of ${label}`}>
          {targets.map((to) => (
            <Button
              key={to}
              className={`btn ${to === "kept" ? "btn-primary" : ""}`}
              isPending={change.isPending && change.variables?.status === to}
              isDisabled={change.isPending}
              onPress={() => change.mutate({ id, status: to })}
            >
              {verb(to)}
            </Button>
          ))}
        </fieldset>
        {error}
      </div>
    );
  }
  return (
    <div className="status-menu">
      <MenuTrigger>
        <Button
          className="btn btn-small"
          aria-label={`Change status of ${label}`}
          isPending={change.isPending}
        >
          Change status ▾
        </Button>
        <Popover className="popover">
          <Menu
            className="menu"
            onAction={(key) => change.mutate({ id, status: String(key) as AppointmentStatus })}
          >
            {targets.map((to) => (
              <MenuItem key={to} id={to} className="menu-item">
                {verb(to)}
              </MenuItem>
            ))}
          </Menu>
        </Popover>
      </MenuTrigger>
      {error}
    </div>
  );
};
