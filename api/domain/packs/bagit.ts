/**
 * BagIt (RFC 8493) tag files and the check of a bag against its manifests. A bag is the
 * payload under data/ plus tag files at the top: bagit.txt, bag-info.txt, the payload
 * manifest (SHA-256 of every data/ file) and the tag manifest (SHA-256 of the tag files).
 */
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { listZip, readEntry, ZipFormatError, type ZipSource } from "./zip.ts";
import { SIGNATURE_FILE, verifySignature, type SignatureCheck } from "./signature.ts";

export const BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
export const MANIFEST = "manifest-sha256.txt";
export const TAG_MANIFEST = "tagmanifest-sha256.txt";
export const TAG_FILES = ["bag-info.txt", "bagit.txt", MANIFEST] as const;

/** RFC 8493 2.1.3: a path in a manifest escapes CR, LF and the percent sign. */
const encodePath = (path: string) => path.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const decodePath = (path: string) => path.replace(/%0A/gi, "\n").replace(/%0D/gi, "\r").replace(/%25/g, "%");

export function manifestText(files: { path: string; sha256: string }[]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f.sha256}  ${encodePath(f.path)}\n`)
    .join("");
}

/** One "Label: value" line per field; a value never spans lines. */
export function bagInfoText(fields: [string, string][]): string {
  return fields.map(([label, value]) => `${label}: ${value.replace(/\s*[\r\n]+\s*/g, " ").trim()}\n`).join("");
}

export function parseBagInfo(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split(/\r?\n/)
      .filter((l) => l.includes(":"))
      .map((l) => {
        const i = l.indexOf(":");
        return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
      }),
  );
}

export interface ManifestParse {
  entries: Map<string, string>;
  malformed: number[];
}

export function parseManifest(text: string): ManifestParse {
  const entries = new Map<string, string>();
  const malformed: number[] = [];
  text.split("\n").forEach((line, i) => {
    const l = line.replace(/\r$/, "");
    if (!l) return;
    const m = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(l);
    if (!m) malformed.push(i + 1);
    else entries.set(decodePath(m[2]), m[1].toLowerCase());
  });
  return { entries, malformed };
}

export interface BagReport {
  ok: boolean;
  /** Files checked against a manifest and found equal. */
  verified: number;
  changed: string[];
  missing: string[];
  extra: string[];
  /** Problems that are not about one file: a missing or unreadable manifest, a broken archive. */
  problems: string[];
  bagInfo: Record<string, string>;
  /** The tag manifest and the signature file as text, for the signature check. */
  tagManifest?: string;
  signature?: string;
}

/**
 * Compares what the archive holds (path → SHA-256 of the content) with both manifests.
 * Every payload file must be in the payload manifest and every tag file in the tag
 * manifest; anything else in the archive is extra.
 */
export function compareBag(
  actual: Map<string, string>,
  payload: ManifestParse | null,
  tags: ManifestParse | null,
): Omit<BagReport, "bagInfo"> {
  const changed: string[] = [],
    missing: string[] = [],
    extra: string[] = [],
    problems: string[] = [];
  let verified = 0;
  if (!actual.has("bagit.txt")) missing.push("bagit.txt");
  if (!payload) {
    missing.push(MANIFEST);
    problems.push("Zonder manifest-sha256.txt kan de inhoud niet worden gecontroleerd.");
  }
  if (!tags) missing.push(TAG_MANIFEST);
  for (const [name, parsed] of [
    [MANIFEST, payload],
    [TAG_MANIFEST, tags],
  ] as const) {
    if (parsed?.malformed.length) problems.push(`${name}: onleesbare regel(s) ${parsed.malformed.join(", ")}.`);
  }
  const check = (manifest: Map<string, string>) => {
    for (const [path, expected] of manifest) {
      const got = actual.get(path);
      if (got === undefined) missing.push(path);
      else if (got !== expected) changed.push(path);
      else verified++;
    }
  };
  if (payload) {
    for (const path of payload.entries.keys()) {
      if (!path.startsWith("data/")) problems.push(`manifest-sha256.txt noemt '${path}', dat niet onder data/ ligt.`);
    }
    check(payload.entries);
  }
  if (tags) check(tags.entries);
  for (const path of actual.keys()) {
    // The signature covers the tag manifest, so it cannot be listed in it.
    if (path === TAG_MANIFEST || path === SIGNATURE_FILE) continue;
    if (path.startsWith("data/")) {
      // Without a payload manifest every file would be "extra"; the missing manifest says it all.
      if (payload && !payload.entries.has(path)) extra.push(path);
      continue;
    }
    const listed = tags ? tags.entries.has(path) : (TAG_FILES as readonly string[]).includes(path);
    if (!listed) extra.push(path);
  }
  const sort = (l: string[]) => [...new Set(l)].sort();
  const result = { changed: sort(changed), missing: sort(missing), extra: sort(extra), problems };
  return { ok: !result.changed.length && !result.missing.length && !result.extra.length && !problems.length, verified, ...result };
}

async function digest(src: ZipSource, entry: Parameters<typeof readEntry>[1]) {
  const hash = new SHA256();
  const kept: Uint8Array[] = [];
  const keep = !entry.path.startsWith("data/");
  for await (const chunk of readEntry(src, entry)) {
    hash.update(chunk);
    if (keep) kept.push(chunk.slice());
  }
  return { sha256: encodeHexLowerCase(hash.digest()), text: keep ? new TextDecoder().decode(concat(kept)) : null };
}

function concat(parts: Uint8Array[]) {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/**
 * Checks a bag in a ZIP on its own, with nothing but the archive: each file is read once,
 * hashed and compared. A file whose compressed bytes were altered fails its CRC and counts
 * as changed. Only tag files are kept in memory; payload files are hashed as they stream.
 */
export async function verifyBagZip(src: ZipSource): Promise<BagReport> {
  let entries: Awaited<ReturnType<typeof listZip>>;
  try {
    entries = await listZip(src);
  } catch (e) {
    const message = e instanceof ZipFormatError ? e.message : "Het bestand is geen leesbaar ZIP-archief.";
    return { ok: false, verified: 0, changed: [], missing: [], extra: [], problems: [message], bagInfo: {} };
  }
  const actual = new Map<string, string>();
  const texts = new Map<string, string>();
  const damaged: string[] = [];
  const duplicates: string[] = [];
  for (const entry of entries) {
    if (entry.path.endsWith("/")) continue;
    if (actual.has(entry.path)) {
      duplicates.push(entry.path);
      continue;
    }
    try {
      const { sha256, text } = await digest(src, entry);
      actual.set(entry.path, sha256);
      if (text !== null) texts.set(entry.path, text);
    } catch (e) {
      if (!(e instanceof ZipFormatError)) throw e;
      // Unreadable content cannot equal what the manifest recorded.
      actual.set(entry.path, "beschadigd");
      damaged.push(entry.path);
    }
  }
  const parsed = (name: string) => (texts.has(name) ? parseManifest(texts.get(name)!) : null);
  const report = compareBag(actual, parsed(MANIFEST), parsed(TAG_MANIFEST));
  for (const path of damaged) {
    if (!report.changed.includes(path) && !report.extra.includes(path)) report.changed.push(path);
    report.problems.push(`'${path}' is beschadigd in het archief (CRC of compressie klopt niet).`);
  }
  for (const path of duplicates) report.problems.push(`'${path}' staat meer dan eens in het archief.`);
  report.changed.sort();
  return {
    ...report,
    ok: report.ok && !damaged.length && !duplicates.length,
    bagInfo: parseBagInfo(texts.get("bag-info.txt") ?? ""),
    tagManifest: texts.get(TAG_MANIFEST),
    signature: texts.get(SIGNATURE_FILE),
  };
}

export interface PackReport {
  bag: BagReport;
  signature: SignatureCheck;
  ok: boolean;
}

/**
 * A pack is intact when the bag is (every file matches its manifest) and the signature over the tag
 * manifest is valid; `trustedFingerprint` (this instance's key) adds whether the signer is the expected one.
 */
export async function verifyPack(src: ZipSource, trustedFingerprint?: string): Promise<PackReport> {
  const bag = await verifyBagZip(src);
  const signature = await verifySignature(bag.tagManifest, bag.signature, trustedFingerprint);
  return { bag, signature, ok: bag.ok && signature.status === "valid" };
}

/** The report as the CLI prints it: one line per problem, in Dutch. */
export function formatBagReport(r: BagReport): string[] {
  return [
    ...r.changed.map((p) => `gewijzigd: ${p}`),
    ...r.missing.map((p) => `ontbreekt: ${p}`),
    ...r.extra.map((p) => `extra: ${p}`),
    ...r.problems.map((p) => `probleem: ${p}`),
  ];
}
