import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { Badge, type Tone } from "../../../shared/components/Badge.tsx";
import type { Evaluation, Measure } from "../api/quality.ts";

const STATUS: Record<Evaluation["status"], [Tone, string, MessageKey]> = {
  gehaald: ["good", "✓", "eval.gehaald"],
  niet_gehaald: ["warn", "✗", "eval.niet_gehaald"],
  nog_niet_meetbaar: ["neutral", "…", "eval.nog_niet_meetbaar"],
  handmatig: ["info", "✎", "eval.handmatig"],
};

/** The automatic check of an action's criterion: baseline → result, the verdict, and every caveat. */
export function EvaluationView({ evaluation: e }: { evaluation: Evaluation }) {
  const { t, coded } = useI18n();
  const f = useFormat();
  const [tone, symbol, label] = STATUS[e.status];
  // Three decimals would print a tiny p as "0,000", which reads as impossible rather than as very small.
  const pValue = (p: number) => (p < 0.001 ? `< ${f.number(0.001, 3)}` : `= ${f.number(p, 3)}`);
  const measure = (m: Measure | null) =>
    m ? (
      <>
        {f.number(m.value, 2)}{" "}
        <span className="muted">
          ({coded(m.label)}; n = {m.n}
          {m.ci ? `; ${t("source.ci", { low: f.number(m.ci.low, 2), high: f.number(m.ci.high, 2) })}` : ""})
        </span>
      </>
    ) : (
      <span className="muted">{t("eval.noMeasure")}</span>
    );
  return (
    <div className="evaluation">
      <p>
        <strong>{t("eval.title")}:</strong>{" "}
        <Badge tone={tone} symbol={symbol}>
          {t(label)}
        </Badge>
      </p>
      {e.status !== "handmatig" && (
        <dl className="facts">
          <div>
            <dt>{t("eval.baseline")}</dt>
            <dd>{measure(e.baseline)}</dd>
          </div>
          <div>
            <dt>{t("eval.result")}</dt>
            <dd>{measure(e.result)}</dd>
          </div>
          {e.target !== null && (
            <div>
              <dt>{t("eval.target")}</dt>
              <dd>{f.number(e.target, 2)}</dd>
            </div>
          )}
          {e.change && (
            <div>
              <dt>{t("eval.change")}</dt>
              <dd>{t(e.change.significant ? "eval.significant" : "eval.notSignificant", { p: pValue(e.change.p) })}</dd>
            </div>
          )}
        </dl>
      )}
      {/* By code in the reader's language; an evaluation stored before the codes holds its Dutch sentence. */}
      <p className="hint">{coded(e.explanation)}</p>
      {e.caveats.length > 0 && (
        <div className="caveats">
          <p>
            <span aria-hidden="true">⚠ </span>
            {t("eval.caveats")}
          </p>
          <ul>
            {/* A caveat by code reads in the reader's language; an older stored evaluation holds the Dutch sentence. */}
            {e.caveats.map((c, i) => (
              <li key={i}>{coded(c)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
