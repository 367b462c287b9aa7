import { eq } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { evidenceFiles, internalAudits } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { sha256Bytes } from "../lib/crypto.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { findAction, findFinding } from "./quality.lookup.ts";
import { isUuid } from "../lib/ids.ts";
import { classifyEvidence } from "../domain/evidence/sniff.ts";

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export interface EvidenceUpload {
  file: File;
  concernsDate: string;
  description?: string;
  findingId?: string;
  actionId?: string;
  auditId?: string;
}

const safeName = (name: string) =>
  name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f"]/g, "")
    .slice(0, 200) || "bewijs";

export function publicEvidence(e: Omit<typeof evidenceFiles.$inferSelect, "content">) {
  return {
    id: e.id,
    findingId: e.findingId,
    actionId: e.actionId,
    auditId: e.auditId,
    filename: e.filename,
    contentType: e.contentType,
    size: e.size,
    sha256: e.sha256,
    concernsDate: e.concernsDate,
    description: e.description,
    uploadedBy: e.uploadedBy,
    uploadedAt: e.uploadedAt.toISOString(),
  };
}

/**
 * Stores a file with its SHA-256, size, uploader, upload time and the date it is about.
 * Evidence rows are append-only in the database: a corrected document is a new upload.
 */
export async function uploadEvidence(db: Db, input: EvidenceUpload, now: Date, by: Actor) {
  const targets = [input.findingId, input.actionId, input.auditId].filter(Boolean);
  if (targets.length !== 1) throw new ApiError(400, "one_target");
  if (input.findingId) await findFinding(db, input.findingId);
  if (input.actionId) await findAction(db, input.actionId);
  if (input.auditId) {
    const [a] = isUuid(input.auditId)
      ? await db.select({ id: internalAudits.id }).from(internalAudits).where(eq(internalAudits.id, input.auditId))
      : [];
    if (!a) throw new ApiError(404, "audit_not_found");
  }
  if (input.file.size === 0) throw new ApiError(400, "empty_file");
  if (input.file.size > MAX_EVIDENCE_BYTES) throw new ApiError(413, "evidence_too_large", { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 });
  if (input.concernsDate > now.toISOString().slice(0, 10))
    throw new ApiError(400, "date_in_future", { field: "concernsOn" }, [{ path: "concernsOn" }]);
  const content = new Uint8Array(await input.file.arrayBuffer());
  // The declared type is the sender's claim; the stored type comes from the bytes and the name (domain/evidence/sniff.ts).
  const type = classifyEvidence(content, input.file.name).contentType;
  return audited(db, now, async (tx) => {
    const [row] = await tx
      .insert(evidenceFiles)
      .values({
        findingId: input.findingId ?? null,
        actionId: input.actionId ?? null,
        auditId: input.auditId ?? null,
        filename: safeName(input.file.name),
        contentType: type,
        size: content.length,
        sha256: sha256Bytes(content),
        content,
        concernsDate: input.concernsDate,
        description: input.description ?? null,
        uploadedBy: by.actorId,
        uploadedAt: now,
      })
      .returning();
    const result = publicEvidence(row);
    return {
      result,
      audit: {
        ...by,
        action: "create",
        entity: "evidence",
        entityId: row.id,
        after: { filename: row.filename, sha256: row.sha256, size: row.size, concernsDate: row.concernsDate },
      },
    };
  });
}

export async function downloadEvidence(db: Db, id: string, now: Date, by: Actor) {
  const [row] = isUuid(id) ? await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id)) : [];
  if (!row) throw new ApiError(404, "evidence_not_found");
  await audited(db, now, async () => ({
    result: null,
    audit: { ...by, action: "export", entity: "evidence", entityId: row.id, after: { sha256: row.sha256 } },
  }));
  return row;
}
