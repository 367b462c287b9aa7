import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";

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
