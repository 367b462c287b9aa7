import { createRouter } from "../lib/router.ts";
import { actorOf } from "../lib/context.ts";
import * as routes from "./users.routes.ts";
import * as users from "./users.service.ts";

export const usersRouter = createRouter()
  .openapi(routes.listUsers, async (c) => {
    const db = c.var.deps.db;
    return c.json({ users: await users.listUsers(db), places: await users.listPlaces(db) }, 200);
  })
  .openapi(routes.createUser, async (c) => {
    const { db, config } = c.var.deps;
    return c.json(await users.createUser(db, c.req.valid("json"), actorOf(c), config.publicUrl, config.now()), 201);
  })
  .openapi(routes.updateUser, async (c) => {
    const { db, config } = c.var.deps;
    const user = await users.setDisabled(db, c.req.valid("param").userId, c.req.valid("json").disabled, actorOf(c), config.now());
    return c.json({ user }, 200);
  })
  .openapi(routes.revokeUserSessions, async (c) => {
    const { db, config } = c.var.deps;
    return c.json(await users.revokeSessions(db, c.req.valid("param").userId, actorOf(c), config.now()), 200);
  });
