import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Db } from "../../db/types.ts";
import { sql } from "drizzle-orm";
import { rows } from "../../db/migrate.ts";
import { ApiError } from "../lib/errors.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { getRegistrySettings } from "../registry/settings.service.ts";
import { packPeriod, periodStamp, person, settingAsOf, type PackPeriod } from "../domain/packs/asof.ts";
import { BAGIT_TXT, bagInfoText, manifestText, MANIFEST, TAG_MANIFEST } from "../domain/packs/bagit.ts";
import { renderIndexHtml } from "../domain/packs/front.ts";
import { SIGNATURE_FILE, signatureFile } from "../domain/packs/signature.ts";
import { instanceSigningKey } from "./signing.service.ts";
import { byPath, INDEX_PATH, parseClauses, REPORT_NAME, type Clause } from "../domain/packs/layout.ts";
import { ZipWriter, type Sink, type WrittenEntry } from "../domain/packs/zip.ts";
import { buildPeriodLabel, firstSeqAfter, laterOfEntity, loadRoles, type Build, type PackFile, type Section } from "./packs.build.ts";
import { riskSection } from "./packs.risks.ts";
import { trailSection } from "./packs.trail.ts";
import { surveySection } from "./packs.survey.ts";
import { registrySection } from "./packs.registry.ts";
import { auditSection } from "./packs.audits.ts";
import { reviewSection } from "./packs.reviews.ts";
import { findingsSection } from "./packs.quality.ts";

export interface PackQuery {
  from: string;
  to: string;
  clauses?: string;
}
export interface PackRequest {
  period: PackPeriod;
  clauses: Clause[];
}
export interface PackResult {
  sha256: string;
  bytes: number;
  files: number;
  filename: string;
}

/** A ZIP timestamp cannot lie before 1980, so neither can a pack's period. */
const EARLIEST_PACK_DAY = "1980-01-01";

/**
 * A pack is about a period that has ended: only then is "as it stood at the end" final, so
 * that exporting it again gives the same bytes. Checked before anything is written.
 */
export function packRequest(q: PackQuery, now: Date): PackRequest {
  const today = now.toISOString().slice(0, 10);
  if (q.from > q.to) throw new ApiError(400, "invalid_period");
  if (q.from < EARLIEST_PACK_DAY) throw new ApiError(400, "period_too_early", { earliest: EARLIEST_PACK_DAY });
  if (q.to >= today) {
    throw new ApiError(400, "period_not_ended", { today });
  }
  const { clauses, unknown } = parseClauses(q.clauses);
  if (unknown.length) {
    throw new ApiError(
      400,
      "unknown_clause",
      { clauses: unknown.join(", ") },
      unknown.map((clause) => ({ clause })),
    );
  }
  if (!clauses.length) throw new ApiError(400, "no_clause");
  return { period: packPeriod(q.from, q.to), clauses };
}

export const packFilename = (r: PackRequest) => `bewijspakket-${r.period.from}-${r.period.to}.zip`;

const BUILDERS: Record<Clause, (b: Build) => Section | Promise<Section>> = {
  "6.1": riskSection,
  "7.5": trailSection,
  "9.1.2": surveySection,
  "9.1.3": registrySection,
  "9.2": auditSection,
  "9.3": reviewSection,
  "10.2": findingsSection,
};

async function prepare(db: Db, r: PackRequest): Promise<Build> {
  const { period } = r;
  const partial = { db, period, startIso: period.start.toISOString(), endIso: period.end.toISOString() };
  const [roles, seq] = await Promise.all([loadRoles(db), firstSeqAfter(db, partial.endIso)]);
  const base = {
    ...partial,
    roles,
    firstSeqAfter: seq,
    stamp: periodStamp(period),
    periodLabel: buildPeriodLabel(period),
    organisation: "",
  };
  const settings = settingAsOf(await getRegistrySettings(db), await laterOfEntity(base, "registry_settings"));
  return { ...base, organisation: settings.organisationName };
}

/** Every data file in path order, the index last; each folder's report after its data, so it sees their notes. */
function payloadOrder(sections: Section[]): PackFile[] {
  const files = sections.flatMap((s) => s.files).sort(byPath);
  for (const s of sections) {
    const own = files.filter((f) => f.path.startsWith(`${s.folder}/`));
    if (own[own.length - 1]?.path !== `${s.folder}/${REPORT_NAME}`)
      throw new Error(`${s.folder}: ${REPORT_NAME} moet het laatste bestand van de map zijn.`);
  }
  if (files.some((f) => f.path >= INDEX_PATH)) throw new Error("Een databestand sorteert na index.html.");
  return files;
}

/** The chain head at the end of the period (not at export time, so the pack stays the same bytes). */
async function periodHead(db: Db, b: Build) {
  const [last] = rows<{ seq: number; hash: string }>(
    await db.execute(sql`select seq, hash from audit_log where at < ${b.endIso} order by seq desc limit 1`),
  );
  return last ? `${Number(last.seq)}:${last.hash}` : "geen";
}

