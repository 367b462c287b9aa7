import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import type { AppEnv } from "../lib/context.ts";
import { errorBody } from "../lib/errors.ts";
import { decide, type Permission, type Principal } from "../domain/auth/permissions.ts";
import { SESSION_COOKIE, validateSession } from "./sessions.ts";
import type { User } from "../../db/schema.ts";

export const principalOf = (u: User): Principal => ({
  userId: u.id,
  label: u.email,
  role: u.role,
  municipalityId: u.municipalityId,
  branchId: u.branchId,
});

/** Secure cookies everywhere except plain-http localhost development. */
export function isLocal(publicUrl: string) {
  const { protocol, hostname } = new URL(publicUrl);
  return protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

export function setSessionCookie(c: Context<AppEnv>, token: string, expires: Date) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    expires,
    secure: !isLocal(c.var.deps.config.publicUrl),
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: !isLocal(c.var.deps.config.publicUrl) });
}

function sameSecret(a: string, b: string) {
  const enc = new TextEncoder();
  return a.length === b.length && constantTimeEqual(enc.encode(a), enc.encode(b));
}

/** Finds out who is calling: the local CLI (shared secret) or a session cookie. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, config } = c.var.deps;
  c.set("ip", config.clientIp?.(c) ?? null);
  c.set("principal", null);
  c.set("sessionToken", null);
  const cli = c.req.header("x-ketenspiegel-cli");
  if (cli && config.cliToken && sameSecret(cli, config.cliToken)) {
    c.set("principal", { userId: null, label: "cli", role: "admin", municipalityId: null, branchId: null, operator: true });
    return next();
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const session = await validateSession(db, token, config.now());
    if (session) {
      c.set("principal", principalOf(session.user));
      c.set("sessionToken", token);
      if (session.renewed) setSessionCookie(c, token, session.expiresAt);
    } else {
      clearSessionCookie(c);
    }
  }
  return next();
};

/**
 * Route middleware of every operation (see lib/route.ts): the permission is named on the route,
 * so it is checked before the request is validated and a denied caller learns nothing.
 */
export function authorize(need: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const decision = decide(need, c.var.principal);
    if (!decision.allow) {
      return c.json(errorBody(decision.reason), decision.status);
    }
    c.set("scope", decision.scope);
    return next();
  };
}

/**
 * CSRF: a state change that rides on the session cookie must come from our own origin.
 * SameSite=Lax already stops most of it; this also covers same-site subdomains.
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  const unsafe = !["GET", "HEAD", "OPTIONS"].includes(c.req.method);
  if (unsafe && getCookie(c, SESSION_COOKIE)) {
    const origin = c.req.header("origin") ?? refererOrigin(c.req.header("referer"));
    const allowed = new Set([new URL(c.req.url).origin, new URL(c.var.deps.config.publicUrl).origin]);
    if (!origin || !allowed.has(origin)) return c.json(errorBody("csrf"), 403);
  }
  return next();
};

function refererOrigin(referer: string | undefined) {
  try {
    return referer ? new URL(referer).origin : undefined;
  } catch {
    return undefined;
  }
}
