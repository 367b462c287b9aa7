ALTER TABLE "activities" ADD COLUMN "conference_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "corrects_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "correction_reason" text;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_corrects_id_activities_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_user_on" ON "activities" USING btree ("user_id","performed_on");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_corrects_id_unique" UNIQUE("corrects_id");