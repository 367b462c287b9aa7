import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { useNavigate } from "@tanstack/react-router";
import { Status } from "../../../shared/components/Status.tsx";
import { parseClauses } from "../api/clauses.ts";
import { CLASS_KEY, CLASSIFICATIONS, CONFERENCE_METRICS, FINDING_SOURCES, METRIC_KEY, SOURCE_KEY, type Source } from "../api/quality.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { FINDING_CHANGES } from "../api/changes.ts";
import type { Body } from "../../../shared/api/contract.ts";

/**
 * "Bevinding vastleggen" for sources other than a survey wave (that one has its own
 * form, which records the baseline). An audit, risk or conference metric can be named
 * as the origin, so the finding can be traced back.
 */
export function FindingForm() {
  const navigate = useNavigate();
  const { t } = useI18n();
  const [source, setSource] = useState<Source>("complaint");
  const { error, setError, busy, run } = useSubmit();
  const create = useSend("createFinding", "POST", FINDING_CHANGES);
  const risks = useReply("listRisks", source === "risk" ? "/risks" : null);
  const audits = useReply("getAuditProgramme", source === "audit" ? "/audits/programme" : null, { year: Number(today().slice(0, 4)) });

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    const { clauses, invalid } = parseClauses(text("clauses"));
    setError(undefined);
    if (invalid.length || !clauses.length) {
      setError(new Error(t("finding.clausesInvalid", { list: invalid.join(", ") || "–" })));
      return;
    }
    await run(
      async () => {
        const origin =
          source === "risk"
            ? { sourceRiskId: text("origin") }
            : source === "audit"
              ? { sourceAuditId: text("origin") }
              : source === "conference_metric"
                ? { sourceMetric: text("origin") }
                : {};
        const { finding } = await create.send("/findings", {
          source,
          title: text("title"),
          description: text("description"),
          classification: text("classification"),
          clauses,
          foundOn: text("foundOn"),
          ...Object.fromEntries(Object.entries(origin).filter(([, v]) => v)),
          ...(text("correction") ? { correction: text("correction") } : {}),
        } as Body<"createFinding">);
        await navigate({ to: "/verbetercyclus/$findingId", params: { findingId: finding.id } });
      },
      { keepBusyOnSuccess: true },
    );
  }

  const originOptions =
    source === "risk"
      ? (risks.data?.risks ?? []).map((r) => ({ id: r.id, label: `${r.ref} ${r.title}` }))
      : source === "audit"
        ? (audits.data?.processes ?? []).flatMap((p) => p.audits).map((a) => ({ id: a.id, label: `${a.ref} ${a.processName}` }))
        : source === "conference_metric"
          ? CONFERENCE_METRICS.map((m) => ({ id: m, label: t(METRIC_KEY[m]) }))
          : null;

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="finding-form-title">
      <h2 id="finding-form-title" className="sr-only">
        {t("finding.add")}
      </h2>
      <p className="hint">{t("finding.addHelp")}</p>
      <div className="field-row">
        <div>
          <label htmlFor="ff-source">{t("finding.source")}</label>
          <select id="ff-source" value={source} onChange={(e) => setSource(e.target.value as Source)}>
            {FINDING_SOURCES.filter((s) => s !== "survey").map((s) => (
              <option key={s} value={s}>
                {t(SOURCE_KEY[s])}
              </option>
            ))}
          </select>
        </div>
        {originOptions && (
          <div className="grow">
            <label htmlFor="ff-origin">{t("finding.origin")}</label>
            <select id="ff-origin" name="origin" defaultValue="">
              <option value="">{t("finding.originNone")}</option>
              {originOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <label htmlFor="ff-title">{t("finding.title")}</label>
      <input id="ff-title" name="title" required maxLength={200} />
      <label htmlFor="ff-description">{t("finding.description")}</label>
      <textarea id="ff-description" name="description" required maxLength={4000} rows={3} />
      <div className="field-row">
        <div>
          <label htmlFor="ff-class">{t("finding.classification")}</label>
          <select id="ff-class" name="classification" defaultValue="minor_nc">
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {t(CLASS_KEY[c])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ff-clauses">{t("finding.clauses")}</label>
          <input id="ff-clauses" name="clauses" required aria-describedby="ff-clauses-help" placeholder="8.5.1" />
          <p id="ff-clauses-help" className="hint">
            {t("finding.clausesHelp")}
          </p>
        </div>
        <div>
          <label htmlFor="ff-found">{t("finding.foundOn")}</label>
          <input id="ff-found" name="foundOn" type="date" required max={today()} defaultValue={today()} />
        </div>
      </div>
      <label htmlFor="ff-correction">{t("finding.correctionOptional")}</label>
      <textarea id="ff-correction" name="correction" maxLength={4000} rows={2} />
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {t("finding.submit")}
        </button>
      </div>
    </form>
  );
}
