CREATE TYPE "public"."action_status" AS ENUM('gepland', 'in_uitvoering', 'gereed', 'geannuleerd');--> statement-breakpoint
CREATE TYPE "public"."internal_audit_status" AS ENUM('gepland', 'uitgevoerd', 'gerapporteerd', 'geannuleerd');--> statement-breakpoint
CREATE TYPE "public"."finding_class" AS ENUM('major_nc', 'minor_nc', 'observation', 'opportunity');--> statement-breakpoint
CREATE TYPE "public"."finding_source" AS ENUM('survey', 'audit', 'complaint', 'risk', 'conference_metric', 'other');--> statement-breakpoint
CREATE TYPE "public"."pdca_phase" AS ENUM('plan', 'do', 'check', 'act');--> statement-breakpoint
CREATE TYPE "public"."management_review_status" AS ENUM('concept', 'definitief');--> statement-breakpoint
CREATE TYPE "public"."risk_kind" AS ENUM('risk', 'opportunity');--> statement-breakpoint
CREATE TYPE "public"."root_cause_method" AS ENUM('five_whys', 'fishbone');--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" text NOT NULL,
	"status" "action_status" DEFAULT 'gepland' NOT NULL,
	"pdca_phase" "pdca_phase" DEFAULT 'plan' NOT NULL,
	"criterion" jsonb NOT NULL,
	"completed_on" text,
	"risk_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
CREATE TABLE "effectiveness_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewed_on" text NOT NULL,
	"effective" boolean NOT NULL,
	"explanation" text NOT NULL,
	"evaluation" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid,
	"action_id" uuid,
	"audit_id" uuid,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"concerns_date" text NOT NULL,
	"description" text,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_actions" (
	"finding_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	CONSTRAINT "finding_actions_finding_id_action_id_pk" PRIMARY KEY("finding_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"source" "finding_source" NOT NULL,
	"source_wave_id" uuid,
	"source_dimension" text,
	"source_question" text,
	"source_audit_id" uuid,
	"source_risk_id" uuid,
	"source_metric" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"classification" "finding_class" NOT NULL,
	"clauses" text[] NOT NULL,
	"found_on" text NOT NULL,
	"correction" text,
	"root_cause_method" "root_cause_method",
	"root_cause_analysis" jsonb,
	"root_cause" text,
	"similar_elsewhere" text,
	"baseline" jsonb,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "findings_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
CREATE TABLE "internal_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"year" integer NOT NULL,
	"process_id" text NOT NULL,
	"scope" text NOT NULL,
	"criteria" text[] NOT NULL,
	"auditor_ids" uuid[] NOT NULL,
	"auditee_ids" uuid[] NOT NULL,
	"planned_on" text NOT NULL,
	"actual_on" text,
	"status" "internal_audit_status" DEFAULT 'gepland' NOT NULL,
	"strong_points" text,
	"conclusion" text,
	"reported_on" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internal_audits_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
CREATE TABLE "management_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"held_on" text,
	"inputs" jsonb NOT NULL,
	"decisions" jsonb NOT NULL,
	"status" "management_review_status" DEFAULT 'concept' NOT NULL,
	"correction_of" uuid,
	"correction_reason" text,
	"finalized_at" timestamp with time zone,
	"finalized_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"owner_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"risk_weight" smallint DEFAULT 2 NOT NULL,
	CONSTRAINT "processes_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "review_evidence" (
	"review_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	CONSTRAINT "review_evidence_review_id_evidence_id_pk" PRIMARY KEY("review_id","evidence_id")
);
--> statement-breakpoint
CREATE TABLE "risk_history" (
	"risk_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"changed_by" uuid,
	"change" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "risk_history_risk_id_version_pk" PRIMARY KEY("risk_id","version")
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref" text NOT NULL,
	"kind" "risk_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"process_id" text,
	"inherent_likelihood" smallint NOT NULL,
	"inherent_impact" smallint NOT NULL,
	"residual_likelihood" smallint NOT NULL,
	"residual_impact" smallint NOT NULL,
	"treatment" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"review_interval_days" integer DEFAULT 180 NOT NULL,
	"last_reviewed_on" text NOT NULL,
	"closed_on" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risks_ref_unique" UNIQUE("ref")
);
--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effectiveness_reviews" ADD CONSTRAINT "effectiveness_reviews_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effectiveness_reviews" ADD CONSTRAINT "effectiveness_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_actions" ADD CONSTRAINT "finding_actions_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_actions" ADD CONSTRAINT "finding_actions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_source_wave_id_waves_id_fk" FOREIGN KEY ("source_wave_id") REFERENCES "public"."waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_audits" ADD CONSTRAINT "internal_audits_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_finalized_by_users_id_fk" FOREIGN KEY ("finalized_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "management_reviews" ADD CONSTRAINT "management_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_evidence" ADD CONSTRAINT "review_evidence_review_id_effectiveness_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."effectiveness_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_evidence" ADD CONSTRAINT "review_evidence_evidence_id_evidence_files_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_history" ADD CONSTRAINT "risk_history_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_history" ADD CONSTRAINT "risk_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finding_actions_action" ON "finding_actions" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "internal_audits_year" ON "internal_audits" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "management_reviews_series_version" ON "management_reviews" USING btree ("series_id","version");--> statement-breakpoint
-- Evidence and risk history are append-only, and a final management review can no longer
-- change: the database itself refuses, so the record an auditor samples is the record made.
CREATE OR REPLACE FUNCTION append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER risk_history_append_only BEFORE UPDATE OR DELETE ON risk_history
  FOR EACH ROW EXECUTE FUNCTION append_only();
--> statement-breakpoint
CREATE TRIGGER evidence_files_append_only BEFORE UPDATE OR DELETE ON evidence_files
  FOR EACH ROW EXECUTE FUNCTION append_only();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION final_review_is_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'definitief' THEN
    RAISE EXCEPTION 'management review % is final (% refused); record a correction as a new version', OLD.id, TG_OP;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER management_reviews_final BEFORE UPDATE OR DELETE ON management_reviews
  FOR EACH ROW EXECUTE FUNCTION final_review_is_immutable();
