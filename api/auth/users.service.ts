import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { municipalities, branches, passwordTokens, users, type Role, type User } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { randomToken, sha256Hex } from "../lib/crypto.ts";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem, type PasswordHasher } from "../domain/auth/password.ts";
import { appendAudit, audited, type AuditEntry } from "../audit/audit.service.ts";
import { invalidateUserSessions } from "./sessions.ts";
import { isUuid } from "../lib/ids.ts";
import { conflictOnDuplicate } from "../lib/unique.ts";

const LINK_HOURS = 72;

export interface Actor {
  actorId: string | null;
  actor: string;
  ip: string | null;
}

/** What may leave the API about a user: never the hash. */
export function publicUser(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    municipalityId: u.municipalityId,
    branchId: u.branchId,
    disabled: !!u.disabledAt,
    createdAt: u.createdAt.toISOString(),
  };
}

export interface NewUser {
  email: string;
  name?: string;
  role: Role;
  municipality?: string;
  branch?: string;
}

async function placeFor(db: Db, input: NewUser) {
  const find = async <T extends { id: string; name: string }>(rows: T[], value: string) =>
    rows.find((r) => r.id === value.toLowerCase() || r.name.toLowerCase() === value.toLowerCase());
  const m = input.municipality ? await find(await db.select().from(municipalities), input.municipality) : undefined;
  const b = input.branch ? await find(await db.select().from(branches), input.branch) : undefined;
  if (input.municipality && !m) throw new ApiError(400, "unknown_municipality", { municipality: input.municipality });
  if (input.branch && !b) throw new ApiError(400, "unknown_branch", { branch: input.branch });
  if (input.role === "gemeente" && !m) throw new ApiError(400, "municipality_required");
  if (input.role !== "gemeente" && m) throw new ApiError(400, "municipality_not_allowed");
  if (input.role === "medewerker" && !b) throw new ApiError(400, "branch_required");
  return { municipalityId: m?.id ?? null, branchId: input.role === "medewerker" ? b!.id : null };
}

/** Creates the account without a password and returns a single-use set-password link. */
export async function createUser(db: Db, input: NewUser, by: Actor, publicUrl: string, now: Date) {
  const email = input.email.trim().toLowerCase();
  const place = await placeFor(db, input);
  const taken = () => new ApiError(409, "email_taken", { email });
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw taken();
  return conflictOnDuplicate(
    () =>
      audited(db, now, async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({ email, name: input.name?.trim() || email, role: input.role, ...place })
          .returning();
        const link = await issuePasswordLink(tx, user.id, publicUrl, now);
        return {
          result: { user: publicUser(user), setPasswordUrl: link },
          audit: { ...by, action: "create", entity: "user", entityId: user.id, after: publicUser(user) },
        };
      }),
    taken,
  );
}

export async function issuePasswordLink(db: Db, userId: string, publicUrl: string, now: Date) {
  const token = randomToken();
  await db.insert(passwordTokens).values({ id: sha256Hex(token), userId, expiresAt: new Date(now.getTime() + LINK_HOURS * 3_600_000) });
  return `${publicUrl.replace(/\/$/, "")}/wachtwoord/${token}`;
}

export async function listUsers(db: Db) {
  return (await db.select().from(users).orderBy(asc(users.email))).map(publicUser);
}

/** The municipalities and branches an account can belong to, by name, for the account form's lists. */
export async function listPlaces(db: Db) {
  const [m, b] = await Promise.all([
    db
      .select({ id: municipalities.id, name: municipalities.name, branchId: municipalities.branchId })
      .from(municipalities)
      .orderBy(asc(municipalities.name)),
    db.select({ id: branches.id, name: branches.name }).from(branches).orderBy(asc(branches.name)),
  ]);
  return { municipalities: m, branches: b };
}

export async function findUser(db: Db, idOrEmail: string) {
  const byId = isUuid(idOrEmail);
  const [u] = await db
    .select()
    .from(users)
    .where(byId ? eq(users.id, idOrEmail) : eq(users.email, idOrEmail.toLowerCase()));
  if (!u) throw new ApiError(404, "user_not_found");
  return u;
}

