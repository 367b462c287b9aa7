/**
 * Checks an evidence pack in the browser, with nothing uploaded: unzip it, hash every file with
 * WebCrypto, compare with the BagIt manifests and check the Ed25519 signature over the tag manifest.
 * The manifest parsing, the comparison and the signature check are the server's own functions
 * (api/domain/packs), so the browser and `npm run cli -- evidence verify` cannot disagree on the format.
 */
import { unzipSync } from "fflate";
import { compareBag, MANIFEST, parseBagInfo, parseManifest, TAG_MANIFEST } from "../../../../api/domain/packs/bagit.ts";
import { SIGNATURE_FILE, verifySignature } from "../../../../api/domain/packs/signature.ts";

export interface PackVerdict {
  /** Every file matches its manifest and the signature is valid. */
  ok: boolean;
  /** The archive could not be read as a ZIP at all. */
  unreadable: boolean;
  /** Files checked against a manifest and found equal. */
  verified: number;
  changed: string[];
  missing: string[];
  extra: string[];
  /** Problems that are not about one file (a manifest line that cannot be read, a path outside data/). */
  problems: string[];
  signature: {
    status: "valid" | "invalid" | "missing";
    /** SHA-256 of the key the pack names, computed here (never taken from the file). */
    fingerprint?: string;
    /** Whether that key is the expected one, when an expected fingerprint was given. */
    trusted?: boolean;
  };
  /** What bag-info.txt says about the pack: period, clauses, organisation, when made. */
  info: Record<string, string>;
}

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** SHA-256 of bytes, hex, with WebCrypto (the browser's, or Node's in tests). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

/**
 * The verdict for a pack's bytes. `trustedFingerprint` is this instance's key (getSigningKey); without it
 * the signature is still checked but nobody says whose it should be. `onProgress` is told how many files
 * of how many are hashed, so a large pack shows it is moving.
 */
export async function verifyPackBytes(
  zipBytes: Uint8Array,
  trustedFingerprint?: string,
  onProgress?: (done: number, total: number) => void,
): Promise<PackVerdict> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zipBytes);
  } catch {
    return {
      ok: false,
      unreadable: true,
      verified: 0,
      changed: [],
      missing: [],
      extra: [],
      problems: [],
      signature: { status: "missing" },
      info: {},
    };
  }
  const names = Object.keys(files).filter((name) => !name.endsWith("/"));
  const actual = new Map<string, string>();
  for (const [i, name] of names.entries()) {
    actual.set(name, await sha256Hex(files[name]));
    onProgress?.(i + 1, names.length);
  }
  const text = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : undefined);
  const parsed = (name: string) => {
    const t = text(name);
    return t === undefined ? null : parseManifest(t);
  };
  const bag = compareBag(actual, parsed(MANIFEST), parsed(TAG_MANIFEST));
  const sig = await verifySignature(text(TAG_MANIFEST), text(SIGNATURE_FILE), trustedFingerprint);
  return {
    ok: bag.ok && sig.status === "valid",
    unreadable: false,
    verified: bag.verified,
    changed: bag.changed,
    missing: bag.missing,
    extra: bag.extra,
    problems: bag.problems,
    signature: { status: sig.status, fingerprint: sig.fingerprint, trusted: sig.trusted },
    info: parseBagInfo(text("bag-info.txt") ?? ""),
  };
}

/** The filename a download carries: RFC 6266 `filename*` (UTF-8) first, then plain `filename`. */
export function filenameFrom(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  // Only the last path segment: a name never chooses a folder.
  const base = (name: string | undefined) => name?.trim().split(/[\\/]/).pop() || fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(contentDisposition);
  if (star) {
    try {
      return base(decodeURIComponent(star[1]));
    } catch {
      // A malformed encoding falls through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(contentDisposition);
  return base(plain?.[1] ?? plain?.[2]);
}
