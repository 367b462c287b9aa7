/**
 * The audit-trail extract (7.5) without personal data. The trail identifies people by
 * e-mail address (the actor label) and records IP addresses and account details; the
 * extract keeps everything an auditor needs to follow what happened, and replaces the
 * rest. Hashes are kept unchanged, so the chain links can still be followed; the content
 * hash itself is checked on the server (see ketencontrole.json), where the full entries are.
 */
import { person, pseudonymise, type Roles } from "./asof.ts";

export interface AuditRow {
  seq: number;
  at: string;
  actorId: string | null;
  actor: string;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

/** Labels the system itself writes for work without an account; any other label may be an address someone typed. */
const SYSTEM_ACTORS = new Set(["cli", "bewaartermijn-taak", "partner (persoonlijke link)", "npm start (demo)", "anoniem"]);

/** Entries about accounts and sessions are about people: only the fact stays, not the content. */
const PERSONAL_ENTITIES = new Set(["user", "session"]);

/** Keys that hold personal data or working notes in any entity. */
const SECRET_KEYS = new Set([
  "email",
  "ip",
  "name",
  "token",
  "tokenHash",
  "passwordHash",
  "receipt",
  "chair",
  "aanleidingNote",
  "doelNote",
  "aanpakNote",
  "aanleiding",
  "doel",
  "aanpak",
]);
/** Registry entities whose free-text "note" is a working note (a risk's note is about the risk, not a person). */
const NOTE_ENTITIES = new Set(["case", "conference", "conference_notes", "follow_up"]);

/** Where `name` is not a person's name but the name of a thing. */
const NAMED_THINGS = new Set(["wave", "theme", "process", "registry_settings", "risk_matrix"]);

export const REDACTED = "[weggelaten: persoonsgegevens]";

function scrub(value: unknown, entity: string): unknown {
  if (Array.isArray(value)) return value.map((v) => scrub(v, entity));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const secret = (SECRET_KEYS.has(k) && !(k === "name" && NAMED_THINGS.has(entity))) || (k === "note" && NOTE_ENTITIES.has(entity));
      // "recorded: { aanleiding: true }" says a note exists, not what it says: flags and nulls stay.
      out[k] = secret && v !== null && typeof v !== "boolean" ? REDACTED : scrub(v, entity);
    }
    return out;
  }
  return value;
}

export function actorLabel(row: Pick<AuditRow, "actorId" | "actor">, roles: Roles): string {
  if (row.actorId) return person(row.actorId, roles);
  return SYSTEM_ACTORS.has(row.actor) ? row.actor : "onbekend (geen account)";
}

export interface TrailRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export function redactEntry(row: AuditRow, roles: Roles): TrailRecord {
  const personal = PERSONAL_ENTITIES.has(row.entity);
  const content = (v: unknown) => (v === null || v === undefined ? null : personal ? REDACTED : pseudonymise(scrub(v, row.entity), roles));
  return {
    seq: row.seq,
    at: row.at,
    actor: actorLabel(row, roles),
    action: row.action,
    entity: row.entity,
    entityId: row.entity === "user" && row.entityId ? person(row.entityId, roles) : row.entityId,
    before: content(row.before),
    after: content(row.after),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
