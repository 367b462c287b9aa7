import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { t as translate, type Locale, type MessageKey } from "../../../i18n/messages.ts";

interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
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
  return <Ctx.Provider value={{ locale, t, toggle }}>{children}</Ctx.Provider>;
}

export function useI18n() {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("I18nProvider missing");
  return ctx;
}
