/**
 * The case registry is pseudonymous: a ZVH has no legal basis of its own to keep personal data of the
 * citizens in its cases. Free text is where such data slips in ("Jan Jansen BSN 111222333"), so every
 * free-text field of the registry is screened for the three identifiers that single out one person:
 * a citizen service number, a postcode with house number, and a date of birth.
 */

export type CitizenDataKind = "bsn" | "adres" | "geboortedatum";
export interface CitizenDataHit {
  kind: CitizenDataKind;
  match: string;
}

/** The BSN eleven test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros). */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

// Nine digits, written as one number or grouped with spaces, dots or dashes (123 456 789, 1234.56.789).
const NINE_DIGITS = /(?<![\d.,-])\d(?:[ .-]?\d){8}(?![\d]|[.,-]\d)/g;
// Postcode (1000-9999, two capitals; SA, SD and SS are never issued; OM and VT are far likelier the Openbaar
// Ministerie and Veilig Thuis after a year) followed or preceded by a house number.
const POSTCODE_THEN_NUMBER = /(?<!\d)[1-9]\d{3} ?(?!SA|SD|SS|OM|VT)[A-Z]{2},? *(?:nr\.? *)?\d{1,5}(?![\d])/g;
const NUMBER_THEN_POSTCODE = /(?<![\d])\d{1,5} ?[a-zA-Z]?(?:-\d{1,4})?,? +[1-9]\d{3} ?(?!SA|SD|SS|OM|VT)[A-Z]{2}(?![A-Za-z])/g;
const MONTHS =
  "jan(?:uari)?|feb(?:ruari)?|mrt|maart|apr(?:il)?|mei|jun(?:i)?|jul(?:i)?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const DATE = `(?:\\d{1,2}[-/. ]\\d{1,2}[-/. ]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}\\.? *(?:${MONTHS})\\.? *\\d{2,4}|(?:19|20)\\d{2})`;
const BIRTH = new RegExp(
  `\\b(?:geb(?:oren)?\\.?|geboortedatum|geb\\.? ?datum|geboortedag|dob|d\\.o\\.b\\.|date of birth|born)\\s*(?::|op|in|te \\S+ op)?\\s*(${DATE})\\b`,
  "gi",
);

/** Every identifier of a citizen found in a text; empty when the text looks clean. */
export function findCitizenData(text: string): CitizenDataHit[] {
  const hits: CitizenDataHit[] = [];
  for (const m of text.matchAll(NINE_DIGITS)) {
    if (passesElfproef(m[0].replace(/\D/g, ""))) hits.push({ kind: "bsn", match: m[0] });
  }
  for (const re of [POSTCODE_THEN_NUMBER, NUMBER_THEN_POSTCODE]) {
    for (const m of text.matchAll(re)) hits.push({ kind: "adres", match: m[0] });
  }
  for (const m of text.matchAll(BIRTH)) hits.push({ kind: "geboortedatum", match: m[0] });
  return hits;
}

const LABEL: Record<CitizenDataKind, string> = { bsn: "een BSN", adres: "een postcode met huisnummer", geboortedatum: "een geboortedatum" };

/** A clear Dutch message for the first hit, or null when the text may be stored. */
export function citizenDataProblem(text: string): string | null {
  const [hit] = findCitizenData(text);
  if (!hit) return null;
  return (
    `Dit veld lijkt ${LABEL[hit.kind]} van een burger te bevatten. Het casusregister is pseudoniem: ` +
    "noteer geen BSN, adres of geboortedatum. / This field seems to hold personal data of a citizen; the registry is pseudonymous."
  );
}
