import type { Database } from "../../db/client.node.ts";
import { createInvitations, createWave, listWaves, type InvitationInput, type NewWave } from "../../api/waves/waves.service.ts";
import { createUser, listUsers, setDisabled, type NewUser } from "../../api/auth/users.service.ts";
import { verifyAuditChain, type VerifyResult } from "../../api/audit/audit.service.ts";
import { runRetention, RETENTION_ACTOR } from "../../api/registry/retention.service.ts";

type Retention = Awaited<ReturnType<typeof runRetention>>;

type Wave = Awaited<ReturnType<typeof listWaves>>[number];
type Created = Awaited<ReturnType<typeof createInvitations>>;
type UserOut = Awaited<ReturnType<typeof listUsers>>[number];

/** What the CLI needs, either straight on the database or through a running server. */
export interface Backend {
  listWaves(): Promise<Wave[]>;
  createWave(input: NewWave): Promise<Wave>;
  createInvitations(waveId: string, items: InvitationInput[], publicUrl?: string): Promise<Created>;
  createUser(input: NewUser): Promise<{ user: UserOut; setPasswordUrl: string }>;
  listUsers(): Promise<UserOut[]>;
  disableUser(email: string): Promise<UserOut>;
  verifyAudit(): Promise<VerifyResult>;
  runRetention(): Promise<Retention>;
  close(): Promise<void>;
}

const CLI_ACTOR = { actorId: null, actor: "cli", ip: null };

export function directBackend(database: Database): Backend {
  const url = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 8787}`;
  const { db } = database;
  return {
    listWaves: () => listWaves(db, new Date()),
    createWave: (input) => createWave(db, input, new Date(), CLI_ACTOR),
    createInvitations: (waveId, items, publicUrl) => createInvitations(db, waveId, items, publicUrl ?? url, new Date(), CLI_ACTOR),
    createUser: (input) => createUser(db, input, CLI_ACTOR, url, new Date()),
    listUsers: () => listUsers(db),
    disableUser: (email) => setDisabled(db, email, true, CLI_ACTOR, new Date()),
    verifyAudit: () => verifyAuditChain(db),
    runRetention: () => runRetention(db, new Date(), { ...RETENTION_ACTOR, actor: "cli" }),
    close: () => database.close(),
  };
}

export function httpBackend(baseUrl: string, cliToken: string): Backend {
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      ...init, headers: { "content-type": "application/json", "x-ketenspiegel-cli": cliToken, ...init.headers },
    }).catch(() => { throw new Error(`De server op ${baseUrl} houdt de database vast maar antwoordt niet.`); });
    const body = await res.json() as T & { error?: { message: string } };
    if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
    return body;
  };
  const post = (body: unknown, method = "POST") => ({ method, body: JSON.stringify(body) });
  return {
    listWaves: async () => (await call<{ waves: Wave[] }>("/waves")).waves,
    createWave: async (input) => (await call<{ wave: Wave }>("/waves", post(input))).wave,
    createInvitations: async (waveId, items) =>
      (await call<{ invitations: Created }>(`/waves/${encodeURIComponent(waveId)}/invitations`, post({ invitations: items }))).invitations,
    createUser: (input) => call("/users", post(input)),
    listUsers: async () => (await call<{ users: UserOut[] }>("/users")).users,
    disableUser: async (email) => {
      const user = (await call<{ users: UserOut[] }>("/users")).users.find((u) => u.email === email.toLowerCase());
      if (!user) throw new Error("Gebruiker niet gevonden.");
      return (await call<{ user: UserOut }>(`/users/${user.id}`, post({ disabled: true }, "PATCH"))).user;
    },
    verifyAudit: () => call("/audit/verify"),
    runRetention: () => call("/registry/retention/run", post({})),
    close: async () => {},
  };
}
