import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";
import { COMPLETE } from "../helpers/answers.ts";
import { DEFAULT_RISK_MATRIX } from "../../api/domain/risks/matrix.ts";

/** Error texts come from the catalog (i18n/errors.ts) in the request's language. */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

type ErrorReply = { error: { code: string; message: string; params?: Record<string, string | number>; details?: { path: string }[] } };
const reply = async (res: Response) => (await res.json()) as ErrorReply;

describe("error texts by language", () => {
  it("answers in English when asked, in Dutch by default, with the code and its params", async () => {
    const create = (lang?: string) =>
      t.request("/api/users", {
        method: "POST",
        as: "admin",
        headers: lang ? { "accept-language": lang } : {},
        json: { email: "dubbel@zvh.test", role: "kwaliteit" },
      });
    expect((await create()).status).toBe(201);
    const nl = await reply(await create());
    expect(nl.error).toEqual({
      code: "email_taken",
      message: "Er bestaat al een account voor dubbel@zvh.test.",
      params: { email: "dubbel@zvh.test" },
    });
    const en = await reply(await create("en-GB,en;q=0.9"));
    expect(en.error).toEqual({
      code: "email_taken",
      message: "An account for dubbel@zvh.test already exists.",
      params: { email: "dubbel@zvh.test" },
    });
  });

  it("translates a text without values, and a 404 of an unknown record", async () => {
    const res = await t.request("/api/findings/00000000-0000-4000-8000-000000000000", {
      as: "kwaliteit",
      headers: { "accept-language": "en" },
    });
    expect(res.status).toBe(404);
    expect((await reply(res)).error).toMatchObject({ code: "finding_not_found", message: "Finding not found." });
    const nl = await t.request("/api/findings/00000000-0000-4000-8000-000000000000", { as: "kwaliteit" });
    expect((await reply(nl)).error.message).toBe("Bevinding niet gevonden.");
  });

  it("keeps naming the field of invalid input in both languages", async () => {
    for (const [lang, text] of [
      ["nl", "De invoer is ongeldig."],
      ["en", "The input is invalid."],
    ]) {
      const res = await t.request("/api/users", {
        method: "POST",
        as: "admin",
        headers: { "accept-language": lang },
        json: { email: "geen-adres", role: "kwaliteit" },
      });
      expect(res.status).toBe(400);
      const body = await reply(res);
      expect(body.error.message).toBe(text);
      expect(body.error.details?.map((d) => d.path)).toContain("email");
    }
  });
});

