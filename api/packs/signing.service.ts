import { eq } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { signingKeys } from "../../db/schema.ts";
import { generateKeyPair, type KeyPairText } from "../domain/packs/signature.ts";

const INSTANCE = "instance";

/**
 * The instance's signing key, made on first use (the server also asks for it at start) and kept.
 * Two first uses at once both insert; the primary key lets one win and both read the winner.
 */
export async function instanceSigningKey(db: Db): Promise<KeyPairText> {
  const read = async () => (await db.select().from(signingKeys).where(eq(signingKeys.id, INSTANCE)))[0];
  let row = await read();
  if (!row) {
    const pair = await generateKeyPair();
    await db
      .insert(signingKeys)
      .values({ id: INSTANCE, algorithm: "Ed25519", ...pair })
      .onConflictDoNothing();
    row = await read();
  }
  return { publicKey: row.publicKey, privateKey: row.privateKey, fingerprint: row.fingerprint };
}

/** The public half only: what the API and the CLI show. */
export async function instancePublicKey(db: Db) {
  const { publicKey, fingerprint } = await instanceSigningKey(db);
  return { algorithm: "Ed25519" as const, publicKey, fingerprint };
}
