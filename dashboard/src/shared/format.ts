import { useI18n } from "./i18n.tsx";
import { parseIsoDay } from "./dateFields.ts";

/**
 * Today as yyyy-mm-dd. The API judges "in the future" by the UTC date, so the dashboard
 * uses the same day; a local date would be refused for an hour or two after midnight.
 */
export const today = () => new Date().toISOString().slice(0, 10);

/** Adds days to a yyyy-mm-dd date. */
export function addDays(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Number, percentage, money and date formatting in the chosen language (nl-NL or en-GB). */
export function useFormat() {
  const { locale } = useI18n();
  const tag = locale === "en" ? "en-GB" : "nl-NL";
  const number = (v: number, digits = 0) =>
    new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  const dateFmt = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const monthFmt = new Intl.DateTimeFormat(tag, { month: "short", year: "numeric", timeZone: "UTC" });
  return {
    tag,
    number,
    /** A share 0..1 as "87 %" (Dutch, non-breaking space) or "87%" (English); "–" when there is nothing to divide. */
    percent: (share: number | null | undefined, digits = 0) =>
      share === null || share === undefined ? "–" : `${number(100 * share, digits)}${locale === "en" ? "%" : "\u00a0%"}`,
    money: (v: number) => new Intl.NumberFormat(tag, { style: "currency", currency: "EUR" }).format(v),
    /** Whole euros, as totals are read: "€ 10.693". */
    euros: (v: number) => new Intl.NumberFormat(tag, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(v),
    // Text that is no real date is shown as it is rather than throwing (a RangeError blanks the whole page).
    date: (iso: string | null | undefined) => (iso ? ((d) => (d ? dateFmt.format(d) : iso))(parseIsoDay(iso)) : "–"),
    dateTime: (iso: string) => new Date(iso).toLocaleString(tag),
    month: (yyyyMm: string) => monthFmt.format(new Date(`${yyyyMm}-01T00:00:00Z`)),
    bytes: (n: number) =>
      n < 1024 ? `${number(n)} B` : n < 1024 * 1024 ? `${number(n / 1024, 1)} kB` : `${number(n / 1024 / 1024, 1)} MB`,
  };
}
