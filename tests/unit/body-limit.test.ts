import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { limitBody } from "../../api/lib/body-limit.ts";

/** A route behind a 100-byte limit that reports how much body it read. */
function app() {
  const a = new Hono();
  a.use(limitBody(100, (c) => c.json({ error: "too large" }, 413)));
  a.all("/x", async (c) => c.json({ read: (await c.req.text()).length }));
  return a;
}

function streamOf(bytes: number) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let sent = 0; sent < bytes; sent += 40) controller.enqueue(new Uint8Array(Math.min(40, bytes - sent)).fill(120));
      controller.close();
    },
  });
}

describe("limitBody", () => {
  it("decides from Content-Length when the request declares one", async () => {
    const refused = await app().request("/x", { method: "POST", headers: { "content-length": "101" }, body: "x" });
    expect(refused.status).toBe(413);
    const allowed = await app().request("/x", { method: "POST", headers: { "content-length": "100" }, body: "x".repeat(100) });
    expect(await allowed.json()).toEqual({ read: 100 });
  });

  it("counts a streamed body without Content-Length, and refuses it once it passes the limit", async () => {
    const init = { method: "POST", duplex: "half" } as RequestInit;
    expect((await app().request("/x", { ...init, body: streamOf(101) })).status).toBe(413);
    expect(await (await app().request("/x", { ...init, body: streamOf(100) })).json()).toEqual({ read: 100 });
  });

  it("counts the body when Transfer-Encoding is present, whatever Content-Length says", async () => {
    const res = await app().request("/x", {
      method: "POST",
      duplex: "half",
      headers: { "content-length": "10", "transfer-encoding": "chunked" },
      body: streamOf(101),
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("lets a GET through untouched", async () => {
    expect(await (await app().request("/x")).json()).toEqual({ read: 0 });
  });
});
