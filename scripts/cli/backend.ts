import type { Database } from "../../db/client.node.ts";
import { createInvitations, listWaves, type InvitationInput } from "../../api/waves/waves.service.ts";

type Wave = Awaited<ReturnType<typeof listWaves>>[number];
type Created = Awaited<ReturnType<typeof createInvitations>>;

/** What the CLI needs, either straight on the database or through a running server. */
export interface Backend {
  listWaves(): Promise<Wave[]>;
  createInvitations(waveId: string, items: InvitationInput[], publicUrl?: string): Promise<Created>;
  close(): Promise<void>;
}

export function directBackend(database: Database): Backend {
  const url = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 8787}`;
  return {
    listWaves: () => listWaves(database.db, new Date()),
    createInvitations: (waveId, items, publicUrl) => createInvitations(database.db, waveId, items, publicUrl ?? url, new Date()),
    close: () => database.close(),
  };
}

export function httpBackend(baseUrl: string, cliToken: string): Backend {
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      ...init, headers: { "content-type": "application/json", "x-ketenspiegel-cli": cliToken, ...init.headers },
    }).catch(() => { throw new Error(`De server op ${baseUrl} houdt de database vast maar antwoordt niet.`); });
    const body = await res.json() as { error?: { message: string } };
    if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
    return body;
  };
  return {
    listWaves: async () => ((await call("/waves")) as unknown as { waves: Wave[] }).waves,
    createInvitations: async (waveId, items) => ((await call(`/waves/${encodeURIComponent(waveId)}/invitations`, {
      method: "POST", body: JSON.stringify({ invitations: items }),
    })) as unknown as { invitations: Created }).invitations,
    close: async () => {},
  };
}
