import { ApiFailure, queryString } from "../../../shared/api/client.ts";
import type { PathOf, Query } from "../../../shared/api/contract.ts";
import { useReply } from "../../../shared/api/query.ts";
import { filenameFrom } from "../verify.ts";

export type PackQuery = Query<"exportEvidence">;
const PACK_PATH: PathOf<"exportEvidence"> = "/evidence-pack";

/** This instance's signing key (public: anyone may compare a pack's key with it). */
export const useSigningKey = () => useReply("getSigningKey", "/evidence-pack/key");

export interface Download {
  blob: Blob;
  filename: string;
  bytes: number;
}

/**
 * Fetches a pack as a stream, telling `onBytes` how much has arrived, so a pack of many megabytes shows
 * it is moving (its size is not known in advance: the server writes it as it builds it). A refusal is
 * the API's error shape, as for every other call.
 */
export async function downloadPack(query: PackQuery, onBytes: (received: number) => void, signal: AbortSignal): Promise<Download> {
  const res = await fetch(`/api${PACK_PATH}${queryString(query)}`, { credentials: "same-origin", signal });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => ({}))) as {
      error?: { code: string; message: string; details?: { path?: string; message?: string }[] };
    };
    throw new ApiFailure(
      res.status,
      body.error?.code ?? "error",
      body.error?.message ?? res.statusText,
      undefined,
      body.error?.details ?? [],
    );
  }
  const reader = res.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    onBytes(received);
  }
  return {
    blob: new Blob(parts, { type: "application/zip" }),
    filename: filenameFrom(res.headers.get("content-disposition"), `bewijspakket-${query.from}-${query.to}.zip`),
    bytes: received,
  };
}

/** Hands a blob to the browser as a download under `filename`. */
export function saveBlob(url: string, filename: string) {
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}