function bagInfo(b: Build, r: PackRequest, version: string, exporter: string, head: string) {
  return bagInfoText([
    ["Source-Organization", b.organisation],
    [
      "External-Description",
      `Bewijspakket ISO 9001 (paragrafen ${r.clauses.join(", ")}) over ${b.periodLabel}; elk record zoals het stond aan het einde van de periode. Begin bij data/index.html.`,
    ],
    ["Bagging-Date", r.period.to],
    ["Period-From", r.period.from],
    ["Period-To", r.period.to],
    ["Clauses", r.clauses.join(", ")],
    ["Generated-At", b.stamp.toISOString()],
    [
      "Generated-At-Definition",
      "het einde van de periode, niet het exportmoment: zo geeft dezelfde export dezelfde bytes; het exportmoment en de SHA-256 van het pakket staan in de audittrail",
    ],
    ["Generated-By", exporter],
    ["Bag-Software-Agent", `Ketenspiegel ${version}`],
    ["Software-Version", version],
    ["Audit-Chain-Head", head],
    [
      "Audit-Chain-Head-Definition",
      "volgnummer:hash van de laatste audittrailregel vóór het einde van de periode; 'npm run cli -- audit verify --anchor <kop>' toont of de trail tot daar onveranderd is",
    ],
    [
      "Pseudonymisation",
      "personen als rol plus de eerste 8 hexadecimale tekens van SHA-256 over het account-id; geen namen of e-mailadressen",
    ],
  ]);
}

/**
 * Writes the pack to `sink` as it is made: tag files, the payload one file at a time
 * (each a stream of pages), the manifests, the central directory. What is held at any
 * moment is one page of records or one evidence file, never the archive. When the last
 * byte is out, the export is recorded in the audit trail with the SHA-256 of the whole.
 */
export async function writePack(db: Db, r: PackRequest, now: Date, by: Actor, version: string, sink: Sink): Promise<PackResult> {
  const [b, key] = await Promise.all([prepare(db, r), instanceSigningKey(db)]);
  const sections: Section[] = [];
  for (const clause of r.clauses) sections.push(await BUILDERS[clause](b));
  const exporter = by.actorId ? person(by.actorId, b.roles) : by.actor;
  const hash = new SHA256();
  const zip = new ZipWriter(async (chunk) => {
    hash.update(chunk);
    await sink(chunk);
  }, b.stamp);
  const tags: WrittenEntry[] = [];
  tags.push(await zip.add("bag-info.txt", bagInfo(b, r, version, exporter, await periodHead(db, b))));
  tags.push(await zip.add("bagit.txt", BAGIT_TXT));
  const payload: WrittenEntry[] = [];
  for (const file of payloadOrder(sections)) payload.push(await zip.add(file.path, await file.content()));
  const index = renderIndexHtml({
    organisation: b.organisation,
    from: r.period.from,
    to: r.period.to,
    stampIso: b.stamp.toISOString(),
    version,
    sections: sections.map((s) => ({
      clause: s.clause,
      title: s.title,
      notes: [...s.notes],
      files: s.files.sort(byPath).map((f) => ({ path: f.path, description: f.description, records: f.counter?.records })),
    })),
  });
  payload.push(await zip.add(INDEX_PATH, index));
  tags.push(await zip.add(MANIFEST, manifestText(payload)));
  const tagManifest = manifestText(tags);
  await zip.add(TAG_MANIFEST, tagManifest);
  // Signed last: the signature fixes the tag manifest, which fixes everything else.
  await zip.add(SIGNATURE_FILE, await signatureFile(key, tagManifest));
  const { entries, bytes } = await zip.finish();
  const sha256 = encodeHexLowerCase(hash.digest());
  const filename = packFilename(r);
  await audited(db, now, async () => ({
    result: null,
    audit: {
      ...by,
      action: "export",
      entity: "evidence_pack",
      entityId: `${r.period.from}/${r.period.to}`,
      after: { from: r.period.from, to: r.period.to, clauses: r.clauses, filename, sha256, bytes, files: entries, generatedBy: exporter },
    },
  }));
  return { sha256, bytes, files: entries, filename };
}

/**
 * The pack as a byte stream with back-pressure: production waits while the reader is
 * behind, and stops when the reader goes away (then nothing is recorded as exported).
 */
export function packStream(db: Db, r: PackRequest, now: Date, by: Actor, version: string): ReadableStream<Uint8Array> {
  let wake: (() => void) | null = null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const sink = async (chunk: Uint8Array) => {
          if (cancelled) throw new Error("Het downloaden is afgebroken.");
          controller.enqueue(chunk);
          while (!cancelled && (controller.desiredSize ?? 1) <= 0)
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
        };
        writePack(db, r, now, by, version, sink).then(
          () => controller.close(),
          (e) => {
            if (cancelled) return;
            console.error("evidence pack failed", e);
            controller.error(e);
          },
        );
      },
      pull() {
        wake?.();
        wake = null;
      },
      cancel() {
        cancelled = true;
        wake?.();
      },
    },
    { highWaterMark: 8 },
  );
}
