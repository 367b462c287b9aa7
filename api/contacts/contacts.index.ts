import { createRouter } from "../lib/router.ts";
import { actorOf } from "../lib/context.ts";
import * as routes from "./contacts.routes.ts";
import * as service from "./contacts.service.ts";

export const contactsRouter = createRouter()
  .openapi(routes.listContacts, async (c) => c.json({ contacts: await service.listContacts(c.var.deps.db, c.req.valid("query").q) }, 200))
  .openapi(routes.importContacts, async (c) =>
    c.json(await service.importContacts(c.var.deps.db, c.req.valid("json"), c.var.deps.config.now(), actorOf(c)), 200),
  )
  .openapi(routes.eraseExpiredContacts, async (c) =>
    c.json(await service.eraseExpiredContactData(c.var.deps.db, c.var.deps.config.now(), actorOf(c)), 200),
  )
  .openapi(routes.updateContact, async (c) =>
    c.json(
      {
        contact: await service.setOptOut(
          c.var.deps.db,
          c.req.valid("param").contactId,
          c.req.valid("json").optedOut,
          c.var.deps.config.now(),
          actorOf(c),
        ),
      },
      200,
    ),
  )
  .openapi(routes.exportContact, async (c) =>
    c.json(await service.exportContact(c.var.deps.db, c.req.valid("param").contactId, c.var.deps.config.now(), actorOf(c)), 200),
  )
  .openapi(routes.eraseContact, async (c) =>
    c.json(await service.eraseContact(c.var.deps.db, c.req.valid("param").contactId, c.var.deps.config.now(), actorOf(c)), 200),
  )
  .openapi(routes.listWaveContacts, async (c) =>
    c.json({ contacts: await service.listWaveContacts(c.var.deps.db, c.req.valid("param").waveId) }, 200),
  );
