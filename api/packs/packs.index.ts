import { createRouter } from "../lib/router.ts";
import { attachment } from "../lib/download.ts";
import { actorOf } from "../lib/context.ts";
import * as routes from "./packs.routes.ts";
import { packFilename, packRequest, packStream } from "./packs.service.ts";
import { instancePublicKey } from "./signing.service.ts";

export const packsRouter = createRouter()
  .openapi(routes.exportEvidence, async (c) => {
    const { db, config } = c.var.deps;
    const now = config.now();
    // Everything that can refuse the request is checked here, before the first byte goes out.
    const request = packRequest(c.req.valid("query"), now);
    const stream = packStream(db, request, now, actorOf(c), config.version);
    // A file body; the typed handler expects the contract's schema, hence the cast.
    return c.body(stream, 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": attachment(packFilename(request)),
    }) as never;
  })
  .openapi(routes.getSigningKey, async (c) => c.json(await instancePublicKey(c.var.deps.db), 200));
