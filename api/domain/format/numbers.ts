/**
 * The one server-side formatting of numbers, percentages, money and dates for people
 * (PDF reports, evidence packs, texts the server writes such as a finding's description).
 * Built on Intl.NumberFormat and date-fns with the nl / en-GB locales. Pure: runs on Node
 * and on Workers. Machine formats (CSV numbers, JSON) do not come through here.
 */
import { format, parseISO } from "date-fns";
// Per-locale paths: the barrel "date-fns/locale" drags every locale into a front-end bundle.
import { enGB } from "date-fns/locale/en-GB";
import { nl } from "date-fns/locale/nl";
import type { Locale } from "../../../i18n/messages.ts";

const TAGS: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };
const DATE_LOCALES = { nl, en: enGB };
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, decimals: number) {
  const key = `${locale}:${decimals}`;
  let f = formats.get(key);
  if (!f) {
    // signDisplay "negative": a value that rounds to zero is "0", never "-0".
    f = new Intl.NumberFormat(TAGS[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: "negative" });
    formats.set(key, f);
  }
  return f;
}

/** 1234.5 → "1.234,5" (nl) or "1,234.5" (en), with exactly `decimals` decimals; "–" when not a number. */
export function formatNumber(value: number, locale: Locale = "nl", decimals = 0): string {
  return Number.isFinite(value) ? numberFormat(locale, decimals).format(value) : "–";
}

/** A share (0..1) as a percentage: 0.791 → "79,1 %" (nl, as Dutch style writes it) or "79.1%" (en). */
export function formatPercent(share: number, locale: Locale = "nl", decimals = 1): string {
  if (!Number.isFinite(share)) return "–";
  return `${formatNumber(100 * share, locale, decimals)}${locale === "nl" ? " %" : "%"}`;
}

/** Whole hours stay whole; otherwise one decimal, as people write hours. */
export function formatHours(value: number, locale: Locale = "nl"): string {
  return formatNumber(value, locale, Number.isInteger(Math.round(value * 10) / 10) ? 0 : 1);
}

/** Whole euros: "€ 1.234" (nl) or "€1,234" (en). */
export function formatEuro(value: number, locale: Locale = "nl"): string {
  const amount = formatNumber(Math.abs(value), locale);
  const sign = value < 0 && amount !== "0" ? "-" : "";
  return locale === "nl" ? `${sign}€ ${amount}` : `${sign}€${amount}`;
}

/** A confidence interval: "3,22–3,54". */
export function formatInterval(ci: { low: number; high: number }, locale: Locale = "nl", decimals = 2): string {
  return `${formatNumber(ci.low, locale, decimals)}–${formatNumber(ci.high, locale, decimals)}`;
}

/** A yyyy-mm-dd day in words ("31 maart 2026"); an unreadable date is shown as given rather than throwing. */
export function formatDay(iso: string, locale: Locale = "nl", pattern = "d MMMM yyyy"): string {
  const date = parseISO(iso);
  return Number.isNaN(date.getTime()) ? iso : format(date, pattern, { locale: DATE_LOCALES[locale] });
}

/** Short month and year of a yyyy-mm month, for chart axes: ["mrt", "2026"]. */
export function formatMonth(month: string, locale: Locale = "nl"): [string, string] {
  const date = parseISO(`${month}-01`);
  if (Number.isNaN(date.getTime())) return [month, ""];
  return [format(date, "LLL", { locale: DATE_LOCALES[locale] }), format(date, "yyyy")];
}

/** The calendar day of an instant as the Dutch reader saw it, whatever time zone the server runs in. */
export function localDay(isoInstant: string): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant.slice(0, 10);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
