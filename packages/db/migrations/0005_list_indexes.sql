CREATE INDEX "claims_client_idx" ON "claims" USING btree ("practice_id","client_id");--> statement-breakpoint
CREATE INDEX "claims_practice_pcn_pattern_idx" ON "claims" USING btree ("practice_id","patient_control_number" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "claims_practice_total_idx" ON "claims" USING btree ("practice_id","total_cents","id");--> statement-breakpoint
CREATE INDEX "invoices_practice_total_idx" ON "invoices" USING btree ("practice_id","total_cents","id");--> statement-breakpoint
CREATE INDEX "invoices_practice_date_idx" ON "invoices" USING btree ("practice_id","invoice_date","id");