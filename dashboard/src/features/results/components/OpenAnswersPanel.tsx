import { useI18n } from "../../../shared/i18n.tsx";
import { useDimensionName } from "../../../shared/dimensions.ts";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { GROUPING_KEY } from "./GroupResults.tsx";
import type { DimensionResult } from "../api/results.ts";
import type { MessageKey } from "../../../../../i18n/messages.ts";

const QUESTION_KEY: Record<string, MessageKey> = { goed: "open.q.goed", beter: "open.q.beter" };

/**
 * What partners wrote in their own words. The API only hands out the answers of groups of
 * at least 10 (and hides more where small groups could be worked out from the rest); the
 * page says so, so that a missing group is not read as "they had nothing to say".
 */
export function OpenAnswersPanel({
  waveId,
  dims,
  groupBy,
  dimension,
  onChange,
  name,
}: {
  waveId: string;
  dims: DimensionResult[];
  groupBy: "organisationType" | "branch" | "";
  dimension: string;
  onChange: (next: { ogroup?: "organisationType" | "branch" | ""; odim?: string }) => void;
  name: (grouping: string, key: string) => string;
}) {
  const { t } = useI18n();
  const dimName = useDimensionName();
  const res = useReply("listOpenAnswers", `/waves/${waveId}/open-answers`, { groupBy, dimension });
  const question = (q: string) => (QUESTION_KEY[q] ? t(QUESTION_KEY[q]) : q);
  const groupName = (key: string) => (res.data?.groupBy ? name(res.data.groupBy, key) : t("open.everyone"));
  return (
    <section aria-labelledby="open-title" className="stack">
      <h2 id="open-title">{t("open.title")}</h2>
      <p className="hint">{t("open.help", { n: res.data?.minGroupSize ?? 10 })}</p>
      <form role="search" aria-label={t("open.filters")} className="filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="open-group">{t("open.groupBy")}</label>
          <select
            id="open-group"
            value={groupBy}
            onChange={(e) => onChange({ ogroup: e.target.value as "organisationType" | "branch" | "" })}
          >
            <option value="">{t("open.everyone")}</option>
            <option value="organisationType">{t(GROUPING_KEY.organisationType)}</option>
            <option value="branch">{t(GROUPING_KEY.branch)}</option>
          </select>
        </div>
        <div>
          <label htmlFor="open-dimension">{t("results.dimension")}</label>
          <select id="open-dimension" value={dimension} onChange={(e) => onChange({ odim: e.target.value })}>
            <option value="">{t("filters.all")}</option>
            {dims.map((d) => (
              <option key={d.dimension} value={d.dimension}>
                {dimName(d.dimension, d.label)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div aria-busy={res.loading} aria-live="polite">
        {!res.data ? (
          <Status loading={res.loading} error={res.error} />
        ) : (
          <ul className="plain open-groups">
            {res.data.groups.map((g) => {
              const byQuestion = [...new Set(g.answers.map((a) => a.question))];
              return (
                <li key={g.key} className="card">
                  <h3>
                    {groupName(g.key)}{" "}
                    <span className="muted small">
                      {g.suppressed
                        ? t("results.suppressedCell", { n: res.data!.minGroupSize })
                        : t("open.respondents", { n: g.respondents ?? 0 })}
                    </span>
                  </h3>
                  {g.suppressed ? (
                    <p className="hint">{t("open.suppressed", { n: res.data!.minGroupSize })}</p>
                  ) : byQuestion.length === 0 ? (
                    <p className="empty">{dimension ? t("open.noneForDimension") : t("open.none")}</p>
                  ) : (
                    byQuestion.map((q) => (
                      <div key={q}>
                        <h4>{question(q)}</h4>
                        <ul className="quotes">
                          {g.answers
                            .filter((a) => a.question === q)
                            .map((a, i) => (
                              <li key={i}>{a.text}</li>
                            ))}
                        </ul>
                      </div>
                    ))
                  )}
                </li>
              );
            })}
            {res.data.groups.length === 0 && <li className="empty">{t("open.none")}</li>}
          </ul>
        )}
      </div>
    </section>
  );
}
