import { createHash } from "node:crypto";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/**
 * Random bytes from the platform's CSPRNG, drawn a page at a time: one call into the system
 * per page instead of one per token, receipt and trail entry (Node draws randomUUID's bytes
 * the same way). Every byte is handed out once.
 */
const PAGE = 4096;
let page = new Uint8Array(0);
let used = 0;

export function randomBytes(n: number): Uint8Array {
  if (n > PAGE) return crypto.getRandomValues(new Uint8Array(n));
  if (used + n > page.length) {
    page = crypto.getRandomValues(new Uint8Array(PAGE));
    used = 0;
  }
  used += n;
  return page.slice(used - n, used);
}

/** 160 random bits, base32: long enough to be unguessable, short enough for a link. */
export function randomToken(bytes = 20): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(bytes));
}

export function randomHex(bytes: number): string {
  return encodeHexLowerCase(randomBytes(bytes));
}

/**
 * SHA-256 by the platform (node:crypto, which Workers have under nodejs_compat): a submission
 * hashes its link and its answers, about 1 KB, five times faster than in JavaScript.
 */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Stable JSON (sorted keys), so equal data hashes equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function sha256Bytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
