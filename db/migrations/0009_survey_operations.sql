CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"organisation" text NOT NULL,
	"organisation_type" "organisation_type" NOT NULL,
	"municipality_id" text,
	"branch_id" text,
	"opted_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"invitation_id" uuid,
	"contact_id" uuid,
	"kind" text NOT NULL,
	"round" integer NOT NULL,
	"to_address" text,
	"subject" text NOT NULL,
	"body" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"error" text,
	"message_id" text,
	"unsubscribe_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_outbox_unsubscribe_hash_unique" UNIQUE("unsubscribe_hash")
);
--> statement-breakpoint
CREATE TABLE "mail_templates" (
	"kind" text PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_link_hits" (
	"wave_id" uuid NOT NULL,
	"client" text NOT NULL,
	"hour" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "open_link_hits_wave_id_client_hour_pk" PRIMARY KEY("wave_id","client","hour")
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "link_generation" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "based_on_id" uuid;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "comparability" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "contact_person" text;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "reminder_days" jsonb DEFAULT '[7,14]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "contacts_erase_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "contacts_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "open_link_hash" text;--> statement-breakpoint
ALTER TABLE "waves" ADD COLUMN "copied_from_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_link_hits" ADD CONSTRAINT "open_link_hits_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_once" ON "mail_outbox" USING btree ("invitation_id","kind","round");--> statement-breakpoint
CREATE INDEX "mail_outbox_wave" ON "mail_outbox" USING btree ("wave_id","status");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_wave_contact" ON "invitations" USING btree ("wave_id","contact_id");--> statement-breakpoint
ALTER TABLE "waves" ADD CONSTRAINT "waves_open_link_hash_unique" UNIQUE("open_link_hash");