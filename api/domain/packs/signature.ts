/**
 * Signed evidence packs: an Ed25519 signature over the tag manifest (which fixes bag-info.txt and the
 * payload manifest, which fixes every file under data/). Re-hashing both manifests after altering a file
 * no longer passes: the signature no longer fits. WebCrypto only, so the same check runs in Node,
 * Workers and a browser.
 */

// Next to the file it signs; its name also sorts after it, as the ZIP writer requires.
export const SIGNATURE_FILE = "tagmanifest-sha256.txt.sig";
export const SIGNED_FILE = "tagmanifest-sha256.txt";
const ALGORITHM = { name: "Ed25519" } as const;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The fingerprint people compare: SHA-256 of the raw public key, hex. */
export async function keyFingerprint(publicKeyBase64: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", fromBase64(publicKeyBase64)));
}

/** Groups of four for reading aloud or comparing by eye. */
export const formatFingerprint = (fp: string) => fp.match(/.{1,4}/g)!.join(" ");

export interface KeyPairText {
  publicKey: string;
  privateKey: string;
  fingerprint: string;
}

/** A new key pair, exported as text (raw public key and PKCS #8 private key, base64). */
export async function generateKeyPair(): Promise<KeyPairText> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, true, ["sign", "verify"])) as CryptoKeyPair;
  const publicKey = toBase64(new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)));
  const privateKey = toBase64(new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey)));
  return { publicKey, privateKey, fingerprint: await keyFingerprint(publicKey) };
}

/** The signature file for a tag manifest. Ed25519 is deterministic: the same pack gives the same file. */
export async function signatureFile(key: KeyPairText, tagManifest: string): Promise<string> {
  const privateKey = await crypto.subtle.importKey("pkcs8", fromBase64(key.privateKey), ALGORITHM, false, ["sign"]);
  const signature = new Uint8Array(await crypto.subtle.sign(ALGORITHM, privateKey, utf8(tagManifest)));
  return [
    "Algorithm: Ed25519",
    `Signed-File: ${SIGNED_FILE}`,
    `Public-Key: ${key.publicKey}`,
    `Key-Fingerprint: ${key.fingerprint}`,
    `Signature: ${toBase64(signature)}`,
    "",
  ].join("\n");
}

export interface SignatureCheck {
  status: "valid" | "invalid" | "missing";
  /** Fingerprint of the key the file names (computed from the key itself, not taken from the file). */
  fingerprint?: string;
  publicKey?: string;
  /** Whether that key is the one the caller trusts (this instance's), when the caller named one. */
  trusted?: boolean;
  message: string;
}

/**
 * Checks a pack's signature file against its tag manifest. A valid signature only proves the pack is
 * unchanged since someone with that key signed it; `trusted` says whether that key is the expected one.
 */
export async function verifySignature(
  tagManifest: string | undefined,
  signatureText: string | undefined,
  trustedFingerprint?: string,
): Promise<SignatureCheck> {
  if (!signatureText) return { status: "missing", message: `Het pakket is niet ondertekend (${SIGNATURE_FILE} ontbreekt).` };
  if (tagManifest === undefined) return { status: "invalid", message: `${SIGNED_FILE} ontbreekt; de handtekening kan niet kloppen.` };
  const fields = Object.fromEntries(
    signatureText
      .split(/\r?\n/)
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
  );
  if (fields.Algorithm !== "Ed25519" || fields["Signed-File"] !== SIGNED_FILE || !fields["Public-Key"] || !fields.Signature) {
    return { status: "invalid", message: `${SIGNATURE_FILE} is onleesbaar of noemt een ander algoritme.` };
  }
  let valid = false;
  let fingerprint: string;
  try {
    fingerprint = await keyFingerprint(fields["Public-Key"]);
    const key = await crypto.subtle.importKey("raw", fromBase64(fields["Public-Key"]), ALGORITHM, false, ["verify"]);
    valid = await crypto.subtle.verify(ALGORITHM, key, fromBase64(fields.Signature), utf8(tagManifest));
  } catch {
    return { status: "invalid", message: `${SIGNATURE_FILE} bevat geen geldige sleutel of handtekening.` };
  }
  const trusted = trustedFingerprint === undefined ? undefined : fingerprint === trustedFingerprint;
  if (!valid) {
    return {
      status: "invalid",
      fingerprint,
      publicKey: fields["Public-Key"],
      trusted,
      message: `De handtekening klopt NIET: het pakket is gewijzigd na het ondertekenen (sleutel ${formatFingerprint(fingerprint)}).`,
    };
  }
  const whose =
    trusted === undefined ? "" : trusted ? " Dit is de sleutel van deze installatie." : " Dit is NIET de sleutel van deze installatie.";
  return {
    status: "valid",
    fingerprint,
    publicKey: fields["Public-Key"],
    trusted,
    message: `Ondertekend met Ed25519-sleutel ${formatFingerprint(fingerprint)}; de handtekening klopt.${whose}`,
  };
}
