import { scryptAsync } from "@noble/hashes/scrypt.js";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";

/**
 * scrypt with OWASP's parameter set N=2^14, r=8, p=5 (16 MiB): memory-hard. Parameters
 * travel with the hash (`scrypt$N$r$p$salt$key`), so they can be raised later without
 * breaking old hashes, and so every runtime that has scrypt verifies every hash.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const PRODUCTION_PARAMS: ScryptParams = { N: 2 ** 14, r: 8, p: 5 };
/** For tests only: the same format and code path at a thousandth of the cost. */
export const TEST_PARAMS: ScryptParams = { N: 2 ** 4, r: 8, p: 1 };

/** One scrypt implementation: native on Node (off the event loop), pure JavaScript elsewhere. */
export type ScryptFn = (password: Uint8Array, salt: Uint8Array, params: ScryptParams & { dkLen: number }) => Promise<Uint8Array>;

export const pureScrypt: ScryptFn = (password, salt, params) => scryptAsync(password, salt, params);

/** Hashes and verifies passwords. A dependency of the app, so tests can make it cheap. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spent on unknown accounts too, so response time does not reveal which e-mails exist. */
  readonly dummyHash: string;
}

const KEY_BYTES = 32;
const encode = (password: string) => new TextEncoder().encode(password.normalize("NFKC"));

function format(params: ScryptParams, salt: Uint8Array, key: Uint8Array) {
  return `scrypt$${params.N}$${params.r}$${params.p}$${encodeBase64(salt)}$${encodeBase64(key)}`;
}

/** Reads a stored hash; anything malformed or absurdly expensive verifies as false. */
function parse(hash: string) {
  const [alg, n, r, p, salt, key] = hash.split("$");
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const sane =
    alg === "scrypt" &&
    Number.isInteger(params.N) &&
    params.N >= 2 &&
    params.N <= 2 ** 20 &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= 32 &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= 16;
  if (!sane || !salt || !key) return null;
  try {
    return { params, salt: decodeBase64(salt), key: decodeBase64(key) };
  } catch {
    return null;
  }
}

export function scryptHasher(params: ScryptParams = PRODUCTION_PARAMS, scrypt: ScryptFn = pureScrypt): PasswordHasher {
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      return format(params, salt, await scrypt(encode(password), salt, { ...params, dkLen: KEY_BYTES }));
    },
    async verify(hash, password) {
      const stored = parse(hash);
      if (!stored) return false;
      const actual = await scrypt(encode(password), stored.salt, { ...stored.params, dkLen: stored.key.length });
      return constantTimeEqual(actual, stored.key);
    },
    dummyHash: format(params, new Uint8Array(16), new Uint8Array(KEY_BYTES)),
  };
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** A short list of the most common passwords of 12+ characters (from public breach top lists). */
const COMMON = new Set([
  "123456789012",
  "1234567890123",
  "qwertyuiop12",
  "qwerty123456",
  "password1234",
  "password12345",
  "wachtwoord12",
  "wachtwoord123",
  "wachtwoord1234",
  "welkom123456",
  "welkomwelkom",
  "passwordpassword",
  "aaaaaaaaaaaa",
  "abcdefghijkl",
  "abc123abc123",
  "iloveyou1234",
  "111111111111",
  "000000000000",
  "qwertyqwerty",
  "administrator",
  "letmein12345",
  "zomer2026zomer",
  "veiligheidshuis",
  "ketenspiegel",
  "1q2w3e4r5t6y",
  "monkeymonkey",
  "football1234",
  "sunshine1234",
  "princess1234",
  "changeme1234",
]);

export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Het wachtwoord is te lang (maximaal ${MAX_PASSWORD_LENGTH} tekens).`;
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return "Dit wachtwoord is te bekend of te eenvoudig.";
}
