import { sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import type { answers, openAnswers, responses } from "../../db/schema.ts";

/**
 * Multi-row INSERTs of responses and their answer rows with all rows in one jsonb parameter
 * (`jsonb_to_recordset`), for the submission batches and the anonymity pool's mixer. Drizzle's
 * `insert().values(rows)` builds one bind parameter per field and walks each through its query
 * builder: for a mixed batch of a few hundred responses that was thousands of parameters and
 * the largest CPU item of an anonymous submission. The rows keep their order (the mixer's
 * shuffled order is the order on disk). The queries are lazy, as drizzle's are: each runs when
 * awaited (or then() is called), so a caller can pipeline them in order.
 */

const json = (rows: unknown[]) => JSON.stringify(rows);

export function insertResponses(db: Db, rows: (typeof responses.$inferInsert)[]) {
  return db.execute(sql`insert into responses (id, wave_id, invitation_id, organisation, organisation_type, municipality_id, branch_id, data, submitted_on)
    select "id", "waveId", "invitationId", "organisation", "organisationType", "municipalityId", "branchId", "data", "submittedOn"
      from jsonb_to_recordset(${json(rows)}::jsonb)
        as x("id" uuid, "waveId" uuid, "invitationId" uuid, "organisation" text, "organisationType" organisation_type,
             "municipalityId" text, "branchId" text, "data" jsonb, "submittedOn" text)`);
}

export function insertAnswers(db: Db, rows: (typeof answers.$inferInsert)[]) {
  return db.execute(sql`insert into answers (response_id, wave_id, question, dimension, value, organisation_type, branch_id, municipality_id)
    select "responseId", "waveId", "question", "dimension", "value", "organisationType", "branchId", "municipalityId"
      from jsonb_to_recordset(${json(rows)}::jsonb)
        as x("responseId" uuid, "waveId" uuid, "question" text, "dimension" text, "value" smallint,
             "organisationType" organisation_type, "branchId" text, "municipalityId" text)`);
}

export function insertOpenAnswers(db: Db, rows: (typeof openAnswers.$inferInsert)[]) {
  return db.execute(sql`insert into open_answers (response_id, wave_id, question, dimension, text, organisation_type, branch_id)
    select "responseId", "waveId", "question", "dimension", "text", "organisationType", "branchId"
      from jsonb_to_recordset(${json(rows)}::jsonb)
        as x("responseId" uuid, "waveId" uuid, "question" text, "dimension" text, "text" text,
             "organisationType" organisation_type, "branchId" text)`);
}
