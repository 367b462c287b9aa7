CREATE TABLE "invitation_counts" (
	"wave_id" uuid NOT NULL,
	"organisation_type" "organisation_type" NOT NULL,
	"branch_id" text DEFAULT '' NOT NULL,
	"municipality_id" text DEFAULT '' NOT NULL,
	"invited" integer NOT NULL,
	"responded" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitation_counts" ADD CONSTRAINT "invitation_counts_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitation_counts_wave" ON "invitation_counts" USING btree ("wave_id");--> statement-breakpoint
-- Invited and responded per wave and group, kept by the database itself, so that every path
-- that creates, claims, moves or removes an invitation (the API, bulk loads, a restore) keeps
-- them right without remembering to. Each trigger appends delta rows and never updates one:
-- concurrent submissions never queue on a shared counter row.
-- Bulk creation: one row per group and statement, from the statement's transition table.
CREATE OR REPLACE FUNCTION invitation_counts_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO invitation_counts (wave_id, organisation_type, branch_id, municipality_id, invited, responded)
    SELECT wave_id, organisation_type, coalesce(branch_id, ''), coalesce(municipality_id, ''),
           count(*)::int, count(submitted_at)::int
      FROM new_invitations GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION invitation_counts_delete() RETURNS trigger AS $$
BEGIN
  INSERT INTO invitation_counts (wave_id, organisation_type, branch_id, municipality_id, invited, responded)
    SELECT wave_id, organisation_type, coalesce(branch_id, ''), coalesce(municipality_id, ''),
           -count(*)::int, -count(submitted_at)::int
      FROM old_invitations GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A claim (submitted_at set) or a change of group: one row per changed invitation. Row level,
-- because PostgreSQL allows no transition tables on a trigger limited to columns, and the
-- column list keeps the trigger away from the frequent updates that touch none of them
-- (opened, progress saved, link re-sent).
CREATE OR REPLACE FUNCTION invitation_counts_update() RETURNS trigger AS $$
BEGIN
  IF OLD.wave_id = NEW.wave_id AND OLD.organisation_type = NEW.organisation_type
     AND OLD.branch_id IS NOT DISTINCT FROM NEW.branch_id AND OLD.municipality_id IS NOT DISTINCT FROM NEW.municipality_id THEN
    INSERT INTO invitation_counts (wave_id, organisation_type, branch_id, municipality_id, invited, responded)
      VALUES (NEW.wave_id, NEW.organisation_type, coalesce(NEW.branch_id, ''), coalesce(NEW.municipality_id, ''),
              0, (NEW.submitted_at IS NOT NULL)::int - (OLD.submitted_at IS NOT NULL)::int);
  ELSE
    INSERT INTO invitation_counts (wave_id, organisation_type, branch_id, municipality_id, invited, responded)
      VALUES (OLD.wave_id, OLD.organisation_type, coalesce(OLD.branch_id, ''), coalesce(OLD.municipality_id, ''),
              -1, -(OLD.submitted_at IS NOT NULL)::int),
             (NEW.wave_id, NEW.organisation_type, coalesce(NEW.branch_id, ''), coalesce(NEW.municipality_id, ''),
              1, (NEW.submitted_at IS NOT NULL)::int);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION invitation_counts_truncate() RETURNS trigger AS $$
BEGIN
  DELETE FROM invitation_counts;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invitation_counts_insert AFTER INSERT ON invitations
  REFERENCING NEW TABLE AS new_invitations FOR EACH STATEMENT EXECUTE FUNCTION invitation_counts_insert();
--> statement-breakpoint
CREATE TRIGGER invitation_counts_delete AFTER DELETE ON invitations
  REFERENCING OLD TABLE AS old_invitations FOR EACH STATEMENT EXECUTE FUNCTION invitation_counts_delete();
--> statement-breakpoint
CREATE TRIGGER invitation_counts_update AFTER UPDATE OF submitted_at, wave_id, organisation_type, branch_id, municipality_id ON invitations
  FOR EACH ROW WHEN ((OLD.submitted_at IS NULL) <> (NEW.submitted_at IS NULL) OR OLD.wave_id <> NEW.wave_id
    OR OLD.organisation_type <> NEW.organisation_type OR OLD.branch_id IS DISTINCT FROM NEW.branch_id
    OR OLD.municipality_id IS DISTINCT FROM NEW.municipality_id)
  EXECUTE FUNCTION invitation_counts_update();
--> statement-breakpoint
CREATE TRIGGER invitation_counts_truncate AFTER TRUNCATE ON invitations
  FOR EACH STATEMENT EXECUTE FUNCTION invitation_counts_truncate();
--> statement-breakpoint
-- Backfill: the invitations made before this migration.
INSERT INTO invitation_counts (wave_id, organisation_type, branch_id, municipality_id, invited, responded)
  SELECT wave_id, organisation_type, coalesce(branch_id, ''), coalesce(municipality_id, ''), count(*)::int, count(submitted_at)::int
    FROM invitations GROUP BY 1, 2, 3, 4;
