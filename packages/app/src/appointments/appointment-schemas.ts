import { tables } from "@billcycle/db";
import { rowSchema } from "../schemas/row-schema";

/** An appointment's own row, as a status change returns it (without its service lines). */
export const appointmentRowSchema = rowSchema(tables.appointments).meta({ id: "AppointmentRow" });
