-- The Invoice Timeline says when a set's next send time moved because the patient's time zone changed.
ALTER TABLE "outreach_events" DROP CONSTRAINT "outreach_events_kind_check";--> statement-breakpoint
ALTER TABLE "outreach_events" ADD CONSTRAINT "outreach_events_kind_check" CHECK ("kind" in ('started','charge_added','message','delivery','reply','preference','help','payment','status','rule_set','skipped','rescheduled'));
