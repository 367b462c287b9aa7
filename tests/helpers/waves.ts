import { expect } from "vitest";
import { waves } from "../../db/schema.ts";
import type { testApp } from "./app.ts";

type TestApp = Awaited<ReturnType<typeof testApp>>;
type Request = (path: string, init: RequestInit & { json?: unknown }) => Response | Promise<Response>;
const DAY = 86_400_000;

/** A wave that opened yesterday and closes in ten days on the test clock, inserted directly (no trail entry needed). */
export async function openWave(t: TestApp, name: string, anonymous = true, questionnaireId = t.questionnaireId) {
  const [w] = await t.db
    .insert(waves)
    .values({
      name,
      questionnaireId,
      anonymous,
      opensAt: new Date(t.clock.now.getTime() - DAY),
      closesAt: new Date(t.clock.now.getTime() + 10 * DAY),
    })
    .returning();
  return w;
}

/** Invites the given people through the API (one call, as the dashboard does) and returns their link tokens. */
export async function inviteTokens(request: Request, waveId: string, invitations: object[]) {
  const res = await request(`/api/waves/${waveId}/invitations`, { method: "POST", json: { invitations } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { invitations: { token: string }[] }).invitations.map((i) => i.token);
}
