import { describe, expect, it } from "vitest";
import { zipSync, strToU8 } from "fflate";
import { classifyEvidence, isPlainText } from "../../api/domain/evidence/sniff.ts";
import { attachment } from "../../api/lib/download.ts";

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...strToU8(p)] : p)));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "rest");
const DOCX = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") }, { level: 0 });
const ODT = zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.text"), "content.xml": strToU8("<office/>") }, { level: 0 });

describe("evidence kinds come from the bytes and the name, never the declared type", () => {
  it.each([
    ["verslag.pdf", bytes("%PDF-1.7 ..."), "application/pdf"],
    ["foto.PNG", PNG, "image/png"],
    ["foto.jpeg", bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"), "image/jpeg"],
    ["anim.gif", bytes("GIF89a..."), "image/gif"],
    ["beeld.webp", bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "), "image/webp"],
    ["notulen.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["notulen.odt", ODT, "application/vnd.oasis.opendocument.text"],
    ["lijst.csv", bytes("a;b\r\n1;2\r\n"), "text/csv"],
    ["notitie.txt", bytes("Gewone tekst met é en € en 5 < 6."), "text/plain"],
  ])("%s is kept as %s", (name, content, type) => {
    expect(classifyEvidence(content, name)).toMatchObject({ contentType: type, inert: false });
  });

  it.each([
    ["x.html", bytes("<script>alert(1)</script>")],
    ["x.svg", bytes("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")],
    ["x.txt", bytes("<!doctype html><script>alert(1)</script>")], // HTML in a .txt
    ["x.txt", bytes("hallo", [0], "wereld")], // binary in a .txt
    ["x.pdf", bytes("<html>not a pdf</html>")], // the bytes do not fit the name
    ["x.png", bytes("%PDF-1.4")],
    ["x.docx", bytes("PK", [3, 4], "no content types")],
    ["x.exe", bytes("MZ...")],
    ["zonder-extensie", bytes("%PDF-1.4")],
    ["x.eml", bytes("From: a@b\r\n\r\nhallo")],
  ])("%s is kept inert", (name, content) => {
    expect(classifyEvidence(content, name)).toEqual({ contentType: "application/octet-stream", extension: "bin", inert: true });
  });

  it("refuses text that is not UTF-8", () => {
    expect(isPlainText(new Uint8Array([0x66, 0xff, 0xfe]))).toBe(false);
  });
});

describe("Content-Disposition (RFC 6266 / 5987)", () => {
  it.each([
    ["Rapport – juni.pdf", "attachment; filename=\"Rapport _ juni.pdf\"; filename*=UTF-8''Rapport%20%E2%80%93%20juni.pdf"],
    ["€.pdf", "attachment; filename=\"_.pdf\"; filename*=UTF-8''%E2%82%AC.pdf"],
    ["évaluatie (v2)*.pdf", "attachment; filename=\"evaluatie (v2)*.pdf\"; filename*=UTF-8''%C3%A9valuatie%20%28v2%29%2A.pdf"],
    ['a"b\\c;d.pdf', "attachment; filename=\"a_b_c_d.pdf\"; filename*=UTF-8''a%22b%5Cc%3Bd.pdf"],
  ])("%s", (name, header) => {
    expect(attachment(name)).toBe(header);
    // A header value must be ISO-8859-1; a Headers object refuses anything else.
    expect(() => new Headers({ "content-disposition": attachment(name) })).not.toThrow();
  });

  it("survives emoji", () => {
    const h = attachment("😀 foto.png");
    expect(h).toContain("filename*=UTF-8''%F0%9F%98%80%20foto.png");
    expect(decodeURIComponent(h.split("''")[1])).toBe("😀 foto.png");
  });
});
