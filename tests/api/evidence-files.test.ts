import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";

let t: Awaited<ReturnType<typeof testApp>>;
let findingId = "";

beforeAll(async () => {
  t = await testApp();
  const res = await t.request("/api/findings", {
    method: "POST",
    json: {
      source: "other",
      title: "Observatie",
      description: "x",
      classification: "observation",
      clauses: ["7.5"],
      foundOn: "2026-07-01",
    },
  });
  findingId = ((await res.json()) as { finding: { id: string } }).finding.id;
});
afterAll(async () => {
  await t.close();
});

async function upload(name: string, content: string | Uint8Array, declared: string) {
  const form = new FormData();
  form.set("file", new File([content as BlobPart], name, { type: declared }));
  form.set("concernsDate", "2026-03-01");
  form.set("findingId", findingId);
  const res = await t.request("/api/evidence", { method: "POST", body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { evidence: { id: string; filename: string; contentType: string } }).evidence;
}

describe("evidence files with names beyond Latin-1 download", () => {
  it.each(["Rapport – juni.pdf", "€.pdf", "😀 verslag.pdf", "Ärger über Überstunden.pdf"])("%s", async (name) => {
    const e = await upload(name, "%PDF-1.4 inhoud", "application/pdf");
    expect(e.filename).toBe(name);
    const res = await t.request(`/api/evidence/${e.id}`, { as: "auditor" });
    expect(res.status).toBe(200);
    const header = res.headers.get("content-disposition")!;
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe(name);
    expect(await res.text()).toBe("%PDF-1.4 inhoud");
  });
});

describe("evidence is never active content", () => {
  it("keeps HTML declared as text/plain as an inert octet stream, served as a download", async () => {
    const e = await upload("x.html", "<script>document.title='PWNED'</script>", "text/plain");
    expect(e.contentType).toBe("application/octet-stream");
    const res = await t.request(`/api/evidence/${e.id}`, { as: "auditor" });
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("keeps an SVG declared as image/png, and HTML hidden in a .txt, inert", async () => {
    expect((await upload("logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>", "image/png")).contentType).toBe(
      "application/octet-stream",
    );
    expect((await upload("notitie.txt", "<!doctype html><p>hoi", "text/plain")).contentType).toBe("application/octet-stream");
  });

  it("keeps a real PNG as an image whatever was declared", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect((await upload("foto.png", png, "application/x-msdownload")).contentType).toBe("image/png");
  });
});
