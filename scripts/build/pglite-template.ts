/**
 * `npm run build`, last step: the migrated PGlite data directory that a new database directory
 * starts from (db/pglite-template.node.ts), so that a fresh `npm start` skips initdb.
 */
import { makePgliteTemplate } from "../../db/pglite-template.node.ts";

console.log(`PGlite-sjabloon: ${await makePgliteTemplate()}`);
