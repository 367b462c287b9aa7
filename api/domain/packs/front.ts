/**
 * The pack's front page (data/index.html): what the pack is, as of when, how to check it,
 * how people are pseudonymised, and per clause the files (linked) with their notes. Plain
 * HTML with inline CSS and no scripts, so it opens offline in any browser.
 */
import { trailActionLabel, trailEntityLabel } from "./labels.ts";

export interface IndexFile {
  path: string;
  description: string;
  records?: number;
}
export interface IndexSection {
  clause: string;
  title: string;
  files: IndexFile[];
  notes: string[];
}

export interface PackIndex {
  organisation: string;
  from: string;
  to: string;
  stampIso: string;
  version: string;
  sections: IndexSection[];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Uploaded evidence (under bewijs/): a link downloads it rather than asking the browser to display it. */
const isEvidence = (path: string) => /\/bewijs\//.test(path);
/** Links are relative to data/, percent-encoded per path segment. */
const href = (path: string) =>
  path
    .replace(/^data\//, "")
    .split("/")
    .map(encodeURIComponent)
    .join("/");

export const PRINCIPLES: { title: string; text: string }[] = [
  {
    title: "Stand per einde van de periode",
    text:
      "Elk record staat in dit pakket zoals het was aan het einde van de periode (de laatste dag, 23:59:59 UTC), niet zoals het nu is. " +
      "Risico's komen uit hun versiegeschiedenis; bevindingen, acties, interne audits en processen worden teruggerekend met de audittrail " +
      "(elke latere wijziging wordt ongedaan gemaakt met de waarde die de audittrail ervan vastlegde); directiebeoordelingen tellen alleen " +
      "als definitieve versie die vóór het einde is vastgesteld. Records die na de periode zijn aangemaakt, ontbreken. Waar terugrekenen niet " +
      "volledig kan, staat dat bij de paragraaf onder 'Kanttekeningen'.",
  },
  {
    title: "Vast tijdstip en reproduceerbaarheid",
    text:
      "Het pakket bevat geen exporttijdstip. 'Generated-At' in bag-info.txt is gedefinieerd als het einde van de periode, en alle " +
      "tijdstempels in het ZIP-bestand en in de PDF's zijn dat ene tijdstip. Zo geeft dezelfde periode, door dezelfde persoon geëxporteerd, " +
      "byte voor byte hetzelfde bestand met dezelfde SHA-256. Wie wanneer exporteerde en welke hash het pakket had, staat in de audittrail " +
      `(regel '${trailEntityLabel("evidence_pack")}', actie '${trailActionLabel("export")}'); ` +
      "'Generated-By' in bag-info.txt noemt rol en pseudoniem van de exporteur, zodat de inhoud " +
      "onder data/ en manifest-sha256.txt voor iedere exporteur gelijk is.",
  },
  {
    title: "Integriteit controleren",
    text:
      "Het pakket is een BagIt-zak (RFC 8493): manifest-sha256.txt bevat de SHA-256 van elk bestand onder data/, tagmanifest-sha256.txt die van " +
      "de tagbestanden. tagmanifest-sha256.txt.sig is een Ed25519-handtekening over dat tagmanifest, met de publieke sleutel van de installatie: " +
      "wie een bestand wijzigt en beide manifesten opnieuw berekent, breekt de handtekening. " +
      "Controle: 'npm run cli -- evidence verify pakket.zip' meldt elk gewijzigd, ontbrekend of extra bestand en welke sleutel ondertekende; na uitpakken " +
      "kan ook elk BagIt-hulpmiddel (bijvoorbeeld bagit.py --validate). Vergelijk daarnaast de SHA-256 van het hele ZIP-bestand met de " +
      "exportregel in de audittrail.",
  },
  {
    title: "Personen en persoonsgegevens",
    text:
      "Namen en e-mailadressen verlaten het systeem niet. Een persoon staat in dit pakket als rol plus pseudoniem: de eerste 8 hexadecimale " +
      "tekens van SHA-256 over het interne account-id (bijvoorbeeld 'kwaliteit #1a2b3c4d'). Hetzelfde account heeft in elk pakket hetzelfde " +
      "pseudoniem; alleen wie toegang heeft tot het systeem kan het terugherleiden. De rol is de huidige rol van het account. Werkaantekeningen " +
      "van casusoverleggen (aanleiding, doel, aanpak, vervolgafspraken), de naam van de voorzitter, enquêtelinks en -tokens, e-mailadressen van " +
      "genodigden, open antwoorden en IP-adressen staan er niet in. Enquêteresultaten van groepen onder de drempel (5 respondenten) blijven " +
      "onderdrukt. Bewijsstukken zijn opgenomen zoals ze zijn geüpload.",
  },
  {
    title: "Bestandsformaten",
    text:
      "Elke recordset staat in CSV (puntkomma's, decimale komma, UTF-8 met BOM: opent direct in Nederlandse Excel) en in JSON (één record " +
      "per regel). Elke paragraaf heeft een leesbaar verslag.pdf. Tijden zijn UTC.",
  },
];

export function renderIndexHtml(ix: PackIndex): string {
  const period = `${ix.from} t/m ${ix.to}`;
  const toc = ix.sections.map((s) => `<li><a href="#p${esc(s.clause)}">${esc(s.title)}</a></li>`).join("\n");
  const sections = ix.sections
    .map((s) => {
      const rows = s.files
        .map(
          (f) =>
            `<tr><td><a href="${esc(href(f.path))}"${isEvidence(f.path) ? " download" : ""}>${esc(f.path.replace(/^data\//, ""))}</a></td>` +
            `<td>${esc(f.description)}</td><td class="n">${f.records === undefined ? "" : f.records}</td></tr>`,
        )
        .join("\n");
      const notes = s.notes.length ? `<h3>Kanttekeningen</h3>\n<ul>\n${s.notes.map((n) => `<li>${esc(n)}</li>`).join("\n")}\n</ul>` : "";
      return `<section id="p${esc(s.clause)}">\n<h2>${esc(s.title)}</h2>\n<table>\n<tr><th>Bestand</th><th>Inhoud</th><th class="n">Records</th></tr>\n${rows}\n</table>\n${notes}\n</section>`;
    })
    .join("\n");
  const principles = PRINCIPLES.map((p) => `<h3>${esc(p.title)}</h3>\n<p>${esc(p.text)}</p>`).join("\n");
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Bewijspakket ISO 9001 — ${esc(ix.organisation)} — ${esc(period)}</title>
<style>
body{font-family:Helvetica,Arial,sans-serif;color:#222;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{color:#14385f}h2{color:#14385f;border-bottom:1px solid #d4dbe3;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #e3e7ec;padding:.3rem .4rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}dt{font-weight:bold;float:left;width:12rem}dd{margin-left:12rem}
</style>
</head>
<body>
<h1>Bewijspakket ISO 9001</h1>
<dl>
<dt>Organisatie</dt><dd>${esc(ix.organisation)}</dd>
<dt>Periode</dt><dd>${esc(period)}</dd>
<dt>Stand per</dt><dd>${esc(ix.stampIso)} (einde van de periode)</dd>
<dt>Software</dt><dd>Ketenspiegel ${esc(ix.version)}</dd>
</dl>
<h2>Inhoud</h2>
<ul>
${toc}
</ul>
<h2>Zo is dit pakket gemaakt</h2>
${principles}
${sections}
</body>
</html>
`;
}
