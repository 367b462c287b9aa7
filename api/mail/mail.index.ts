import { createRouter } from "../lib/router.ts";
import { actorOf } from "../lib/context.ts";
import { PLACEHOLDERS } from "../domain/mail/templates.ts";
import * as routes from "./mail.routes.ts";
import * as outbox from "./outbox.service.ts";

const page = (title: string, body: string) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
  `<title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${title}</h1>${body}</body></html>`;

export const mailRouter = createRouter()
  .openapi(routes.listMailTemplates, async (c) =>
    c.json({ templates: await outbox.getTemplates(c.var.deps.db), placeholders: { ...PLACEHOLDERS } }, 200),
  )
  .openapi(routes.updateMailTemplate, async (c) =>
    c.json(
      {
        template: await outbox.updateTemplate(
          c.var.deps.db,
          c.req.valid("param").kind,
          c.req.valid("json"),
          c.var.deps.config.now(),
          actorOf(c),
        ),
      },
      200,
    ),
  )
  .openapi(routes.sendInvitations, async (c) => {
    const { db, config } = c.var.deps;
    return c.json(await outbox.queueInvitations(db, c.req.valid("param").waveId, config.publicUrl, config.now(), actorOf(c)), 202);
  })
  .openapi(routes.sendReminders, async (c) => {
    const { db, config } = c.var.deps;
    return c.json(await outbox.queueReminders(db, c.req.valid("param").waveId, undefined, config.publicUrl, config.now(), actorOf(c)), 202);
  })
  .openapi(routes.resendInvitationLink, async (c) => {
    const { db, config } = c.var.deps;
    const p = c.req.valid("param");
    return c.json(await outbox.resendLink(db, p.waveId, p.invitationId, config.publicUrl, config.now(), actorOf(c)), 200);
  })
  .openapi(routes.listOutbox, async (c) =>
    c.json({ messages: await outbox.listOutbox(c.var.deps.db, c.req.valid("query")), smtp: c.var.deps.config.mail?.smtp === true }, 200),
  )
  .openapi(routes.recordBounce, async (c) =>
    c.json(await outbox.recordBounce(c.var.deps.db, c.req.valid("json"), c.var.deps.config.now(), actorOf(c)), 200),
  )
  .openapi(routes.unsubscribePage, async (c) =>
    c.html(
      page(
        "Afmelden",
        `<p>Wilt u geen e-mail meer ontvangen over onderzoeken van het Zorg- en Veiligheidshuis?</p>` +
          `<form method="post"><button type="submit">Ja, meld mij af</button></form>`,
      ),
      200,
    ),
  )
  .openapi(routes.unsubscribe, async (c) => {
    const result = await outbox.unsubscribe(c.var.deps.db, c.req.valid("param").token, c.var.deps.config.now());
    if ((c.req.header("accept") ?? "").includes("text/html")) {
      return c.html(
        page("Afgemeld", "<p>U bent afgemeld en ontvangt geen e-mail meer over onderzoeken van het Zorg- en Veiligheidshuis.</p>"),
        200,
      );
    }
    return c.json({ optedOut: result.optedOut as true }, 200);
  });
