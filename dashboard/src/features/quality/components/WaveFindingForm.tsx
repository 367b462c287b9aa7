import { useState, type FormEvent } from "react";
import { useDimensionName } from "../../../shared/dimensions.ts";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { useWaves } from "../../survey/api/waves.ts";
import { useNavigate } from "@tanstack/react-router";
import { Status } from "../../../shared/components/Status.tsx";
import { parseClauses } from "../api/clauses.ts";
import { CLASS_KEY, CLASSIFICATIONS } from "../api/quality.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { FINDING_CHANGES } from "../api/changes.ts";
import type { Body } from "../../../shared/api/contract.ts";

/** Scored 1–5, so comparable; the grade (1–10) and NPS (0–10) are not dimensions to pick here. */
const OTHER_SCALES = ["nps", "rapportcijfer"];

/**
 * A low-scoring dimension of a wave becomes a finding in one step; the API stores the
 * score, n and interval as the baseline the later actions are measured against. The
 * scores are shown lowest first so the user picks the low one knowingly.
 */
export function WaveFindingForm() {
  const navigate = useNavigate();
  const { t } = useI18n();
  const dimName = useDimensionName();
  const f = useFormat();
  const waves = useWaves();
  const withAnswers = (waves.data?.waves ?? []).filter((w) => w.responded > 0);
  const [waveId, setWaveId] = useState("");
  const [dimension, setDimension] = useState("");
  const { error, setError, busy, run } = useSubmit();
  const create = useSend("createFindingFromWave", "POST", FINDING_CHANGES);
  const results = useReply("getWaveResults", waveId ? `/waves/${waveId}/results` : null);
  const dims = [...(results.data?.overall.dimensions ?? [])]
    .filter((d) => !OTHER_SCALES.includes(d.dimension))
    .sort((a, b) => a.mean - b.mean);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const { clauses, invalid } = parseClauses(String(form.get("clauses") ?? ""));
    setError(undefined);
    if (!dimension) {
      setError(new Error(t("waveFinding.needDimension")));
      return;
    }
    if (invalid.length || !clauses.length) {
      setError(new Error(t("finding.clausesInvalid", { list: invalid.join(", ") || "–" })));
      return;
    }
    await run(
      async () => {
        const title = String(form.get("title") ?? "").trim();
        const { finding } = await create.send(`/waves/${waveId}/findings`, {
          dimension,
          classification: form.get("classification"),
          clauses,
          ...(title ? { title } : {}),
        } as Body<"createFindingFromWave">);
        await navigate({ to: "/verbetercyclus/$findingId", params: { findingId: finding.id } });
      },
      { keepBusyOnSuccess: true },
    );
  }

  if (!waves.data) return <Status loading={waves.loading} error={waves.error} />;
  if (!withAnswers.length) return <p className="empty">{t("waveFinding.noWaves")}</p>;
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="wave-finding-title">
      <h2 id="wave-finding-title" className="sr-only">
        {t("waveFinding.title")}
      </h2>
      <p className="hint">{t("waveFinding.help")}</p>
      <label htmlFor="wf-wave">{t("results.wave")}</label>
      <select
        id="wf-wave"
        value={waveId}
        required
        onChange={(e) => {
          setWaveId(e.target.value);
          setDimension("");
        }}
      >
        <option value="">{t("form.choose")}</option>
        {withAnswers.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
      {waveId &&
        (results.loading || results.error ? (
          <Status loading={results.loading} error={results.error} />
        ) : results.data?.overall.suppressed ? (
          <p className="empty">{t("results.suppressed")}</p>
        ) : !dims.length ? (
          <p className="empty">{t("results.none")}</p>
        ) : (
          <fieldset>
            <legend>{t("waveFinding.pickDimension")}</legend>
            <table>
              <caption className="sr-only">{t("waveFinding.scores")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("results.dimension")}</th>
                  <th scope="col">{t("results.mean")}</th>
                  <th scope="col">{t("results.ci")}</th>
                  <th scope="col">{t("results.n")}</th>
                </tr>
              </thead>
              <tbody>
                {dims.map((d, i) => (
                  <tr key={d.dimension}>
                    <th scope="row">
                      <label className="check">
                        <input
                          type="radio"
                          name="dimension"
                          value={d.dimension}
                          checked={dimension === d.dimension}
                          onChange={() => {
                            setDimension(d.dimension);
                            setError(undefined);
                          }}
                        />{" "}
                        {dimName(d.dimension, d.label)}
                        {i === 0 && (
                          <>
                            {" "}
                            <span className="badge tone-caution">{t("waveFinding.lowest")}</span>
                          </>
                        )}
                      </label>
                    </th>
                    <td>{f.number(d.mean, 2)}</td>
                    <td>{d.ci ? `${f.number(d.ci.low, 2)} – ${f.number(d.ci.high, 2)}` : "–"}</td>
                    <td>{d.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
        ))}
      <div className="field-row">
        <div>
          <label htmlFor="wf-class">{t("finding.classification")}</label>
          <select id="wf-class" name="classification" defaultValue="opportunity">
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {t(CLASS_KEY[c])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="wf-clauses">{t("finding.clauses")}</label>
          <input id="wf-clauses" name="clauses" required defaultValue="9.1.2" aria-describedby="wf-clauses-help" />
          <p id="wf-clauses-help" className="hint">
            {t("finding.clausesHelp")}
          </p>
        </div>
        <div className="grow">
          <label htmlFor="wf-title">{t("waveFinding.titleOptional")}</label>
          <input id="wf-title" name="title" maxLength={200} />
        </div>
      </div>
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {t("waveFinding.submit")}
        </button>
      </div>
    </form>
  );
}
