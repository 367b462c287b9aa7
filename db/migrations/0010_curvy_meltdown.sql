ALTER TABLE "mail_outbox" ALTER COLUMN "wave_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "report_delivery_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "report_email" text;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "report_contact" text;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD COLUMN "status" text DEFAULT 'not_sent' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD COLUMN "to_address" text;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_report_delivery_id_report_deliveries_id_fk" FOREIGN KEY ("report_delivery_id") REFERENCES "public"."report_deliveries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_dedupe_key_unique" UNIQUE("dedupe_key");