/** Disabling also ends every session of the user. */
export async function setDisabled(db: Db, idOrEmail: string, disabled: boolean, by: Actor, now: Date) {
  const before = await findUser(db, idOrEmail);
  if (before.id === by.actorId && disabled) throw new ApiError(409, "cannot_disable_self");
  return audited(db, now, async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ disabledAt: disabled ? now : null })
      .where(eq(users.id, before.id))
      .returning();
    if (disabled) await invalidateUserSessions(tx, before.id);
    return {
      result: publicUser(after),
      audit: { ...by, action: "update", entity: "user", entityId: before.id, before: publicUser(before), after: publicUser(after) },
    };
  });
}

export async function revokeSessions(db: Db, idOrEmail: string, by: Actor, now: Date) {
  const user = await findUser(db, idOrEmail);
  return audited(db, now, async (tx) => {
    const revoked = await invalidateUserSessions(tx, user.id);
    return { result: { revoked }, audit: { ...by, action: "revoke_sessions", entity: "user", entityId: user.id, after: { revoked } } };
  });
}

function checkPassword(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw new ApiError(400, "weak_password", { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
}

/**
 * A password change ends all sessions; the caller starts a fresh one where needed. Only while
 * the password is still the one the caller proved (`currentHash`): of two changes sent at once
 * the later finds it changed and is refused as a wrong current password, as it would be in turn.
 * Returns the new hash.
 */
export async function changePassword(
  db: Db,
  passwords: PasswordHasher,
  userId: string,
  currentHash: string,
  password: string,
  by: Actor,
  now: Date,
  audit: Partial<AuditEntry> = {},
) {
  checkPassword(password);
  const hash = await passwords.hash(password);
  await audited(db, now, async (tx) => {
    if (!(await storePassword(tx, userId, hash, now, currentHash))) throw new ApiError(400, "wrong_password");
    return { result: null, audit: { ...by, action: "password_change", entity: "user", entityId: userId, ...audit } };
  });
  return hash;
}

/** False, changing nothing, when `onlyIf` is given and is no longer the user's hash. */
async function storePassword(tx: Db, userId: string, hash: string, now: Date, onlyIf?: string) {
  // The update first: its row lock makes a login that is about to insert a session wait (createSessionIfPasswordIs),
  // or lets the delete below, a later snapshot, see the session that login inserted before.
  const stored = await tx
    .update(users)
    .set({ passwordHash: hash, passwordChangedAt: now })
    .where(and(eq(users.id, userId), onlyIf === undefined ? undefined : eq(users.passwordHash, onlyIf)))
    .returning({ id: users.id });
  if (!stored.length) return false;
  await invalidateUserSessions(tx, userId);
  return true;
}

/**
 * Single use, also under parallel requests: one UPDATE … WHERE used_at IS NULL RETURNING
 * claims the link (the row lock makes every other claim see it used), and the password
 * change commits in the same transaction, so a failed change leaves the link unused.
 */
export async function setPasswordWithLink(
  db: Db,
  passwords: PasswordHasher,
  token: string,
  password: string,
  ip: string | null,
  now: Date,
) {
  checkPassword(password);
  const id = sha256Hex(token);
  const invalid = () => new ApiError(400, "invalid_link");
  // A cheap look first, so an unknown or used link costs no password hashing.
  const [known] = await db
    .select({ id: passwordTokens.id })
    .from(passwordTokens)
    .where(and(eq(passwordTokens.id, id), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)));
  if (!known) throw invalid();
  const hash = await passwords.hash(password);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [link] = await tx
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordTokens.id, id), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)))
      .returning({ userId: passwordTokens.userId });
    if (!link) throw invalid();
    const [user] = await tx.select().from(users).where(eq(users.id, link.userId));
    if (!user) throw invalid();
    await storePassword(tx, user.id, hash, now);
    await appendAudit(tx, { actorId: user.id, actor: user.email, ip, action: "password_change", entity: "user", entityId: user.id }, now);
  });
}
