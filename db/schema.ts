import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The single source of truth for tables. Reference data (branches, municipalities,
 * organisations) is shared by the survey, the case registry and the reports.
 */

export const organisationType = pgEnum("organisation_type", ["gemeente", "justitie", "zorg", "veiligheid", "wonen", "overig"]);

export const branches = pgTable("branches", {
  id: text("id").primaryKey(), // stable slug: alkmaar, den-helder, west-friesland
  name: text("name").notNull(),
});

export const municipalities = pgTable("municipalities", {
  id: text("id").primaryKey(), // slug, e.g. dijk-en-waard
  name: text("name").notNull().unique(),
  branchId: text("branch_id")
    .notNull()
    .references(() => branches.id),
  /** Where "send to all municipalities" e-mails the municipality's report (uitdraai); none: not sent. */
  reportEmail: text("report_email"),
  reportContact: text("report_contact"),
});

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  type: organisationType("type").notNull(),
  municipalityId: text("municipality_id").references(() => municipalities.id),
});

/** A questionnaire version is immutable once a wave uses it; a change is a new version. */
export const questionnaires = pgTable(
  "questionnaires",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    definition: jsonb("definition").notNull(),
    /** The version this one was copied from ("new version" copies the latest). */
    basedOnId: uuid("based_on_id"),
    /**
     * Per reworded scored question (same name, other text than the version it was copied from):
     * whether its answers may still be compared with earlier waves. Stated by the editor.
     */
    comparability: jsonb("comparability").$type<Record<string, { comparable: boolean }>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("questionnaires_key_version").on(t.key, t.version)],
);

