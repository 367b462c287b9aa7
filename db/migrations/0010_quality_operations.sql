ALTER TABLE "mail_outbox" ALTER COLUMN "wave_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "conference_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "corrects_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "correction_reason" text;--> statement-breakpoint
ALTER TABLE "internal_audits" ADD COLUMN "checklist" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "report_delivery_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "report_email" text;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "report_contact" text;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD COLUMN "status" text DEFAULT 'not_sent' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD COLUMN "to_address" text;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_corrects_id_activities_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_report_delivery_id_report_deliveries_id_fk" FOREIGN KEY ("report_delivery_id") REFERENCES "public"."report_deliveries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_user_on" ON "activities" USING btree ("user_id","performed_on");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_corrects_id_unique" UNIQUE("corrects_id");--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_dedupe_key_unique" UNIQUE("dedupe_key");