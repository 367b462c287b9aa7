import { activities, caseThemes, cases, conferenceAttendance, conferenceCases, conferences, followUps } from "../../db/schema.ts";
import type { Db } from "../../db/types.ts";

/** Copies the registry factor − 1 more times, with new ids and case codes, keeping every link. */
export async function scaleRegistry(db: Db, factor: number) {
  const [c, ct, cf, cc, ca, fu, ac] = await Promise.all([
    db.select().from(cases),
    db.select().from(caseThemes),
    db.select().from(conferences),
    db.select().from(conferenceCases),
    db.select().from(conferenceAttendance),
    db.select().from(followUps),
    db.select().from(activities),
  ]);
  const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
  };
  for (let k = 1; k < factor; k++) {
    const caseId = new Map(c.map((r) => [r.id, crypto.randomUUID()]));
    const confId = new Map(cf.map((r) => [r.id, crypto.randomUUID()]));
    await chunked(
      c.map((r) => ({ ...r, id: caseId.get(r.id)!, code: `${r.code}-${k}` })),
      (x) => db.insert(cases).values(x),
    );
    await chunked(
      ct.map((r) => ({ ...r, caseId: caseId.get(r.caseId)! })),
      (x) => db.insert(caseThemes).values(x),
    );
    await chunked(
      cf.map((r) => ({ ...r, id: confId.get(r.id)! })),
      (x) => db.insert(conferences).values(x),
    );
    await chunked(
      cc.map((r) => ({ ...r, conferenceId: confId.get(r.conferenceId)!, caseId: caseId.get(r.caseId)! })),
      (x) => db.insert(conferenceCases).values(x),
    );
    await chunked(
      ca.map((r) => ({ ...r, conferenceId: confId.get(r.conferenceId)! })),
      (x) => db.insert(conferenceAttendance).values(x),
    );
    await chunked(
      fu.map((r) => ({ ...r, id: crypto.randomUUID(), conferenceId: confId.get(r.conferenceId)! })),
      (x) => db.insert(followUps).values(x),
    );
    // A correction points at the copy it corrects, so each copy counts as the original does.
    const actId = new Map(ac.map((r) => [r.id, crypto.randomUUID()]));
    await chunked(
      ac.map((r) => ({
        ...r,
        id: actId.get(r.id)!,
        caseId: r.caseId ? caseId.get(r.caseId)! : null,
        conferenceId: r.conferenceId ? confId.get(r.conferenceId)! : null,
        correctsId: r.correctsId ? actId.get(r.correctsId)! : null,
      })),
      (x) => db.insert(activities).values(x),
    );
  }
}
