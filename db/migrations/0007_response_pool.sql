CREATE TABLE "response_pool" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "response_pool" ADD CONSTRAINT "response_pool_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_pool_wave" ON "response_pool" USING btree ("wave_id");--> statement-breakpoint
-- hand-written:
-- Responses stored before the pool existed: cut the links the invitations of anonymous waves
-- still hold (time of day, a hash of the submitted data, when progress was saved). The update
-- also gives these rows a new xmin, so they no longer share one with their response.
UPDATE invitations SET submitted_at = date_trunc('day', submitted_at, 'UTC'), submission_data_hash = NULL, progress_saved_at = NULL
  WHERE submitted_at IS NOT NULL AND wave_id IN (SELECT id FROM waves WHERE anonymous);