export const waves = pgTable("waves", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  questionnaireId: uuid("questionnaire_id")
    .notNull()
    .references(() => questionnaires.id),
  opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
  closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
  anonymous: boolean("anonymous").notNull().default(true),
  /** Set while fieldwork is paused: links then answer "gepauzeerd" and nothing is sent. */
  pausedAt: timestamp("paused_at", { withTimezone: true }),
  /** Named in the e-mails and on the survey page. */
  contactPerson: text("contact_person"),
  /** Days after opening on which reminders go out to those who have not submitted. */
  reminderDays: jsonb("reminder_days").$type<number[]>().notNull().default([7, 14]),
  /** AVG: invitation e-mail addresses and names are erased this many days after closing. */
  contactsEraseDays: integer("contacts_erase_days").notNull().default(90),
  contactsErasedAt: timestamp("contacts_erased_at", { withTimezone: true }),
  /** SHA-256 of the one open link of an anonymous wave (many responses, rate-limited per client). */
  openLinkHash: text("open_link_hash").unique(),
  copiedFromId: uuid("copied_from_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The partner address book, reused wave after wave. One row per e-mail address (lower case);
 * an opt-out here is honoured in every later wave.
 */
export const contacts = pgTable("contacts", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name"),
  organisation: text("organisation").notNull(),
  organisationType: organisationType("organisation_type").notNull(),
  municipalityId: text("municipality_id").references(() => municipalities.id),
  branchId: text("branch_id").references(() => branches.id),
  optedOutAt: timestamp("opted_out_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One personal link. Only the SHA-256 of the token is stored. Respondent metadata lives
 * here and is copied onto the response, so an anonymous response needs no link back.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: uuid("wave_id")
      .notNull()
      .references(() => waves.id),
    tokenHash: text("token_hash").notNull().unique(),
    organisation: text("organisation").notNull(),
    organisationType: organisationType("organisation_type").notNull(),
    municipalityId: text("municipality_id").references(() => municipalities.id),
    branchId: text("branch_id").references(() => branches.id),
    email: text("email"),
    /** The wave's contact list: the address-book entry this link was made for (null for ad-hoc links). */
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    name: text("name"),
    /** Bumped by "re-send link": the e-mailed token derives from it, so the old link stops working. */
    linkGeneration: integer("link_generation").notNull().default(0),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    progress: jsonb("progress"),
    progressSavedAt: timestamp("progress_saved_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** SHA-256 of the Idempotency-Key and of the submitted data: a retry is recognised, not stored twice. */
    submissionKeyHash: text("submission_key_hash"),
    submissionDataHash: text("submission_data_hash"),
    receipt: text("receipt"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invitations_wave").on(t.waveId), uniqueIndex("invitations_wave_contact").on(t.waveId, t.contactId)],
);

/**
 * How many were invited and how many submitted, per wave and group, kept by triggers on
 * `invitations` (migration 0011), so the results read a few rows per group instead of
 * scanning every invitation of the wave. Rows are deltas (+1 invited, +1 responded, -1 on
 * removal): a trigger only ever appends, so concurrent submissions never wait on one hot
 * counter row. The sum per group is the count; `invitationTallies`
 * (api/waves/invitation-counts.ts) reads the sums and folds a wave's deltas into one row per
 * group when they pile up. Missing branch or municipality is '' as in `answer_counts`.
 */
export const invitationCounts = pgTable(
  "invitation_counts",
  {
    waveId: uuid("wave_id")
      .notNull()
      .references(() => waves.id, { onDelete: "cascade" }),
    organisationType: organisationType("organisation_type").notNull(),
    branchId: text("branch_id").notNull().default(""),
    municipalityId: text("municipality_id").notNull().default(""),
    invited: integer("invited").notNull(),
    responded: integer("responded").notNull(),
  },
  (t) => [index("invitation_counts_wave").on(t.waveId)],
);

/** Editable Dutch e-mail templates (invitation, reminder) with {placeholders}. */
export const mailTemplates = pgTable("mail_templates", {
  kind: text("kind").primaryKey(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per message to one recipient: the unique key (invitation, kind, round) means a
 * message is queued at most once, and a sender claims a row atomically before sending, so
 * a crash mid-batch neither skips nor doubles anyone. Without SMTP the rows are the outbox.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: uuid("wave_id").references(() => waves.id), // null for staff notices and municipality reports
    invitationId: uuid("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    kind: text("kind").notNull(), // invitation | reminder | resend | municipality_report | action_assigned | action_overdue
    round: integer("round").notNull(), // 0 for the invitation, n for the n-th reminder, generation for a re-send
    toAddress: text("to_address"), // erased with the wave's contact data
    subject: text("subject").notNull(),
    body: text("body"), // holds the personal link: erased once sent over SMTP
    status: text("status").notNull().default("pending"), // pending | sending | sent | rejected | bounced | outbox
    attempts: integer("attempts").notNull().default(0),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Why it was not (yet) delivered, a catalog code (error.mail_*) the dashboard renders in the reader's language. */
    errorCode: text("error_code"),
    /** The mail server's or the bounce's own text, kept as-is beside the code (it is the server's language, not ours). */
    error: text("error"),
    messageId: text("message_id"),
    unsubscribeHash: text("unsubscribe_hash").notNull().unique(),
    /** The report this message carries as its PDF attachment; its delivery state follows the message. */
    reportDeliveryId: uuid("report_delivery_id").references(() => reportDeliveries.id, { onDelete: "set null" }),
    /** Messages outside the survey: one per key, so parallel runs queue a notice exactly once. */
    dedupeKey: text("dedupe_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("mail_outbox_once").on(t.invitationId, t.kind, t.round), index("mail_outbox_wave").on(t.waveId, t.status)],
);

/** Submissions through a wave's open link per client and hour (the client address is hashed). */
export const openLinkHits = pgTable(
  "open_link_hits",
  {
    waveId: uuid("wave_id")
      .notNull()
      .references(() => waves.id),
    client: text("client").notNull(),
    hour: text("hour").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.client, t.hour] })],
);

/**
 * A submitted response. For an anonymous wave invitationId is null and submittedOn is the
 * day its batch was mixed from the pool (see responsePool and docs/privacy.md).
 */
export const responses = pgTable(
  "responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: uuid("wave_id")
      .notNull()
      .references(() => waves.id),
    invitationId: uuid("invitation_id").references(() => invitations.id),
    organisation: text("organisation"), // named waves only
    organisationType: organisationType("organisation_type").notNull(),
    municipalityId: text("municipality_id").references(() => municipalities.id),
    branchId: text("branch_id").references(() => branches.id),
    data: jsonb("data").notNull(),
    submittedOn: text("submitted_on").notNull(), // yyyy-mm-dd
  },
  // Unique on (wave, id) so that an answer row can name its response and wave in one foreign
  // key; wave first, so that it also serves every "responses of this wave" query.
  (t) => [uniqueIndex("responses_wave_id").on(t.waveId, t.id)],
);

/**
 * Submissions to an anonymous wave wait here until they are mixed into `responses` (see
 * api/respond/pool.service.ts). Deliberately without an invitation reference, a timestamp
 * or a sequence: the row holds only the wave and the payload (answers and group metadata).
 */
export const responsePool = pgTable(
  "response_pool",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    waveId: uuid("wave_id")
      .notNull()
      .references(() => waves.id),
    payload: jsonb("payload").notNull(),
  },
  (t) => [index("response_pool_wave").on(t.waveId)],
);

/**
 * An answer row belongs to its response and to that response's wave: one foreign key on both
 * columns. Two keys (response, and wave on its own) cost two checks per answer row, about 18
 * per submission, and the wave check locks the one row that every concurrent submission to
 * the wave also locks; this one check also refuses a row whose wave is not its response's.
 */
const ofResponse = (t: { responseId: AnyPgColumn; waveId: AnyPgColumn }) =>
  foreignKey({ columns: [t.responseId, t.waveId], foreignColumns: [responses.id, responses.waveId] }).onDelete("cascade");

/**
 * One row per scored answer, denormalised with the grouping keys so that results
 * aggregate with a single indexed scan (see docs/architecture.md).
 */
export const answers = pgTable(
  "answers",
  {
    responseId: uuid("response_id").notNull(),
    waveId: uuid("wave_id").notNull(),
    question: text("question").notNull(),
    dimension: text("dimension").notNull(),
    value: smallint("value").notNull(),
    organisationType: organisationType("organisation_type").notNull(),
    branchId: text("branch_id"),
    municipalityId: text("municipality_id"),
  },
  (t) => [
    index("answers_wave_question").on(t.waveId, t.question),
    uniqueIndex("answers_response_question").on(t.responseId, t.question),
    ofResponse(t),
  ],
);

/**
 * Sufficient statistics per wave: how many respondents gave each value, per question and
 * per dimension (a respondent's mean over the dimension's questions) and per group. Means,
 * standard deviations, distributions and NPS follow exactly from these counts, so results
 * for a wave of 100 000 responses read a few thousand rows instead of millions. Kept up to
 * date in the submit transaction; `rebuildAnswerCounts` recomputes them from `answers`.
 * Missing branch or municipality is '' (not null) so the unique key covers every row.
 */
export const answerCounts = pgTable(
  "answer_counts",
  {
    waveId: uuid("wave_id")
      .notNull()
      .references(() => waves.id),
    kind: text("kind").notNull(), // question | dimension
    item: text("item").notNull(),
    dimension: text("dimension").notNull(),
    value: numeric("value", { precision: 24, scale: 12 }).notNull(),
    organisationType: organisationType("organisation_type").notNull(),
    branchId: text("branch_id").notNull().default(""),
    municipalityId: text("municipality_id").notNull().default(""),
    n: integer("n").notNull(),
  },
  (t) => [uniqueIndex("answer_counts_key").on(t.waveId, t.kind, t.item, t.value, t.organisationType, t.branchId, t.municipalityId)],
);

/** Open answers kept apart so that they can be shown only to large enough groups. */
export const openAnswers = pgTable(
  "open_answers",
  {
    responseId: uuid("response_id").notNull(),
    waveId: uuid("wave_id").notNull(),
    question: text("question").notNull(),
    dimension: text("dimension"),
    text: text("text").notNull(),
    organisationType: organisationType("organisation_type").notNull(),
    branchId: text("branch_id"),
  },
  (t) => [index("open_answers_wave").on(t.waveId, t.question), ofResponse(t)],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(sql`now()`),
});

export const role = pgEnum("role", ["admin", "kwaliteit", "management", "medewerker", "gemeente", "auditor"]);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(), // stored lower-case
  name: text("name").notNull(),
  role: role("role").notNull(),
  municipalityId: text("municipality_id").references(() => municipalities.id), // gemeente only
  branchId: text("branch_id").references(() => branches.id), // medewerker only
  passwordHash: text("password_hash"),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Lucia's design: the id is the SHA-256 of the token in the cookie; the token itself is never stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Single-use set-password links, stored as hashes. */
export const passwordTokens = pgTable("password_tokens", {
  id: text("id").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** Failed-login counters per account and per IP; blocks expire, nobody is locked out for good. */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});

/**
 * Append-only, hash-chained audit trail. A trigger (see migration 0001) refuses UPDATE
 * and DELETE; hash = SHA-256(prevHash + canonical content).
 */
export const auditLog = pgTable("audit_log", {
  seq: bigserial("seq", { mode: "number" }).primaryKey(),
  at: text("at").notNull(), // ISO 8601 as hashed, so verification reads back exactly what was hashed
  actorId: uuid("actor_id"),
  actor: text("actor").notNull(),
  ip: text("ip"),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id"),
  before: jsonb("before"),
  after: jsonb("after"),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull().unique(),
});

export type Wave = typeof waves.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export const ORGANISATION_TYPES = organisationType.enumValues;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const ROLES = role.enumValues;
export type Role = (typeof ROLES)[number];
export type User = typeof users.$inferSelect;

// ---------------------------------------------------------------------------------------
// Case registry. A pseudonymous registry for quality management, not a dossier: no names,
// BSNs or addresses. Free-text working notes are erased after the retention period; the
// structured facts (was each element recorded, who directs) stay for the metrics.

export const caseStatus = pgEnum("case_status", ["aangemeld", "in_behandeling", "afgesloten"]);
export const attendance = pgEnum("attendance", ["aanwezig", "informatie_aangeleverd", "telefonisch_video", "afwezig"]);
export const activityKind = pgEnum("activity_kind", [
  "casusoverleg",
  "voorbereiding",
  "procesregie",
  "advies",
  "netwerkoverleg",
  "training_voorlichting",
  "overig",
]);

/** The ZVH maintains its own theme list; a theme in use is deactivated, never deleted. */
export const themes = pgTable("themes", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  active: boolean("active").notNull().default(true),
});

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(), // pseudonymous, e.g. ALK-2026-0042
    municipalityId: text("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    branchId: text("branch_id")
      .notNull()
      .references(() => branches.id),
    referrerOrganisationId: uuid("referrer_organisation_id")
      .notNull()
      .references(() => organisations.id),
    status: caseStatus("status").notNull().default("aangemeld"),
    registeredOn: text("registered_on").notNull(), // yyyy-mm-dd, the aanmelding
    closedOn: text("closed_on"),
    careSafetyNexus: boolean("care_safety_nexus").notNull(), // PGA intake: zorg en veiligheid raken elkaar
    societalImpact: boolean("societal_impact").notNull(), // PGA intake: iemand ondervindt last van dit gedrag
    handledLocallyOn: text("handled_locally_on"), // "lokaal, tenzij": the municipality keeps the case
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cases_municipality").on(t.municipalityId), index("cases_registered").on(t.registeredOn)],
);

export const caseThemes = pgTable(
  "case_themes",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    themeId: text("theme_id")
      .notNull()
      .references(() => themes.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.themeId] })],
);

