/** Text for the PDF standard fonts (Helvetica), shared by the municipality report and the evidence packs. */

const SUBSTITUTES: Record<string, string> = {
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2264": "<=",
  "\u2265": ">=",
  // Letters that Unicode does not decompose into a base letter and an accent.
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  ı: "i",
};

/**
 * The standard fonts only know WinAnsi; pdf-lib throws on anything else. Names typed by
 * users can hold anything, so an unknown character becomes its unaccented form ("ł" → "l")
 * or, failing that, "?": a report with a question mark beats no report at all.
 */
export function winAnsiCleaner(charset: Set<number>): (text: string) => string {
  const drawable = (s: string) => [...s].every((c) => charset.has(c.codePointAt(0)!));
  return (text) => {
    let out = "";
    for (const ch of text.normalize("NFC")) {
      if (charset.has(ch.codePointAt(0)!)) out += ch;
      else if (/\s/.test(ch)) out += " ";
      else {
        const sub = SUBSTITUTES[ch] ?? ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
        out += sub && drawable(sub) ? sub : "?";
      }
    }
    return out;
  };
}
