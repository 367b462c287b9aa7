CREATE TABLE "answer_counts" (
	"wave_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item" text NOT NULL,
	"dimension" text NOT NULL,
	"value" numeric(24, 12) NOT NULL,
	"organisation_type" "organisation_type" NOT NULL,
	"branch_id" text DEFAULT '' NOT NULL,
	"municipality_id" text DEFAULT '' NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answer_counts" ADD CONSTRAINT "answer_counts_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "answer_counts_key" ON "answer_counts" USING btree ("wave_id","kind","item","value","organisation_type","branch_id","municipality_id");--> statement-breakpoint
-- Backfill: the counts of every answer stored before this migration.
INSERT INTO answer_counts (wave_id, kind, item, dimension, value, organisation_type, branch_id, municipality_id, n)
  SELECT wave_id, 'question', question, dimension, value::numeric, organisation_type, coalesce(branch_id, ''), coalesce(municipality_id, ''), count(*)::int
    FROM answers GROUP BY wave_id, question, dimension, value, organisation_type, branch_id, municipality_id
  UNION ALL
  SELECT wave_id, 'dimension', dimension, dimension, m, organisation_type, b, mu, count(*)::int
    FROM (SELECT wave_id, response_id, dimension, round(avg(value)::numeric, 12) AS m, organisation_type,
                 coalesce(branch_id, '') AS b, coalesce(municipality_id, '') AS mu
            FROM answers GROUP BY wave_id, response_id, dimension, organisation_type, branch_id, municipality_id) per_respondent
    GROUP BY wave_id, dimension, m, organisation_type, b, mu;
