/**
 * The API's own types, read from its route definitions (type-only imports: nothing of the
 * server reaches the bundle). Each route module exports its routes under their operationId
 * (tests/unit/contract.test.ts holds that), so `Reply<"getFinding">` is the parsed 2xx body
 * of that operation as its zod schema says, and it follows every change to the schema.
 */
import type { z } from "zod";
import type { Pending } from "./pending.ts";
import type * as audit from "../../../../api/audit/audit.index.ts";
import type * as audits from "../../../../api/audits/audits.routes.ts";
import type * as backup from "../../../../api/backup/backup.index.ts";
import type * as auth from "../../../../api/auth/auth.routes.ts";
import type * as users from "../../../../api/auth/users.routes.ts";
import type * as municipalities from "../../../../api/municipalities/municipalities.index.ts";
import type * as packs from "../../../../api/packs/packs.routes.ts";
import type * as quality from "../../../../api/quality/quality.routes.ts";
import type * as registry from "../../../../api/registry/registry.routes.ts";
import type * as reports from "../../../../api/reports/reports.routes.ts";
import type * as reviews from "../../../../api/reviews/reviews.routes.ts";
import type * as risks from "../../../../api/risks/risks.routes.ts";
import type * as waves from "../../../../api/waves/waves.routes.ts";
import type * as fieldwork from "../../../../api/waves/fieldwork.routes.ts";
import type * as questionnaires from "../../../../api/questionnaires/questionnaires.routes.ts";
import type * as contacts from "../../../../api/contacts/contacts.routes.ts";
import type * as mail from "../../../../api/mail/mail.routes.ts";
import type * as overview from "../../../../api/overview/overview.routes.ts";
import type * as profile from "../../../../api/profile/profile.routes.ts";

type Modules = typeof audit &
  typeof audits &
  typeof backup &
  typeof auth &
  typeof users &
  typeof municipalities &
  typeof packs &
  typeof quality &
  typeof registry &
  typeof reports &
  typeof reviews &
  typeof risks &
  typeof waves &
  typeof fieldwork &
  typeof questionnaires &
  typeof contacts &
  typeof mail &
  typeof overview &
  typeof profile;

interface RouteLike {
  operationId?: string;
  method: string;
  path: string;
  responses: object;
}

/** Every route, keyed by its operationId. */
export type Routes = { [K in keyof Modules as Modules[K] extends RouteLike ? K : never]: Modules[K] };
export type OperationId = keyof Routes & string;

type Json<T> = T extends { content: { "application/json": { schema: infer S extends z.ZodType } } } ? S : never;
type Success<R> = R extends { responses: infer Res } ? Res[Extract<keyof Res, 200 | 201 | 202 | "200" | "201" | "202">] : never;

type SchemaReply<Op extends OperationId> = [Json<Success<Routes[Op]>>] extends [never] ? undefined : z.output<Json<Success<Routes[Op]>>>;

type IsOpen<T> = T extends object ? (string extends keyof T ? true : false) : false;
/** Whether a reply is, or holds at its first level (directly or as a list), an open record. */
export type HasOpen<T> =
  IsOpen<T> extends true
    ? true
    : T extends object
      ? true extends { [K in keyof T]: IsOpen<T[K] extends readonly (infer E)[] ? E : T[K]> }[keyof T]
        ? true
        : false
      : false;

/**
 * The 2xx JSON body of an operation (undefined for a 204), as its response schema says.
 * While a schema is still an open record, the server's own reading from pending.ts.
 */
export type Reply<Op extends OperationId> = Op extends keyof Pending
  ? HasOpen<SchemaReply<Op>> extends true
    ? Pending[Op]
    : SchemaReply<Op>
  : SchemaReply<Op>;

/** The JSON request body an operation accepts, as the client writes it. */
export type Body<Op extends OperationId> = Routes[Op] extends { request: { body: infer B } } ? z.input<Json<B>> : never;

/** The query string an operation accepts. */
export type Query<Op extends OperationId> = Routes[Op] extends { request: { query: infer Q extends z.ZodType } } ? z.input<Q> : never;

type Pattern<P extends string> = P extends `${infer Head}{${string}}${infer Tail}` ? `${Head}${string}${Pattern<Tail>}` : P;
/** The path of an operation below /api, with each `{param}` filled by any string. */
export type PathOf<Op extends OperationId> = Pattern<Routes[Op]["path"]>;

/** An element of an array in a reply. */
export type Item<T> = T extends readonly (infer E)[] ? E : never;