export const conferences = pgTable(
  "conferences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    heldOn: text("held_on").notNull(), // yyyy-mm-dd
    branchId: text("branch_id")
      .notNull()
      .references(() => branches.id),
    chair: text("chair").notNull(),
    rolesExplained: boolean("roles_explained").notNull(),
    directorOrganisationId: uuid("director_organisation_id").references(() => organisations.id), // casusregisseur
    // Whether each element was recorded outlives the note itself.
    hasAanleiding: boolean("has_aanleiding").notNull(),
    hasDoel: boolean("has_doel").notNull(),
    hasAanpak: boolean("has_aanpak").notNull(),
    aanleidingNote: text("aanleiding_note"),
    doelNote: text("doel_note"),
    aanpakNote: text("aanpak_note"),
    notesErasedAt: timestamp("notes_erased_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conferences_held").on(t.heldOn)],
);

export const conferenceCases = pgTable(
  "conference_cases",
  {
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.caseId] }), index("conference_cases_case").on(t.caseId)],
);

export const conferenceAttendance = pgTable(
  "conference_attendance",
  {
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    status: attendance("status").notNull(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.organisationId] })],
);

export const followUps = pgTable(
  "follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    ownerOrganisationId: uuid("owner_organisation_id")
      .notNull()
      .references(() => organisations.id),
    dueOn: text("due_on").notNull(),
    doneOn: text("done_on"),
    note: text("note"), // working note, erased with the others
  },
  (t) => [index("follow_ups_conference").on(t.conferenceId)],
);

