import type { Database } from "../../db/client.node.ts";
import type { createInvitations, listWaves, InvitationInput, NewWave } from "../../api/waves/waves.service.ts";
import type { listUsers, NewUser } from "../../api/auth/users.service.ts";
import type { ChainHead, VerifyResult } from "../../api/audit/audit.service.ts";
import type { runRetention } from "../../api/registry/retention.service.ts";
import type { PackQuery } from "../../api/packs/packs.service.ts";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { VERSION } from "../runtime.ts";
import type { RestoreResult } from "../../api/backup/backup.service.ts";
import type { importContacts } from "../../api/contacts/contacts.service.ts";
import type { listOutbox } from "../../api/mail/outbox.service.ts";

type Retention = Awaited<ReturnType<typeof runRetention>>;

type Wave = Awaited<ReturnType<typeof listWaves>>[number];
type ImportResult = Awaited<ReturnType<typeof importContacts>>;
type OutboxMessage = Awaited<ReturnType<typeof listOutbox>>[number];
export interface SendResult {
  queued: number;
  alreadyQueued: number;
  round?: number;
  delivered?: { sent: number; rejected: number; retry: number };
}
type Created = Awaited<ReturnType<typeof createInvitations>>;
type UserOut = Awaited<ReturnType<typeof listUsers>>[number];
export type ChunkSink = (chunk: Uint8Array) => Promise<void>;
export interface ExportResult {
  sha256: string;
  bytes: number;
}
export interface BackupOut extends ExportResult {
  head: ChainHead | null;
}
export interface SigningKey {
  algorithm: "Ed25519";
  publicKey: string;
  fingerprint: string;
}

/** What the CLI needs, either straight on the database or through a running server. */
export interface Backend {
  listWaves(): Promise<Wave[]>;
  createWave(input: NewWave): Promise<Wave>;
  createInvitations(waveId: string, items: InvitationInput[], publicUrl?: string): Promise<Created>;
  createUser(input: NewUser): Promise<{ user: UserOut; setPasswordUrl: string }>;
  listUsers(): Promise<UserOut[]>;
  disableUser(email: string): Promise<UserOut>;
  verifyAudit(anchor?: string): Promise<VerifyResult>;
  auditHead(): Promise<ChainHead | null>;
  runRetention(): Promise<Retention>;
  /** Streams an evidence pack into `sink` and returns the SHA-256 of all its bytes. */
  exportEvidence(query: PackQuery, sink: ChunkSink): Promise<ExportResult>;
  /** A consistent snapshot of the whole database into `sink`; recorded in the trail. */
  backup(sink: ChunkSink): Promise<BackupOut>;
  /** Only straight on the database: a running server must be stopped first. */
  restore(lines: AsyncIterable<string>): Promise<RestoreResult>;
  /** The public key this instance signs evidence packs with. */
  signingKey(): Promise<SigningKey>;
  importContacts(input: { format: "csv" | "xlsx"; content: string; waveId?: string }): Promise<ImportResult>;
  /** Queues invitations or a reminder; sends at once over SMTP_URL when the CLI holds the database itself. */
  send(kind: "invitations" | "reminders", waveId: string): Promise<SendResult>;
  listOutbox(waveId?: string): Promise<OutboxMessage[]>;
  close(): Promise<void>;
}

const CLI_ACTOR = { actorId: null, actor: "cli", ip: null };

/**
 * Straight on the database. The services are imported by the command that needs them, so
 * the CLI loads one service, not all of them, before it can answer.
 */
export function directBackend(database: Database, url: string): Backend {
  const { db } = database;
  const waves = () => import("../../api/waves/waves.service.ts");
  const users = () => import("../../api/auth/users.service.ts");
  const retention = () => import("../../api/registry/retention.service.ts");
  const audit = () => import("../../api/audit/audit.service.ts");
  const backups = () => import("../../api/backup/backup.service.ts");
  const mailOutbox = () => import("../../api/mail/outbox.service.ts");
  return {
    listWaves: async () => (await waves()).listWaves(db, new Date()),
    createWave: async (input) => (await waves()).createWave(db, input, new Date(), CLI_ACTOR),
    createInvitations: async (waveId, items, publicUrl) =>
      (await waves()).createInvitations(db, waveId, items, publicUrl ?? url, new Date(), CLI_ACTOR),
    createUser: async (input) => (await users()).createUser(db, input, CLI_ACTOR, url, new Date()),
    listUsers: async () => (await users()).listUsers(db),
    disableUser: async (email) => (await users()).setDisabled(db, email, true, CLI_ACTOR, new Date()),
    verifyAudit: async (anchor) => {
      const a = await audit();
      return a.verifyAuditChain(db, anchor ? (a.parseAnchor(anchor) ?? undefined) : undefined);
    },
    auditHead: async () => (await audit()).chainHead(db),
    runRetention: async () => {
      const r = await retention();
      return r.runRetention(db, new Date(), { ...r.RETENTION_ACTOR, actor: "cli" });
    },
    exportEvidence: async (query, sink) => {
      const { packRequest, writePack } = await import("../../api/packs/packs.service.ts");
      const now = new Date();
      return writePack(db, packRequest(query, now), now, CLI_ACTOR, VERSION, sink);
    },
    backup: async (sink) => (await backups()).writeBackup(db, new Date(), CLI_ACTOR, sink),
    restore: async (lines) => (await backups()).restoreBackup(db, lines, new Date(), CLI_ACTOR),
    signingKey: async () => (await import("../../api/packs/signing.service.ts")).instancePublicKey(db),
    importContacts: async (input) =>
      (await import("../../api/contacts/contacts.service.ts")).importContacts(db, input, new Date(), CLI_ACTOR),
    send: async (kind, waveId) => {
      const outbox = await mailOutbox();
      const queued =
        kind === "invitations"
          ? await outbox.queueInvitations(db, waveId, url, new Date(), CLI_ACTOR)
          : await outbox.queueReminders(db, waveId, undefined, url, new Date(), CLI_ACTOR);
      const mail = (await import("../mail/invitation-mailer.ts")).surveyMailFromEnv(process.env);
      if (!mail) return queued;
      const delivered = await outbox.deliverOutbox(db, mail.transport, {
        from: mail.from,
        now: () => new Date(),
        throttleMs: mail.throttleMs,
        waveId,
        publicUrl: url,
      });
      return { ...queued, delivered };
    },
    listOutbox: async (waveId) => (await mailOutbox()).listOutbox(db, { waveId, status: "pending" }),
    close: () => database.close(),
  };
}

