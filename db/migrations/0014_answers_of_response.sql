-- One foreign key per answer row, on (response, wave), instead of one to the response and one to
-- the wave: half the checks per submission, and no lock on the wave row that every concurrent
-- submission shares. The unique index it needs leads with the wave, so it replaces responses_wave.
CREATE UNIQUE INDEX "responses_wave_id" ON "responses" USING btree ("wave_id","id");--> statement-breakpoint
DROP INDEX "responses_wave";--> statement-breakpoint
ALTER TABLE "answers" DROP CONSTRAINT "answers_response_id_responses_id_fk";--> statement-breakpoint
ALTER TABLE "answers" DROP CONSTRAINT "answers_wave_id_waves_id_fk";--> statement-breakpoint
ALTER TABLE "open_answers" DROP CONSTRAINT "open_answers_response_id_responses_id_fk";--> statement-breakpoint
ALTER TABLE "open_answers" DROP CONSTRAINT "open_answers_wave_id_waves_id_fk";--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_response_id_wave_id_responses_id_wave_id_fk" FOREIGN KEY ("response_id","wave_id") REFERENCES "public"."responses"("id","wave_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_answers" ADD CONSTRAINT "open_answers_response_id_wave_id_responses_id_wave_id_fk" FOREIGN KEY ("response_id","wave_id") REFERENCES "public"."responses"("id","wave_id") ON DELETE cascade ON UPDATE no action;