/** Real refusals whose messages carry values: in English the text and the values' form change, the code and params do not. */
describe("error texts with values, in English", () => {
  const get = (path: string, lang: string, as: "auditor" | "kwaliteit" = "auditor") =>
    t.request(path, { as, headers: { "accept-language": lang } });

  it("writes a date param as a reader of the language does (evidence pack over an unfinished period)", async () => {
    const path = "/api/evidence-pack?from=2026-01-01&to=2026-12-31";
    const en = await reply(await get(path, "en"));
    expect(en.error).toEqual({
      code: "period_not_ended",
      message: "An evidence pack covers a past period: the end date must be before today (1 October 2026).",
      params: { today: "2026-10-01" },
    });
    const nl = await reply(await get(path, "nl"));
    expect(nl.error.message).toBe(
      "Een bewijspakket gaat over een afgelopen periode: de einddatum moet vóór vandaag (1 oktober 2026) liggen.",
    );
  });

  it("writes a number param with the language's grouping (an invitation list over the body limit)", async () => {
    const post = (lang: string) =>
      t.request(`/api/waves/${t.wave.id}/invitations`, {
        method: "POST",
        headers: { "accept-language": lang },
        json: { invitations: [], pad: "x".repeat(4_100_000) },
      });
    const en = await post("en");
    expect(en.status).toBe(413);
    expect((await reply(en)).error).toEqual({
      code: "payload_too_large",
      message: "The request is larger than 3,906 kB.",
      params: { kb: 3906 },
    });
    expect((await reply(await post("nl"))).error.message).toBe("Het verzoek is groter dan 3.906 kB.");
  });

  it("names the value that was refused (an unknown municipality in an invitation list)", async () => {
    const res = await t.request(`/api/waves/${t.wave.id}/invitations`, {
      method: "POST",
      headers: { "accept-language": "en" },
      json: { invitations: [{ organisation: "Gemeente Uitgeest", organisationType: "gemeente", municipality: "Uitgeest" }] },
    });
    expect(res.status).toBe(400);
    expect((await reply(res)).error).toMatchObject({
      code: "unknown_municipality",
      message: "Unknown municipality 'Uitgeest'.",
      params: { municipality: "Uitgeest" },
    });
  });

  it("gives each refused field its text in English: a validation rule and a hostile character", async () => {
    type Detailed = { error: { code: string; message: string; details: { path: string; code?: string; message: string }[] } };
    const bad = (lang: string, json: unknown) =>
      t.request("/api/users", { method: "POST", as: "admin", headers: { "accept-language": lang }, json });
    const invalid = (await (await bad("en", { email: "geen-adres", role: "kwaliteit" })).json()) as Detailed;
    expect(invalid.error.details).toContainEqual({ path: "email", code: "field_email", message: "Not a valid e-mail address." });
    const dutch = (await (await bad("nl", { email: "geen-adres", role: "kwaliteit" })).json()) as Detailed;
    expect(dutch.error.details).toContainEqual({ path: "email", code: "field_email", message: "Geen geldig e-mailadres." });

    const hostile = await bad("en", { email: "a@zvh.test", name: "Jan\u0000", role: "kwaliteit" });
    expect(hostile.status).toBe(400);
    const body = (await hostile.json()) as Detailed;
    expect(body.error).toMatchObject({ code: "forbidden_characters", message: "The input contains characters that are not allowed." });
    expect(body.error.details).toContainEqual({
      path: "name",
      code: "text_nul",
      params: { char: "U+0000" },
      message: "Contains a NUL character (U+0000); that is not allowed.",
    });
  });

  it("gives an implausible date in a query its English text, the date in English form", async () => {
    type Detailed = { error: { code: string; details: { path: string; code?: string; params?: object; message: string }[] } };
    const res = await get("/api/evidence-pack?from=1999-01-01&to=1999-12-31", "en");
    expect(res.status).toBe(400);
    const body = (await res.json()) as Detailed;
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.details).toContainEqual({
      path: "from",
      code: "date_too_early",
      params: { earliest: "2000-01-01" },
      message: "The date is before 1 January 2000; that is not plausible.",
    });
  });

  it("puts the status of a wave in a refused change", async () => {
    const open = (lang: string) =>
      t.request(`/api/waves/${t.wave.id}/status`, { method: "POST", headers: { "accept-language": lang }, json: { action: "open" } });
    const en = await open("en");
    expect(en.status).toBe(409);
    expect((await reply(en)).error).toEqual({
      code: "wave_already_started",
      message: "The wave is already open.",
      params: { status: "open" },
    });
    expect((await reply(await open("nl"))).error.message).toBe("De meting is al open.");
  });

  it("gives a refused survey answer its reason in the partner's language, in the message and in each detail", async () => {
    const res = await t.request(`/api/waves/${t.wave.id}/invitations`, {
      method: "POST",
      json: { invitations: [{ organisation: "Politie Noord-Holland", organisationType: "veiligheid" }] },
    });
    const { token } = ((await res.json()) as { invitations: { token: string }[] }).invitations[0];
    const send = async (lang: string, data: Record<string, unknown>) => {
      const r = await t.request(`/api/s/${token}/response`, {
        method: "POST",
        as: "anonymous",
        headers: { "accept-language": lang },
        json: { data },
      });
      expect(r.status).toBe(422);
      return (await r.json()) as {
        error: { code: string; message: string; details: { question: string; code: string; message: string }[] };
      };
    };
    const outOfRange = { ...COMPLETE, aanbeveling: 11 };
    const en = await send("en", outOfRange);
    expect(en.error.code).toBe("invalid_answers");
    expect(en.error.message).toBe(
      "The answer to 'aanbeveling' is invalid: Value 11 is outside the scale (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).",
    );
    const nl = await send("nl", outOfRange);
    expect(nl.error.message).toBe(
      "Antwoord op 'aanbeveling' is ongeldig: Waarde 11 valt buiten de schaal (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).",
    );
    // A required question left out: survey-core's verdict, its text from the catalog in English.
    const { cijfer: _, ...missing } = COMPLETE;
    const required = await send("en", missing);
    expect(required.error.message).toBe("The answer to 'cijfer' is invalid: This question must be answered.");
    expect(required.error.details).toContainEqual(
      expect.objectContaining({ question: "cijfer", code: "answer_required", message: "This question must be answered." }),
    );
    for (const d of [...en.error.details, ...required.error.details]) expect(d.message).not.toMatch(/ongeldig|vraag|Waarde|Verwacht/i);
  });

  it("names a broken questionnaire element in the reader's language, down to the condition inside it", async () => {
    const definition = {
      title: "Puls",
      pages: [
        {
          name: "p1",
          elements: [
            { type: "boolean", name: "bijgewoond", title: "Bijgewoond?" },
            { type: "comment", name: "toelichting", title: "Toelichting", visibleIf: "{onbekend} = true" },
            { type: "slider", name: "s" },
          ],
        },
      ],
    };
    const create = async (lang: string) => {
      const res = await t.request("/api/questionnaires", {
        method: "POST",
        headers: { "accept-language": lang },
        json: { key: `taal-${lang}`, title: "Puls", definition },
      });
      expect(res.status).toBe(400);
      return (await res.json()) as {
        error: { code: string; message: string; details: { element: string; code: string; message: string }[] };
      };
    };
    const en = await create("en");
    expect(en.error.code).toBe("invalid_definition");
    expect(en.error.details.map((d) => d.message)).toEqual([
      "Element 's' has an unknown type 'slider' (allowed: rating, radiogroup, checkbox, dropdown, boolean, comment, text, panel, html).",
      "Element 'toelichting': visibleIf refers to an unknown question 'onbekend'.",
    ]);
    expect(en.error.message).toContain("Element 's' has an unknown type 'slider'");
    const nl = await create("nl");
    expect(nl.error.details.map((d) => d.message)).toEqual([
      "Element 's' heeft een onbekend type 'slider' (toegestaan: rating, radiogroup, checkbox, dropdown, boolean, comment, text, panel, html).",
      "Element 'toelichting': visibleIf verwijst naar een onbekende vraag 'onbekend'.",
    ]);
  });

  it("refuses a contact list by line and column in the reader's language, and a file that is no spreadsheet", async () => {
    const csv = "organisatie;type;e-mail\nPolitie Noord-Holland;agent;wijk@politie.example\n";
    const refuse = async (lang: string, json: Record<string, string>) => {
      const res = await t.request("/api/contacts/import", { method: "POST", headers: { "accept-language": lang }, json });
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { code: string; message: string; details: { message: string }[] } }).error;
    };
    const en = await refuse("en", { format: "csv", content: csv });
    expect(en.code).toBe("invalid_rows");
    expect(en.message).toMatch(/^Line 2, column type: Unknown type 'agent' \(.*\)\. \(1 error\(s\) in the list; nothing was saved\.\)$/);
    expect(en.details[0].message).toMatch(/^Unknown type 'agent'/);
    expect((await refuse("nl", { format: "csv", content: csv })).details[0].message).toMatch(/^Onbekend type 'agent'/);
    const file = await refuse("en", { format: "xlsx", content: btoa("geen zip") });
    expect(file).toMatchObject({ code: "invalid_file", message: "The file cannot be read: The file is not a valid XLSX file." });
  });

  it("names the risk matrix cell that breaks the order in the reader's language, and leaves the grid alone", async () => {
    const grid = DEFAULT_RISK_MATRIX.grid.map((row) => [...row]);
    grid[4][4] = "laag";
    const res = await t.request("/api/risks/matrix", {
      method: "PUT",
      headers: { "accept-language": "en" },
      json: { ...DEFAULT_RISK_MATRIX, grid },
    });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; message: string; details: { code: string; message: string }[] } };
    expect(error.code).toBe("matrix_not_monotone");
    expect(error.message).toBe("A higher likelihood or impact may never give a lower level.");
    expect(error.details[0]).toMatchObject({ code: "matrix_cell_lower" });
    expect(error.details[0].message).toMatch(
      /^At likelihood 5 and impact 5 the level is 'laag', lower than '\w+' at likelihood \d and impact \d\./,
    );
    expect(await (await t.request("/api/risks/matrix")).json()).toEqual(DEFAULT_RISK_MATRIX);
  });

  it("gives a risk matrix that breaks a schema rule each field's own text in the reader's language, by code", async () => {
    const { laag, ...levels } = DEFAULT_RISK_MATRIX.levels;
    const broken = {
      ...DEFAULT_RISK_MATRIX,
      levels: { ...levels, laag: { ...laag, colour: "groen" } },
      likelihood: DEFAULT_RISK_MATRIX.likelihood.slice(0, 4),
      grid: [
        DEFAULT_RISK_MATRIX.grid[0].slice(0, 4),
        ["onbekend", ...DEFAULT_RISK_MATRIX.grid[1].slice(1)],
        ...DEFAULT_RISK_MATRIX.grid.slice(2),
      ],
    };
    type Detailed = { error: { code: string; details: { path: string; code?: string; params?: object; message: string }[] } };
    const put = async (lang: string) => {
      const res = await t.request("/api/risks/matrix", { method: "PUT", headers: { "accept-language": lang }, json: broken });
      expect(res.status).toBe(400);
      const body = (await res.json()) as Detailed;
      expect(body.error.code).toBe("invalid_input");
      return Object.fromEntries(body.error.details.map((d) => [d.path, d]));
    };
    const en = await put("en");
    expect(en["levels.laag.colour"]).toEqual({ path: "levels.laag.colour", code: "matrix_colour", message: "A colour as #rrggbb." });
    expect(en.likelihood).toEqual({
      path: "likelihood",
      code: "matrix_likelihood_labels",
      params: { count: 5 },
      message: "Give exactly 5 labels for the likelihood (very unlikely … almost certain).",
    });
    expect(en["grid.0"]).toMatchObject({ code: "matrix_row_cells", message: "Each row has exactly 5 cells (impact 1–5)." });
    expect(en["grid.1.0"]).toMatchObject({ code: "risk_level_one_of", message: "Unknown level; choose from laag, middel, hoog, kritiek." });
    const nl = await put("nl");
    expect(nl["levels.laag.colour"].message).toBe("Een kleur als #rrggbb.");
    expect(nl.likelihood.message).toBe("Geef precies 5 labels voor de kans (zeer onwaarschijnlijk … vrijwel zeker).");
    expect(nl["grid.0"].message).toBe("Elke rij heeft precies 5 cellen (impact 1–5).");
    expect(nl["grid.1.0"].message).toBe("Onbekend niveau; kies uit laag, middel, hoog, kritiek.");
    expect(await (await t.request("/api/risks/matrix")).json()).toEqual(DEFAULT_RISK_MATRIX);
  });

  it("names what a management review still lacks in the reader's language, each input by its catalog title", async () => {
    const created = await t.request("/api/management-reviews", {
      method: "POST",
      as: "kwaliteit",
      json: { periodFrom: "2026-01-01", periodTo: "2026-09-30" },
    });
    expect(created.status).toBe(201);
    const { review } = (await created.json()) as { review: { id: string } };
    type Refusal = { error: { code: string; message: string; details: { key: string; code: string; params?: object; message: string }[] } };
    const finalize = async (lang: string) => {
      const res = await t.request(`/api/management-reviews/${review.id}/finalize`, {
        method: "POST",
        as: "management",
        headers: { "accept-language": lang },
      });
      expect(res.status).toBe(422);
      return ((await res.json()) as Refusal).error;
    };
    const en = await finalize("en");
    expect(en).toMatchObject({ code: "review_incomplete", message: "The management review is not complete yet." });
    expect(en.details).toHaveLength(14);
    expect(en.details).toContainEqual({
      key: "audit_results",
      code: "review_assessment_missing",
      params: { input: { label: "reviewInput.audit_results" } },
      message: "Assessment missing: Audit results.",
    });
    expect(en.details.find((d) => d.key === "risk_actions")?.message).toBe(
      "Assessment missing: Effectiveness of actions taken to address risks and opportunities.",
    );
    expect(en.details.slice(-2).map((d) => d.message)).toEqual([
      "The date on which the management review was held is missing.",
      "Record at least one decision (9.3.3).",
    ]);
    for (const d of en.details) expect(d.message).not.toMatch(/ontbreekt|besluit|beoordeling/i);
    const nl = await finalize("nl");
    expect(nl.details.find((d) => d.key === "audit_results")?.message).toBe("Beoordeling ontbreekt: Auditresultaten.");
    expect(nl.details.at(-1)?.message).toBe("Leg minstens één besluit vast (9.3.3).");
  });
});
