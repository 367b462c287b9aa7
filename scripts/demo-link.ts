import { readFile, writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "../db/types.ts";
import { invitations } from "../db/schema.ts";
import { sha256Hex } from "../api/lib/crypto.ts";
import { createInvitations } from "../api/waves/waves.service.ts";

interface Kept {
  waveId: string;
  token: string;
}

/**
 * The demo survey link `npm start` prints. A link is made once and kept in `file`, next to
 * the database; later starts print the same link as long as it still works (same wave, not
 * yet submitted), so restarting no longer adds an invitation each time.
 */
export async function demoLink(db: Db, waveId: string, publicUrl: string, now: Date, file: string): Promise<string> {
  const url = (token: string) => `${publicUrl.replace(/\/$/, "")}/s/${token}`;
  const kept = await readFile(file, "utf8")
    .then((t) => JSON.parse(t) as Kept)
    .catch(() => undefined);
  if (kept?.waveId === waveId && typeof kept.token === "string") {
    const [row] = await db
      .select({ waveId: invitations.waveId, submittedAt: invitations.submittedAt })
      .from(invitations)
      .where(eq(invitations.tokenHash, sha256Hex(kept.token)));
    if (row && row.waveId === waveId && !row.submittedAt) return url(kept.token);
  }
  const [created] = await createInvitations(
    db,
    waveId,
    [{ organisation: "Politie Noord-Holland", organisationType: "veiligheid", branch: "alkmaar" }],
    publicUrl,
    now,
    { actorId: null, actor: "npm start (demo)", ip: null },
  );
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify({ waveId, token: created.token } satisfies Kept), { mode: 0o600 });
  return created.url;
}