export function httpBackend(baseUrl: string, cliToken: string): Backend {
  const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      ...init,
      headers: { "content-type": "application/json", "x-ketenspiegel-cli": cliToken, ...init.headers },
    }).catch(() => {
      throw new Error(`De server op ${baseUrl} houdt de database vast maar antwoordt niet.`);
    });
    const body = (await res.json()) as T & { error?: { message: string; details?: unknown[] } };
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
    verifyAudit: (anchor) => call(`/audit/verify${anchor ? `?anchor=${encodeURIComponent(anchor)}` : ""}`),
    auditHead: async () => (await call<{ head: ChainHead | null }>("/audit/anchor")).head,
    runRetention: () => call("/registry/retention/run", post({})),
    exportEvidence: async (query, sink) => {
      const params = new URLSearchParams({ from: query.from, to: query.to, ...(query.clauses ? { clauses: query.clauses } : {}) });
      const res = await fetch(`${baseUrl}/api/evidence-pack?${params}`, { headers: { "x-ketenspiegel-cli": cliToken } }).catch(() => {
        throw new Error(`De server op ${baseUrl} houdt de database vast maar antwoordt niet.`);
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => ({}))) as {
          error?: { message: string; details?: { path?: string; message?: string }[] };
        };
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
    backup: async (sink) => {
      const res = await fetch(`${baseUrl}/api/backups`, { method: "POST", headers: { "x-ketenspiegel-cli": cliToken } }).catch(() => {
        throw new Error(`De server op ${baseUrl} houdt de database vast maar antwoordt niet.`);
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => ({}))) as { error?: { message: string } };
        throw new Error(body.error?.message ?? `HTTP ${res.status}`);
      }
      const hash = new SHA256();
      let bytes = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        bytes += chunk.length;
        await sink(chunk);
      }
      const sha256 = encodeHexLowerCase(hash.digest());
      if (sha256 !== res.headers.get("x-backup-sha256"))
        throw new Error("De back-up is onderweg beschadigd (SHA-256 wijkt af van wat de server vastlegde).");
      const [seq, h] = (res.headers.get("x-backup-chain-head") ?? "").split(":");
      return { sha256, bytes, head: h ? { seq: Number(seq), hash: h } : null };
    },
    restore: async () => {
      throw new Error(`De server op ${baseUrl} gebruikt de database. Stop de server eerst; terugzetten gebeurt in een lege database.`);
    },
    signingKey: () => call("/evidence-pack/key"),
    importContacts: (input) => call("/contacts/import", post(input)),
    // The running server sends the queue itself (every minute, with SMTP_URL).
    send: (kind, waveId) => call(`/waves/${encodeURIComponent(waveId)}/mail/${kind}`, post({})),
    listOutbox: async (waveId) =>
      (await call<{ messages: OutboxMessage[] }>(`/mail/outbox?status=pending${waveId ? `&waveId=${encodeURIComponent(waveId)}` : ""}`))
        .messages,
    close: async () => {},
  };
}

/**
 * A backend opened on its first call: a command that fails on its arguments, or needs no
 * database, never opens (or migrates, or locks) one.
 */
export function lazyBackend(open: () => Promise<Backend>): Backend {
  let opened: Promise<Backend> | undefined;
  const get = () => (opened ??= open());
  const forward = <K extends Exclude<keyof Backend, "close">>(key: K) =>
    (async (...args: unknown[]) => ((await get())[key] as (...a: unknown[]) => unknown)(...args)) as Backend[K];
  return {
    listWaves: forward("listWaves"),
    createWave: forward("createWave"),
    createInvitations: forward("createInvitations"),
    createUser: forward("createUser"),
    listUsers: forward("listUsers"),
    disableUser: forward("disableUser"),
    verifyAudit: forward("verifyAudit"),
    runRetention: forward("runRetention"),
    exportEvidence: forward("exportEvidence"),
    signingKey: forward("signingKey"),
    auditHead: forward("auditHead"),
    backup: forward("backup"),
    restore: forward("restore"),
    importContacts: forward("importContacts"),
    send: forward("send"),
    listOutbox: forward("listOutbox"),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
}
