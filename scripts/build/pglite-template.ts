/**
 * `npm run build`, beside the other steps (it needs none of them, and keeps a core busy that the
 * vite builds leave idle): the migrated PGlite data directory that a new database directory
 * starts from (db/pglite-template.node.ts), so that a fresh `npm start` skips initdb.
 */
import { makePgliteTemplate } from "../../db/pglite-template.node.ts";

console.log(`PGlite-sjabloon: ${await makePgliteTemplate()}`);
