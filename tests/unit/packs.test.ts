import { describe, expect, it } from "vitest";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { sha256Bytes } from "../../api/lib/crypto.ts";
import { crc32, dosStamp, listZip, memorySource, readEntryBytes, ZipFormatError, ZipWriter } from "../../api/domain/packs/zip.ts";
import {
  BAGIT_TXT,
  bagInfoText,
  compareBag,
  formatBagReport,
  manifestText,
  parseManifest,
  verifyBagZip,
} from "../../api/domain/packs/bagit.ts";
import {
  finalReviewsAsOf,
  packPeriod,
  pseudonym,
  pseudonymise,
  registryAsOf,
  rollBack,
  settingAsOf,
  versionAt,
  yearSlices,
} from "../../api/domain/packs/asof.ts";
import { actorLabel, redactEntry, REDACTED } from "../../api/domain/packs/trail.ts";
import { evidencePath, parseClauses } from "../../api/domain/packs/layout.ts";
import { csvLine, csvStream, inMemory, jsonStream } from "../../api/domain/packs/table.ts";
import { renderSectionPdf } from "../../api/domain/packs/pdf.ts";
import type { RegistryData } from "../../api/domain/registry/registry.types.ts";

const STAMP = new Date("2025-12-31T23:59:59Z");

async function collect(write: (zip: ZipWriter) => Promise<void>) {
  const parts: Uint8Array[] = [];
  const zip = new ZipWriter((c) => {
    parts.push(c.slice());
  }, STAMP);
  await write(zip);
  await zip.finish();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

const big = Array.from({ length: 20_000 }, (_, i) => `regel ${i};${(i * 7919) % 1000}\r\n`).join("");

/** A small bag as the service writes one. */
async function bag(payload: Record<string, string>) {
  return collect(async (zip) => {
    const written = [];
    const tags = [await zip.add("bag-info.txt", bagInfoText([["Source-Organization", "ZVH"]])), await zip.add("bagit.txt", BAGIT_TXT)];
    for (const path of Object.keys(payload).sort()) written.push(await zip.add(path, payload[path]));
    tags.push(await zip.add("manifest-sha256.txt", manifestText(written)));
    await zip.add("tagmanifest-sha256.txt", manifestText(tags));
  });
}

const PAYLOAD = {
  "data/6.1/risicos.csv": "Kenmerk;Titel\r\nR-001;Uitval\r\n",
  "data/index.html": "<html></html>",
  "data/7.5/audittrail.json": "[]\n",
};

describe("ZIP writer", () => {
  it("writes an archive that another reader (fflate) opens, with the content and timestamp it was given", async () => {
    const bytes = await collect(async (zip) => {
      await zip.add("a.txt", "één");
      await zip.add("b/groot.csv", chunks(big, 777));
      await zip.add("c.bin", new Uint8Array([0, 1, 2, 255]));
    });
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(["a.txt", "b/groot.csv", "c.bin"]);
    expect(strFromU8(files["a.txt"])).toBe("één");
    expect(strFromU8(files["b/groot.csv"])).toBe(big);
    expect([...files["c.bin"]]).toEqual([0, 1, 2, 255]);
    const entries = await listZip(memorySource(bytes));
    expect(entries.map((e) => e.size)).toEqual([strToU8("één").length, strToU8(big).length, 4]);
    expect(strFromU8(await readEntryBytes(memorySource(bytes), entries[1]))).toBe(big);
    expect(dosStamp(STAMP)).toEqual({ date: ((2025 - 1980) << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 });
  });

  it("is deterministic: the same content gives the same bytes, however the producer chunks it", async () => {
    const one = await collect(async (zip) => {
      await zip.add("x.csv", chunks(big, 10));
    });
    const two = await collect(async (zip) => {
      await zip.add("x.csv", chunks(big, 65_536 * 2 + 3));
    });
    expect(sha256Bytes(one)).toBe(sha256Bytes(two));
  });

  it("refuses paths out of order, duplicated or escaping the archive", async () => {
    await expect(
      collect(async (zip) => {
        await zip.add("b", "1");
        await zip.add("a", "2");
      }),
    ).rejects.toThrow(ZipFormatError);
    await expect(
      collect(async (zip) => {
        await zip.add("a", "1");
        await zip.add("a", "2");
      }),
    ).rejects.toThrow(/oplopende volgorde/);
    await expect(
      collect(async (zip) => {
        await zip.add("../etc/passwd", "x");
      }),
    ).rejects.toThrow(/Ongeldig pad/);
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
  });
});

describe("BagIt verification", () => {
  it("passes an untouched bag and reads its bag-info", async () => {
    const report = await verifyBagZip(memorySource(await bag(PAYLOAD)));
    expect(report).toMatchObject({ ok: true, verified: 6, changed: [], missing: [], extra: [], problems: [] });
    expect(report.bagInfo["Source-Organization"]).toBe("ZVH");
  });

  it("finds a changed byte, a removed file and an added file, each by name", async () => {
    const files = unzipSync(await bag(PAYLOAD));
    const changed = { ...files, "data/6.1/risicos.csv": strToU8(strFromU8(files["data/6.1/risicos.csv"]).replace("Uitval", "Uitvak")) };
    expect(formatBagReport(await verifyBagZip(memorySource(zipSync(changed))))).toEqual(["gewijzigd: data/6.1/risicos.csv"]);
    const { "data/7.5/audittrail.json": _, ...removed } = files;
    expect(formatBagReport(await verifyBagZip(memorySource(zipSync(removed))))).toEqual(["ontbreekt: data/7.5/audittrail.json"]);
    const added = { ...files, "data/9.3/extra.csv": strToU8("x"), "leesmij.txt": strToU8("y") };
    expect(formatBagReport(await verifyBagZip(memorySource(zipSync(added))))).toEqual(["extra: data/9.3/extra.csv", "extra: leesmij.txt"]);
    const noManifest = { ...files };
    delete noManifest["manifest-sha256.txt"];
    const report = await verifyBagZip(memorySource(zipSync(noManifest)));
    expect(report.ok).toBe(false);
    expect(report.missing).toContain("manifest-sha256.txt");
  });

  it("treats a byte flipped inside the compressed data as a changed file", async () => {
    const bytes = await bag(PAYLOAD);
    const entry = (await listZip(memorySource(bytes))).find((e) => e.path === "data/6.1/risicos.csv")!;
    const broken = bytes.slice();
    broken[entry.offset + 30 + entry.path.length + 3] ^= 0xff;
    const report = await verifyBagZip(memorySource(broken));
    expect(report.ok).toBe(false);
    expect(report.changed).toEqual(["data/6.1/risicos.csv"]);
  });

  it("says so when the file is no ZIP at all", async () => {
    const report = await verifyBagZip(memorySource(strToU8("geen zip")));
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatch(/Geen geldig ZIP-bestand/);
  });

  it("round-trips manifest paths with the escapes RFC 8493 requires", () => {
    const text = manifestText([
      { path: "data/b%c\nd", sha256: "a".repeat(64) },
      { path: "data/a", sha256: "b".repeat(64) },
    ]);
    expect(text).toBe(`${"b".repeat(64)}  data/a\n${"a".repeat(64)}  data/b%25c%0Ad\n`);
    expect([...parseManifest(text).entries.keys()]).toEqual(["data/a", "data/b%c\nd"]);
    expect(compareBag(new Map([["bagit.txt", "x"]]), parseManifest(""), null).missing).toEqual(["tagmanifest-sha256.txt"]);
  });
});

describe("as it stood at the end of the period", () => {
  const entry = (seq: number, action: string, before: unknown, after: unknown) => ({
    seq,
    at: "2026-01-10T10:00:00.000Z",
    action,
    entity: "finding",
    entityId: "f",
    before,
    after,
  });

  it("undoes later changes newest first with their before values; a later create means it did not exist", () => {
    const now = { title: "C", rootCause: "nieuw", closedAt: "2026-01-12T10:00:00.000Z", closedBy: "u" };
    const later = [
      entry(2, "update", { title: "A", rootCause: null }, { title: "B", rootCause: "x" }),
      entry(3, "update", { title: "B" }, { title: "C", rootCause: "nieuw" }),
      entry(4, "close", null, { ref: "BEV-1" }),
    ];
    const { state, unknown } = rollBack(now, later, { undo: { close: { closedAt: null, closedBy: null } }, ignore: ["ref"] });
    expect(state).toEqual({ title: "A", rootCause: null, closedAt: null, closedBy: null });
    expect(unknown).toEqual(["rootCause"]); // entry 3 changed it without recording the old value; entry 2 then restored it
    expect(rollBack(now, [entry(1, "create", null, {})]).state).toBeNull();
    expect(rollBack({ title: "T" }, [entry(5, "update", { status: "x" }, { status: "y" })], { untracked: ["title"] }).unknown).toEqual([
      "title",
    ]);
  });

  it("takes a setting from the first change after the period, and a version from before the end", () => {
    expect(settingAsOf({ v: 2 }, [entry(9, "update", { v: 1 }, { v: 2 }), entry(12, "update", { v: 2 }, { v: 3 })])).toEqual({ v: 1 });
    expect(settingAsOf({ v: 2 }, [])).toEqual({ v: 2 });
    const history = [1, 2, 3].map((version) => ({ version, changedAt: new Date(`2025-0${version * 3}-01T00:00:00Z`) }));
    expect(versionAt(history, packPeriod("2025-01-01", "2025-06-30").end)?.version).toBe(2);
  });

  it("counts a case closed or a follow-up done after the period as open at its end", () => {
    const data: RegistryData = {
      cases: [
        {
          id: "c",
          code: "ALK-1",
          municipalityId: "alkmaar",
          branchId: "alkmaar",
          themeIds: [],
          referrerOrganisationId: "o",
          status: "afgesloten",
          registeredOn: "2025-03-01",
          closedOn: "2026-01-05",
          handledLocallyOn: null,
        },
        {
          id: "d",
          code: "ALK-2",
          municipalityId: "alkmaar",
          branchId: "alkmaar",
          themeIds: [],
          referrerOrganisationId: "o",
          status: "aangemeld",
          registeredOn: "2026-01-02",
          closedOn: null,
          handledLocallyOn: null,
        },
      ],
      conferences: [
        {
          id: "k",
          heldOn: "2025-04-01",
          branchId: "alkmaar",
          directorOrganisationId: null,
          hasAanleiding: true,
          hasDoel: true,
          hasAanpak: true,
          rolesExplained: true,
          caseIds: ["c"],
          attendance: [],
          followUps: [{ id: "f", ownerOrganisationId: "o", dueOn: "2025-05-01", doneOn: "2026-01-03" }],
        },
      ],
      activities: [],
      rates: {},
      branchOf: {},
    };
    const asOf = registryAsOf(data, "2025-12-31");
    expect(asOf.cases).toEqual([expect.objectContaining({ id: "c", status: "in_behandeling", closedOn: null })]);
    expect(asOf.conferences[0].followUps[0].doneOn).toBeNull();
  });

  it("keeps only final reviews finalized before the end, marking one that a later final version replaced", () => {
    const p = packPeriod("2025-01-01", "2025-12-31");
    const r = (id: string, version: number, status: string, finalizedAt: string | null, periodTo = "2025-06-30") => ({
      id,
      seriesId: "s",
      version,
      status,
      periodFrom: "2025-01-01",
      periodTo,
      finalizedAt: finalizedAt ? new Date(finalizedAt) : null,
    });
    const chosen = finalReviewsAsOf(
      [
        r("v1", 1, "definitief", "2025-07-01T00:00:00Z"),
        r("v2", 2, "definitief", "2025-09-01T00:00:00Z"),
        r("v3", 3, "concept", null),
        r("v4", 4, "definitief", "2026-01-05T00:00:00Z"),
      ],
      p,
    );
    expect(chosen.map((c) => [c.id, c.supersededBy])).toEqual([
      ["v1", 2],
      ["v2", null],
    ]);
  });

  it("splits a period in calendar years", () => {
    expect(yearSlices({ from: "2023-07-01", to: "2025-03-31" })).toEqual([
      { year: 2023, from: "2023-07-01", to: "2023-12-31" },
      { year: 2024, from: "2024-01-01", to: "2024-12-31" },
      { year: 2025, from: "2025-01-01", to: "2025-03-31" },
    ]);
  });
});

describe("no personal data", () => {
  const roles = new Map([["11111111-1111-4111-8111-111111111111", "kwaliteit"]]);
  const uid = "11111111-1111-4111-8111-111111111111";

  it("names people by role and a stable pseudonym", () => {
    expect(pseudonym(uid)).toBe(sha256Bytes(strToU8(uid)).slice(0, 8));
    expect(pseudonymise({ ownerId: uid, inputs: [{ auditorIds: [uid], text: uid }] }, roles)).toEqual({
      ownerId: `kwaliteit #${pseudonym(uid)}`,
      inputs: [{ auditorIds: [`kwaliteit #${pseudonym(uid)}`], text: uid }],
    });
  });

  it("redacts audit entries: actor e-mail, IP, account content, notes and chair; keeps hashes", () => {
    const base = {
      seq: 7,
      at: "2025-03-01T10:00:00.000Z",
      actorId: uid,
      actor: "h.vossebeld@zvh.test",
      ip: "198.51.100.7",
      prevHash: "p",
      hash: "h",
    };
    const user = redactEntry(
      {
        ...base,
        action: "create",
        entity: "user",
        entityId: uid,
        before: null,
        after: { email: "x@y.test", name: "X Y", role: "auditor" },
      },
      roles,
    );
    expect(user).toMatchObject({
      actor: `kwaliteit #${pseudonym(uid)}`,
      entityId: `kwaliteit #${pseudonym(uid)}`,
      after: REDACTED,
      prevHash: "p",
      hash: "h",
    });
    expect(JSON.stringify(user)).not.toMatch(/vossebeld|198\.51|x@y/);
    const conf = redactEntry(
      {
        ...base,
        action: "create",
        entity: "conference",
        entityId: "k",
        before: null,
        after: { chair: "Voorzitter", note: "werkaantekening", recorded: { aanleiding: true }, aanleidingNote: "geheim" },
      },
      roles,
    );
    expect(conf.after).toEqual({ chair: REDACTED, note: REDACTED, recorded: { aanleiding: true }, aanleidingNote: REDACTED });
    const wave = redactEntry(
      { ...base, action: "create", entity: "wave", entityId: "w", before: null, after: { name: "KTO 2025" } },
      roles,
    );
    expect(wave.after).toEqual({ name: "KTO 2025" });
    expect(actorLabel({ actorId: null, actor: "iemand@mail.test" }, roles)).toBe("onbekend (geen account)");
    expect(actorLabel({ actorId: null, actor: "cli" }, roles)).toBe("cli");
  });
});

describe("layout, tables and reports", () => {
  it("parses clauses in the order of the standard and names unknown ones", () => {
    expect(parseClauses("10.3, 6.1,9.1.2")).toEqual({ clauses: ["6.1", "9.1.2", "10.2"], unknown: [] });
    expect(parseClauses("9.1,4.4").unknown).toEqual(["9.1", "4.4"]);
    expect(parseClauses(undefined).clauses).toHaveLength(7);
    expect(evidencePath("data/10.2", "ab0fd153-0000-4000-8000-000000000000", "Verslag évaluatie (v2).pdf", "application/pdf")).toBe(
      "data/10.2/bewijs/ab0fd153-0000-4000-8000-000000000000-Verslag_evaluatie_v2_.pdf",
    );
    // Inert files never keep an extension a browser renders.
    expect(evidencePath("data/10.2", "ab0fd153-0000-4000-8000-000000000000", "x.html", "application/octet-stream")).toBe(
      "data/10.2/bewijs/ab0fd153-0000-4000-8000-000000000000-x.html.bin",
    );
    expect(evidencePath("data/10.2", "ab0fd153-0000-4000-8000-000000000000", "x.html", "text/plain")).toBe(
      "data/10.2/bewijs/ab0fd153-0000-4000-8000-000000000000-x.html.txt",
    );
  });

  it("writes Dutch CSV with neutralised formulas and JSON one record per line", async () => {
    expect(csvLine(["=SOM(A1)", 2.5, true, null, 'a;"b"'])).toBe(`'=SOM(A1);2,5;ja;;"a;""b"""\r\n`);
    const pages = inMemory([{ a: 1 }, { a: 2 }, { a: 3 }], 2);
    let csv = "",
      json = "";
    const counter = { records: 0 };
    for await (const s of csvStream([{ header: "A", value: (r: { a: number }) => r.a }], pages, counter)) csv += s;
    for await (const s of jsonStream(pages)) json += s;
    expect(csv).toBe("\uFEFFA\r\n1\r\n2\r\n3\r\n");
    expect(counter.records).toBe(3);
    expect(JSON.parse(json)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    let empty = "";
    for await (const s of jsonStream(inMemory([]))) empty += s;
    expect(JSON.parse(empty)).toEqual([]);
  });

  it("renders the same section PDF to the same bytes", async () => {
    const section = {
      title: "6.1 Risico's",
      organisation: "ZVH",
      periodLabel: "2025-01-01 t/m 2025-12-31",
      stamp: STAMP,
      blocks: [
        { kind: "paragraph" as const, text: "Stand per einde van de periode — ł ≥ 3" },
        {
          kind: "table" as const,
          total: 500,
          columns: [
            { header: "A", width: 1 },
            { header: "B", width: 3 },
          ],
          rows: Array.from({ length: 120 }, (_, i) => [String(i), "tekst ".repeat(i % 30)]),
        },
      ],
    };
    const [a, b] = [await renderSectionPdf(section), await renderSectionPdf(section)];
    expect(sha256Bytes(a)).toBe(sha256Bytes(b));
    expect(strFromU8(a.slice(0, 5))).toBe("%PDF-");
  });
});
