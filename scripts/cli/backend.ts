import type { Database } from "../../db/client.node.ts";
import { createInvitations, createWave, listWaves, type InvitationInput, type NewWave } from "../../api/waves/waves.service.ts";
import { createUser, listUsers, setDisabled, type NewUser } from "../../api/auth/users.service.ts";
import { verifyAuditChain, type VerifyResult } from "../../api/audit/audit.service.ts";
import { runRetention, RETENTION_ACTOR } from "../../api/registry/retention.service.ts";
import { packRequest, writePack, type PackQuery } from "../../api/packs/packs.service.ts";
import { instancePublicKey } from "../../api/packs/signing.service.ts";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { VERSION } from "../runtime.ts";
import { importContacts } from "../../api/contacts/contacts.service.ts";
import { deliverOutbox, listOutbox, queueInvitations, queueReminders } from "../../api/mail/outbox.service.ts";
import { surveyMailFromEnv } from "../mail/invitation-mailer.ts";

type Retention = Awaited<ReturnType<typeof runRetention>>;

type Wave = Awaited<ReturnType<typeof listWaves>>[number];
type ImportResult = Awaited<ReturnType<typeof importContacts>>;
type OutboxMessage = Awaited<ReturnType<typeof listOutbox>>[number];
export interface SendResult { queued: number; alreadyQueued: number; round?: number; delivered?: { sent: number; rejected: number; retry: number } }
type Created = Awaited<ReturnType<typeof createInvitations>>;
type UserOut = Awaited<ReturnType<typeof listUsers>>[number];
export type ChunkSink = (chunk: Uint8Array) => Promise<void>;
export interface ExportResult { sha256: string; bytes: number }
export interface SigningKey { algorithm: "Ed25519"; publicKey: string; fingerprint: string }

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
  /** Streams an evidence pack into `sink` and returns the SHA-256 of all its bytes. */
  exportEvidence(query: PackQuery, sink: ChunkSink): Promise<ExportResult>;
  /** The public key this instance signs evidence packs with. */
  signingKey(): Promise<SigningKey>;
  importContacts(input: { format: "csv" | "xlsx"; content: string; waveId?: string }): Promise<ImportResult>;
  /** Queues invitations or a reminder; sends at once over SMTP_URL when the CLI holds the database itself. */
  send(kind: "invitations" | "reminders", waveId: string): Promise<SendResult>;
  listOutbox(waveId?: string): Promise<OutboxMessage[]>;
  close(): Promise<void>;
}

const CLI_ACTOR = { actorId: null, actor: "cli", ip: null };

export function directBackend(database: Database, url: string): Backend {
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
    exportEvidence: async (query, sink) => {
      const now = new Date();
      return writePack(db, packRequest(query, now), now, CLI_ACTOR, VERSION, sink);
    },
    signingKey: () => instancePublicKey(db),
    importContacts: (input) => importContacts(db, input, new Date(), CLI_ACTOR),
    send: async (kind, waveId) => {
      const queued = kind === "invitations"
        ? await queueInvitations(db, waveId, url, new Date(), CLI_ACTOR)
        : await queueReminders(db, waveId, undefined, url, new Date(), CLI_ACTOR);
      const mail = surveyMailFromEnv(process.env);
      if (!mail) return queued;
      const delivered = await deliverOutbox(db, mail.transport, { from: mail.from, now: () => new Date(), throttleMs: mail.throttleMs, waveId, publicUrl: url });
      return { ...queued, delivered };
    },
    listOutbox: (waveId) => listOutbox(db, { waveId, status: "pending" }),
    close: () => database.close(),
  };
}

export function httpBackend(baseUrl: string, cliToken: string): Backend {
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      ...init, headers: { "content-type": "application/json", "x-ketenspiegel-cli": cliToken, ...init.headers },
    }).catch(() => { throw new Error(`De server op ${baseUrl} houdt de database vast maar antwoordt niet.`); });
    const body = await res.json() as T & { error?: { message: string; details?: unknown[] } };
    if (!res.ok) throw Object.assign(new Error(body.error?.message ?? `HTTP ${res.status}`), { details: body.error?.details });
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
    exportEvidence: async (query, sink) => {
      const params = new URLSearchParams({ from: query.from, to: query.to, ...(query.clauses ? { clauses: query.clauses } : {}) });
      const res = await fetch(`${baseUrl}/api/evidence-pack?${params}`, { headers: { "x-ketenspiegel-cli": cliToken } })
        .catch(() => { throw new Error(`De server op ${baseUrl} houdt de database vast maar antwoordt niet.`); });
      if (!res.ok || !res.body) {
        const body = await res.json().catch(() => ({})) as { error?: { message: string; details?: { path?: string; message?: string }[] } };
        const details = (body.error?.details ?? []).map((d) => [d.path, d.message].filter(Boolean).join(": ")).join("; ");
        throw new Error(`${body.error?.message ?? `HTTP ${res.status}`}${details ? ` (${details})` : ""}`);
      }
      // The server records the hash when its last byte is out; here it is computed over what actually arrived.
      const hash = new SHA256();
      let bytes = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        bytes += chunk.length;
        await sink(chunk);
      }
      return { sha256: encodeHexLowerCase(hash.digest()), bytes };
    },
    signingKey: () => call("/evidence-pack/key"),
    importContacts: (input) => call("/contacts/import", post(input)),
    // The running server sends the queue itself (every minute, with SMTP_URL).
    send: (kind, waveId) => call(`/waves/${encodeURIComponent(waveId)}/mail/${kind}`, post({})),
    listOutbox: async (waveId) => (await call<{ messages: OutboxMessage[] }>(`/mail/outbox?status=pending${waveId ? `&waveId=${encodeURIComponent(waveId)}` : ""}`)).messages,
    close: async () => {},
  };
}