/** Time spent, the input of the rendementsanalyse; cost = hours x the rate of staffRole (settings). */
export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id),
    staffRole: text("staff_role").notNull(),
    kind: activityKind("kind").notNull(),
    municipalityId: text("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    caseId: uuid("case_id").references(() => cases.id),
    performedOn: text("performed_on").notNull(), // yyyy-mm-dd
    hours: real("hours").notNull(),
    // Bulk entry for a conference: which conference, and which partner's time (null: ZVH staff).
    conferenceId: uuid("conference_id").references(() => conferences.id),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    // A correction is a new row naming the row it replaces; the old row is never changed, and
    // unique: a record is corrected once, its correction may be corrected in turn.
    correctsId: uuid("corrects_id")
      .unique()
      .references((): AnyPgColumn => activities.id),
    correctionReason: text("correction_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("activities_municipality_on").on(t.municipalityId, t.performedOn), index("activities_user_on").on(t.userId, t.performedOn)],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** A report put out for a municipality: the exact bytes sent, with their hash, so it can be shown later. */
export const reportDeliveries = pgTable(
  "report_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: text("municipality_id")
      .notNull()
      .references(() => municipalities.id),
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    pdf: bytea("pdf").notNull(),
    sha256: text("sha256").notNull(),
    generatedBy: uuid("generated_by").references(() => users.id),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull().defaultNow(),
    /** not_sent (no contact address) | queued | sent | failed (DELIVERY_STATUSES); failed has its reason in `error`. */
    status: text("status").notNull().default("not_sent"),
    toAddress: text("to_address"),
    error: text("error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("report_deliveries_municipality").on(t.municipalityId)],
);

export type Case = typeof cases.$inferSelect;
export type Conference = typeof conferences.$inferSelect;
export const CASE_STATUSES = caseStatus.enumValues;
export const ATTENDANCE = attendance.enumValues;
export const ACTIVITY_KINDS = activityKind.enumValues;

// ---------------------------------------------------------------------------------------
// The quality cycle (ISO 9001 6.1, 9.2, 9.3, 10.2, 10.3). Every table that an auditor
// samples keeps who and when; history that must be shown "as it stood" is kept as rows,
// never overwritten (risk_history, management review versions).

export const findingSource = pgEnum("finding_source", ["survey", "audit", "complaint", "risk", "conference_metric", "other"]);
export const findingClass = pgEnum("finding_class", ["major_nc", "minor_nc", "observation", "opportunity"]);
export const rootCauseMethod = pgEnum("root_cause_method", ["five_whys", "fishbone"]);
export const actionStatus = pgEnum("action_status", ["gepland", "in_uitvoering", "gereed", "geannuleerd"]);
export const pdcaPhase = pgEnum("pdca_phase", ["plan", "do", "check", "act"]);

export const findings = pgTable("findings", {
  id: uuid("id").primaryKey().defaultRandom(),
  ref: text("ref").notNull().unique(), // BEV-2026-001
  source: findingSource("source").notNull(),
  sourceWaveId: uuid("source_wave_id").references(() => waves.id),
  sourceDimension: text("source_dimension"),
  sourceQuestion: text("source_question"),
  sourceAuditId: uuid("source_audit_id"), // internal_audits.id (declared below)
  sourceRiskId: uuid("source_risk_id"), // risks.id (declared below)
  sourceMetric: text("source_metric"), // a conference metric key, e.g. directorAssigned
  title: text("title").notNull(),
  description: text("description").notNull(),
  classification: findingClass("classification").notNull(),
  clauses: text("clauses").array().notNull(), // ISO 9001 clauses, e.g. {"9.1.2","8.5.1"}
  foundOn: text("found_on").notNull(),
  correction: text("correction"), // immediate correction (10.2.1 a)
  rootCauseMethod: rootCauseMethod("root_cause_method"),
  rootCauseAnalysis: jsonb("root_cause_analysis"), // five whys: string[]; fishbone: { people, process, systems, partners }
  rootCause: text("root_cause"),
  similarElsewhere: text("similar_elsewhere"), // could it occur elsewhere (10.2.1 b3)
  baseline: jsonb("baseline"), // the measured starting point, e.g. { wave, dimension, mean, n, ci }
  closedAt: timestamp("closed_at", { withTimezone: true }),
  closedBy: uuid("closed_by").references(() => users.id),
  // Why a finding closed without an effective review (an observation or opportunity may); reopening clears it.
  closeReason: text("close_reason"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const actions = pgTable("actions", {
  id: uuid("id").primaryKey().defaultRandom(),
  ref: text("ref").notNull().unique(), // ACT-2026-001
  title: text("title").notNull(),
  ownerId: uuid("owner_id")
    .notNull()
    .references(() => users.id),
  dueOn: text("due_on").notNull(),
  status: actionStatus("status").notNull().default("gepland"),
  pdcaPhase: pdcaPhase("pdca_phase").notNull().default("plan"),
  criterion: jsonb("criterion").notNull(), // written when planned; see api/domain/quality/criterion.ts
  completedOn: text("completed_on"),
  riskId: uuid("risk_id"), // a risk treatment action (risks.id)
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const findingActions = pgTable(
  "finding_actions",
  {
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.actionId] }), index("finding_actions_action").on(t.actionId)],
);

/** The check that an action worked, by someone other than its owner (10.2.1 d). */
export const effectivenessReviews = pgTable("effectiveness_reviews", {
  id: uuid("id").primaryKey().defaultRandom(),
  findingId: uuid("finding_id")
    .notNull()
    .references(() => findings.id),
  reviewerId: uuid("reviewer_id")
    .notNull()
    .references(() => users.id),
  reviewedOn: text("reviewed_on").notNull(),
  effective: boolean("effective").notNull(),
  explanation: text("explanation").notNull(),
  evaluation: jsonb("evaluation"), // the automatic criterion results at the time of the review
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Evidence files: content with its hash, who uploaded it when, and the date it is about. */
export const evidenceFiles = pgTable("evidence_files", {
  id: uuid("id").primaryKey().defaultRandom(),
  findingId: uuid("finding_id").references(() => findings.id),
  actionId: uuid("action_id").references(() => actions.id),
  auditId: uuid("audit_id"), // internal_audits.id
  filename: text("filename").notNull(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  concernsDate: text("concerns_date").notNull(), // the date the evidence is about
  description: text("description"),
  uploadedBy: uuid("uploaded_by").references(() => users.id),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Which evidence a review relied on (evidence rows are append-only, so the link lives apart). */
export const reviewEvidence = pgTable(
  "review_evidence",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => effectivenessReviews.id),
    evidenceId: uuid("evidence_id")
      .notNull()
      .references(() => evidenceFiles.id),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.evidenceId] })],
);

export const auditStatus = pgEnum("internal_audit_status", ["gepland", "uitgevoerd", "gerapporteerd", "geannuleerd"]);

/** The processes the ZVH audits, with their owners (who may not audit them) and risk weight. */
export const processes = pgTable("processes", {
  id: text("id").primaryKey(), // casusoverleg, aanmelding-triage, …
  name: text("name").notNull().unique(),
  ownerIds: uuid("owner_ids").array().notNull().default(sql`'{}'::uuid[]`),
  riskWeight: smallint("risk_weight").notNull().default(2), // 1 laag, 2 middel, 3 hoog
});

export const CHECKLIST_RESULTS = ["niet_beoordeeld", "conform", "afwijking", "kans"] as const;
export interface AuditChecklistItem {
  criterion: string;
  result: (typeof CHECKLIST_RESULTS)[number];
  observation: string;
}

export const internalAudits = pgTable(
  "internal_audits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ref: text("ref").notNull().unique(), // IA-2026-01
    year: integer("year").notNull(),
    processId: text("process_id")
      .notNull()
      .references(() => processes.id),
    scope: text("scope").notNull(),
    criteria: text("criteria").array().notNull(), // clauses and own procedures
    auditorIds: uuid("auditor_ids").array().notNull(),
    auditeeIds: uuid("auditee_ids").array().notNull(),
    plannedOn: text("planned_on").notNull(),
    actualOn: text("actual_on"),
    status: auditStatus("status").notNull().default("gepland"),
    strongPoints: text("strong_points"),
    conclusion: text("conclusion"),
    reportedOn: text("reported_on"), // reported to management
    // What the auditor found per criterion while carrying the audit out, before the report.
    checklist: jsonb("checklist").$type<AuditChecklistItem[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("internal_audits_year").on(t.year)],
);

export const riskKind = pgEnum("risk_kind", ["risk", "opportunity"]);

export const risks = pgTable("risks", {
  id: uuid("id").primaryKey().defaultRandom(),
  ref: text("ref").notNull().unique(), // R-001 / K-001
  kind: riskKind("kind").notNull(),
  title: text("title").notNull(),
  description: text("description").notNull(),
  processId: text("process_id").references(() => processes.id),
  inherentLikelihood: smallint("inherent_likelihood").notNull(),
  inherentImpact: smallint("inherent_impact").notNull(),
  residualLikelihood: smallint("residual_likelihood").notNull(),
  residualImpact: smallint("residual_impact").notNull(),
  treatment: text("treatment").notNull(),
  ownerId: uuid("owner_id")
    .notNull()
    .references(() => users.id),
  reviewIntervalDays: integer("review_interval_days").notNull().default(180),
  lastReviewedOn: text("last_reviewed_on").notNull(),
  closedOn: text("closed_on"),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every version of every risk, so the register shows how each risk moved. */
export const riskHistory = pgTable(
  "risk_history",
  {
    riskId: uuid("risk_id")
      .notNull()
      .references(() => risks.id),
    version: integer("version").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull(),
    changedBy: uuid("changed_by").references(() => users.id),
    change: text("change").notNull(), // created | updated | reviewed | closed
    snapshot: jsonb("snapshot").notNull(),
  },
  (t) => [primaryKey({ columns: [t.riskId, t.version] })],
);

export const reviewStatus = pgEnum("management_review_status", ["concept", "definitief"]);

/** A management review (9.3). Final versions are immutable; a correction is a new version. */
export const managementReviews = pgTable(
  "management_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seriesId: uuid("series_id").notNull(), // all versions of one review share it
    version: integer("version").notNull(),
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
    heldOn: text("held_on"),
    inputs: jsonb("inputs").notNull(), // per required input: { data (pre-filled), assessment }
    decisions: jsonb("decisions").notNull(), // [{ kind, text, actionId? }]
    status: reviewStatus("status").notNull().default("concept"),
    correctionOf: uuid("correction_of"),
    correctionReason: text("correction_reason"),
    finalizedAt: timestamp("finalized_at", { withTimezone: true }),
    finalizedBy: uuid("finalized_by").references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("management_reviews_series_version").on(t.seriesId, t.version)],
);

/**
 * The instance's key pair for signing evidence packs (Ed25519), made at first start and kept. The private
 * key never leaves through the API; only the service that signs packs reads this table.
 */
export const signingKeys = pgTable("signing_keys", {
  id: text("id").primaryKey(), // "instance"
  algorithm: text("algorithm").notNull(),
  publicKey: text("public_key").notNull(), // raw key, base64
  privateKey: text("private_key").notNull(), // PKCS #8, base64
  fingerprint: text("fingerprint").notNull(), // SHA-256 of the raw public key, hex
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
