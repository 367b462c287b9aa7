import { scryptAsync } from "@noble/hashes/scrypt.js";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64, encodeBase64 } from "@oslojs/encoding";

/**
 * scrypt with OWASP's parameter set N=2^14, r=8, p=5 (16 MiB): memory-hard, and pure
 * JavaScript, so it runs the same on Node and on Workers (WebCrypto PBKDF2 is capped
 * at 100 000 iterations on Workers, below OWASP's advice). Parameters travel with the
 * hash so they can be raised later without breaking old hashes.
 */
const PARAMS = { N: 2 ** 14, r: 8, p: 5, dkLen: 32 };

export const MIN_PASSWORD_LENGTH = 12;

/** A short list of the most common passwords of 12+ characters (from public breach top lists). */
const COMMON = new Set([
  "123456789012", "1234567890123", "qwertyuiop12", "qwerty123456", "password1234", "password12345",
  "wachtwoord12", "wachtwoord123", "wachtwoord1234", "welkom123456", "welkomwelkom", "passwordpassword",
  "aaaaaaaaaaaa", "abcdefghijkl", "abc123abc123", "iloveyou1234", "111111111111", "000000000000",
  "qwertyqwerty", "administrator", "letmein12345", "zomer2026zomer", "veiligheidshuis", "ketenspiegel",
  "1q2w3e4r5t6y", "monkeymonkey", "football1234", "sunshine1234", "princess1234", "changeme1234",
]);

export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn.`;
  if (password.length > 256) return "Het wachtwoord is te lang (maximaal 256 tekens).";
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) return "Dit wachtwoord is te bekend of te eenvoudig.";
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await scryptAsync(password.normalize("NFKC"), salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${encodeBase64(salt)}$${encodeBase64(key)}`;
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = hash.split("$");
  if (alg !== "scrypt") return false;
  const expected = decodeBase64(key);
  const actual = await scryptAsync(password.normalize("NFKC"), decodeBase64(salt), {
    N: Number(n), r: Number(r), p: Number(p), dkLen: expected.length,
  });
  return constantTimeEqual(actual, expected);
}

/** Spent on unknown accounts too, so response time does not reveal which e-mails exist. */
export const DUMMY_HASH = "scrypt$16384$8$5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
