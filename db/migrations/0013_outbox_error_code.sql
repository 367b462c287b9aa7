ALTER TABLE "mail_outbox" ADD COLUMN "error_code" text;--> statement-breakpoint
-- Rows written before the code: the fixed Dutch texts become codes, a server's own text stays as the detail.
UPDATE "mail_outbox" SET "error_code" = 'mail_recipient_rejected', "error" = NULL WHERE "error" = 'geweigerd door de mailserver';--> statement-breakpoint
UPDATE "mail_outbox" SET "error_code" = CASE "status"
  WHEN 'bounced' THEN 'mail_bounced'
  WHEN 'rejected' THEN 'mail_smtp_refused'
  WHEN 'failed' THEN 'mail_smtp_failed'
  ELSE 'mail_smtp_retry' END
WHERE "error_code" IS NULL AND ("error" IS NOT NULL OR "status" IN ('bounced', 'rejected', 'failed'));--> statement-breakpoint
-- Only now, once its row has a code: "onbekende fout" was our own filler, not the server's words.
UPDATE "mail_outbox" SET "error" = NULL WHERE "error" = 'onbekende fout';
