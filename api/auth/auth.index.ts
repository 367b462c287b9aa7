import { createRouter } from "../lib/router.ts";
import { actorOf } from "../lib/context.ts";
import * as routes from "./auth.routes.ts";
import { login } from "./login.service.ts";
import { clearSessionCookie, setSessionCookie } from "./middleware.ts";
import { invalidateSession, createSessionIfPasswordIs } from "./sessions.ts";
import { changePassword, findUser, publicUser, setPasswordWithLink } from "./users.service.ts";
import { appendAudit } from "../audit/audit.service.ts";
import { ApiError } from "../lib/errors.ts";
import { allowedActions } from "../domain/auth/allowed.ts";

export const authRouter = createRouter()
  .openapi(routes.login, async (c) => {
    const { db, config } = c.var.deps;
    const { email, password } = c.req.valid("json");
    const result = await login(db, c.var.deps.passwords, email, password, c.var.ip, config.now(), c.var.sessionToken);
    setSessionCookie(c, result.token, result.expiresAt);
    return c.json({ user: publicUser(result.user) }, 200);
  })
  .openapi(routes.logout, async (c) => {
    const { db, config } = c.var.deps;
    if (c.var.sessionToken) await invalidateSession(db, c.var.sessionToken);
    await appendAudit(db, { ...actorOf(c), action: "logout", entity: "session" }, config.now());
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(routes.me, async (c) => {
    const user = await findUser(c.var.deps.db, c.var.principal!.userId ?? "");
    return c.json({ user: publicUser(user), allowed: allowedActions(user.role) }, 200);
  })
  .openapi(routes.changePassword, async (c) => {
    const { db, config } = c.var.deps;
    const { currentPassword, newPassword } = c.req.valid("json");
    const user = await findUser(db, c.var.principal!.userId ?? "");
    if (!user.passwordHash || !(await c.var.deps.passwords.verify(user.passwordHash, currentPassword))) {
      throw new ApiError(400, "wrong_password");
    }
    const hash = await changePassword(db, c.var.deps.passwords, user.id, user.passwordHash, newPassword, actorOf(c), config.now());
    // Not when the password changed again in the meantime (another tab): that change ended this one's sessions too.
    const session = await createSessionIfPasswordIs(db, user.id, hash, config.now(), c.var.ip);
    if (session) setSessionCookie(c, session.token, session.expiresAt);
    else clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(routes.setPassword, async (c) => {
    const { db, config } = c.var.deps;
    const { token, password } = c.req.valid("json");
    await setPasswordWithLink(db, c.var.deps.passwords, token, password, c.var.ip, config.now());
    return c.body(null, 204);
  });
