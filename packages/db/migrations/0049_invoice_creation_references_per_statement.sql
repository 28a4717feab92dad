-- The rows invoice creation writes by the thousand (invoices, their lines, their sessions' claims, the run's
-- outcomes) checked once per INSERT statement over the inserted rows instead of by row-level foreign keys, as
-- 0044/0045/0048 did: each key's per-row lookup (a SELECT … FOR KEY SHARE; the run's the same row every time) was
-- 19 ms of PostgreSQL's ~115 per 1,000 sessions. Nothing deletes clients, invoices (they are voided), appointments
-- or automation runs, so the keys' cascades never ran. These columns are written only on insert: a trigger now
-- refuses an UPDATE that would change one, which the insert checks would not see. The session's invoice keeps its
-- deferred key (the session is claimed before its invoice is written, in another statement).
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_practice_id_client_id_clients_practice_id_id_fk";--> statement-breakpoint
ALTER TABLE "invoice_lines" DROP CONSTRAINT "invoice_lines_practice_id_invoice_id_invoices_practice_id_id_fk";--> statement-breakpoint
ALTER TABLE "appointment_invoices" DROP CONSTRAINT "appointment_invoices_practice_id_appointment_id_appointments_pr";--> statement-breakpoint
ALTER TABLE "automation_outcomes" DROP CONSTRAINT "automation_outcomes_run_id_automation_runs_id_fk";--> statement-breakpoint
CREATE TRIGGER "invoices_clients_exist" AFTER INSERT ON "invoices" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "inserted_rows_refer_to"('client_id', 'clients');--> statement-breakpoint
CREATE TRIGGER "invoice_lines_invoices_exist" AFTER INSERT ON "invoice_lines" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "inserted_rows_refer_to"('invoice_id', 'invoices');--> statement-breakpoint
CREATE TRIGGER "appointment_invoices_appointments_exist" AFTER INSERT ON "appointment_invoices"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "inserted_rows_refer_to"('appointment_id', 'appointments');--> statement-breakpoint
CREATE TRIGGER "automation_outcomes_runs_exist" AFTER INSERT ON "automation_outcomes" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "inserted_rows_refer_to"('run_id', 'automation_runs');--> statement-breakpoint
-- Argument: the column. Fires only for rows whose column the UPDATE changes.
CREATE FUNCTION "reference_unchanged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% does not change once written (it is checked when the row is inserted)',
    TG_TABLE_NAME, TG_ARGV[0] USING ERRCODE = 'foreign_key_violation';
END $$;--> statement-breakpoint
CREATE TRIGGER "invoices_client_unchanged" BEFORE UPDATE OF "practice_id", "client_id" ON "invoices" FOR EACH ROW
  WHEN (OLD.practice_id IS DISTINCT FROM NEW.practice_id OR OLD.client_id IS DISTINCT FROM NEW.client_id)
  EXECUTE FUNCTION "reference_unchanged"('client_id');--> statement-breakpoint
CREATE TRIGGER "invoice_lines_invoice_unchanged" BEFORE UPDATE OF "practice_id", "invoice_id" ON "invoice_lines"
  FOR EACH ROW WHEN (OLD.practice_id IS DISTINCT FROM NEW.practice_id OR OLD.invoice_id IS DISTINCT FROM NEW.invoice_id)
  EXECUTE FUNCTION "reference_unchanged"('invoice_id');--> statement-breakpoint
CREATE TRIGGER "appointment_invoices_appointment_unchanged" BEFORE UPDATE OF "practice_id", "appointment_id"
  ON "appointment_invoices" FOR EACH ROW
  WHEN (OLD.practice_id IS DISTINCT FROM NEW.practice_id OR OLD.appointment_id IS DISTINCT FROM NEW.appointment_id)
  EXECUTE FUNCTION "reference_unchanged"('appointment_id');--> statement-breakpoint
CREATE TRIGGER "automation_outcomes_run_unchanged" BEFORE UPDATE OF "practice_id", "run_id" ON "automation_outcomes"
  FOR EACH ROW WHEN (OLD.practice_id IS DISTINCT FROM NEW.practice_id OR OLD.run_id IS DISTINCT FROM NEW.run_id)
  EXECUTE FUNCTION "reference_unchanged"('run_id');
