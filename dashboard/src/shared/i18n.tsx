import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { t as translate, type Locale, type MessageKey } from "../../../i18n/messages.ts";
import { errorText, type ErrorParams } from "../../../api/lib/error-text.ts";

/** A text the API sends by catalog code (a closing problem, a review's gap), with the Dutch `message` beside it. */
export interface Coded {
  code: string;
  params?: Record<string, unknown>;
  message: string;
}

interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /**
   * A coded text in the reader's language; the server's Dutch only when the catalog lacks the code.
   * A plain string (a sentence stored before the codes, an evaluation's older snapshot) is shown as-is.
   */
  coded: (text: Coded | string) => string;
  toggle: () => void;
}
const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem("ks-locale") === "en" ? "en" : "nl"));
  // The page's language follows the choice from the start, not only after a toggle (WCAG 3.1.1).
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const toggle = () => {
    const next = locale === "nl" ? "en" : "nl";
    localStorage.setItem("ks-locale", next);
    setLocale(next);
  };
  // The contract types params loosely (any code, any label); errorText gives null for one it does not know.
  const coded = (text: Coded | string) =>
    typeof text === "string" ? text : (errorText(locale, text.code, text.params as ErrorParams) ?? text.message);
  return <Ctx.Provider value={{ locale, t, coded, toggle }}>{children}</Ctx.Provider>;
}

export function useI18n() {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("I18nProvider missing");
  return ctx;
}
