import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import type { Change } from "../api/overview.ts";

/** A change against the previous wave in words; the sign of the difference is always shown. */
export function ChangeText({ change, digits }: { change: Change | null; digits: number }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!change) return null;
  const diff = `${change.difference > 0 ? "+" : change.difference < 0 ? "−" : "±"}${f.number(Math.abs(change.difference), digits)}`;
  const tone = change.verdict === "significant_up" ? "tone-good" : change.verdict === "significant_down" ? "tone-warn" : "muted";
  return <span className={tone}>{t(`overview.verdict.${change.verdict}`, { diff })}</span>;
}
