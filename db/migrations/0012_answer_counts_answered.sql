-- Backfill of the "answered" counts (api/waves/answer-counts.ts): per wave, question and group,
-- how many answered "weet niet / n.v.t." (value 1) and how many answered otherwise (0), so the
-- n.v.t. shares are read from these counts instead of from every stored response.
INSERT INTO answer_counts (wave_id, kind, item, dimension, value, organisation_type, branch_id, municipality_id, n)
  SELECT r.wave_id, 'answered', e.key, '', (e.value = '"nvt"'::jsonb)::int::numeric, r.organisation_type,
         coalesce(r.branch_id, ''), coalesce(r.municipality_id, ''), count(*)::int
    FROM responses r CROSS JOIN LATERAL jsonb_each(r.data) e
    GROUP BY r.wave_id, e.key, e.value = '"nvt"'::jsonb, r.organisation_type, r.branch_id, r.municipality_id;
