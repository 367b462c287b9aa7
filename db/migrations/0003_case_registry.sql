CREATE TYPE "public"."activity_kind" AS ENUM('casusoverleg', 'voorbereiding', 'procesregie', 'advies', 'netwerkoverleg', 'training_voorlichting', 'overig');--> statement-breakpoint
CREATE TYPE "public"."attendance" AS ENUM('aanwezig', 'informatie_aangeleverd', 'telefonisch_video', 'afwezig');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('aangemeld', 'in_behandeling', 'afgesloten');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"staff_role" text NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"municipality_id" text NOT NULL,
	"case_id" uuid,
	"performed_on" text NOT NULL,
	"hours" real NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_themes" (
	"case_id" uuid NOT NULL,
	"theme_id" text NOT NULL,
	CONSTRAINT "case_themes_case_id_theme_id_pk" PRIMARY KEY("case_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"municipality_id" text NOT NULL,
	"branch_id" text NOT NULL,
	"referrer_organisation_id" uuid NOT NULL,
	"status" "case_status" DEFAULT 'aangemeld' NOT NULL,
	"registered_on" text NOT NULL,
	"closed_on" text,
	"care_safety_nexus" boolean NOT NULL,
	"societal_impact" boolean NOT NULL,
	"handled_locally_on" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "conference_attendance" (
	"conference_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "attendance" NOT NULL,
	CONSTRAINT "conference_attendance_conference_id_organisation_id_pk" PRIMARY KEY("conference_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "conference_cases" (
	"conference_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "conference_cases_conference_id_case_id_pk" PRIMARY KEY("conference_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"held_on" text NOT NULL,
	"branch_id" text NOT NULL,
	"chair" text NOT NULL,
	"roles_explained" boolean NOT NULL,
	"director_organisation_id" uuid,
	"has_aanleiding" boolean NOT NULL,
	"has_doel" boolean NOT NULL,
	"has_aanpak" boolean NOT NULL,
	"aanleiding_note" text,
	"doel_note" text,
	"aanpak_note" text,
	"notes_erased_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"due_on" text NOT NULL,
	"done_on" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "report_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "themes_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_themes" ADD CONSTRAINT "case_themes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_themes" ADD CONSTRAINT "case_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_referrer_organisation_id_organisations_id_fk" FOREIGN KEY ("referrer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_attendance" ADD CONSTRAINT "conference_attendance_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_attendance" ADD CONSTRAINT "conference_attendance_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_cases" ADD CONSTRAINT "conference_cases_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_cases" ADD CONSTRAINT "conference_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_director_organisation_id_organisations_id_fk" FOREIGN KEY ("director_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_municipality_on" ON "activities" USING btree ("municipality_id","performed_on");--> statement-breakpoint
CREATE INDEX "cases_municipality" ON "cases" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "cases_registered" ON "cases" USING btree ("registered_on");--> statement-breakpoint
CREATE INDEX "conference_cases_case" ON "conference_cases" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "conferences_held" ON "conferences" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "follow_ups_conference" ON "follow_ups" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "report_deliveries_municipality" ON "report_deliveries" USING btree ("municipality_id");