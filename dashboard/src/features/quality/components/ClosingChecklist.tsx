import { useState } from "react";
import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useSend } from "../../../shared/api/query.ts";
import { ApiFailure } from "../../../shared/api/client.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { isNonconformity, type FindingDetail } from "../api/quality.ts";
import { FINDING_CHANGES } from "../api/changes.ts";

/** What closing asks (api/domain/quality/closing.ts), one line per requirement, with the API's codes that refuse it. */
const ALWAYS: [MessageKey, string[]][] = [["closing.actionsDone", ["actions_open"]]];
const NONCONFORMITY: [MessageKey, string[]][] = [
  ["closing.correction", ["correction_missing"]],
  ["closing.rootCause", ["root_cause_missing"]],
  ["closing.similar", ["similar_unchecked"]],
  ["closing.finishedAction", ["no_finished_action"]],
  ["closing.review", ["review_missing", "review_by_owner", "review_not_effective"]],
];

/**
 * The checklist of what still blocks closing: every requirement with a tick or a cross
 * and the words "gedaan" / "nog te doen", the API's own explanation under a cross. A
 * refused close shows every reason the API gives.
 */
export function ClosingChecklist({ finding, canWrite }: { finding: FindingDetail; canWrite: boolean }) {
  // The API sends each problem's code and params; `coded` gives the catalog's text in the reader's language.
  const { t, coded } = useI18n();
  const closing = useSend("closeFinding", "POST", FINDING_CHANGES);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const rules = [...ALWAYS, ...(isNonconformity(finding.classification) ? NONCONFORMITY : [])];
  const known = new Set(rules.flatMap(([, codes]) => codes));
  const other = finding.closingProblems.filter((p) => !known.has(p.code) && p.code !== "already_closed");

  async function close() {
    setBusy(true);
    setError(undefined);
    try {
      await closing.send(`/findings/${finding.id}/close`);
    } catch (err) {
      // The API's message strings every reason together; its details list them one by one, so show the list under a short lead.
      setError(
        err instanceof ApiFailure && err.details.length
          ? new ApiFailure(err.status, err.code, t("closing.refused"), undefined, err.details)
          : (err as Error),
      );
    } finally {
      setBusy(false);
    }
  }

  if (finding.closedAt)
    return (
      <p className="ok">
        <span aria-hidden="true">✓ </span>
        {t("closing.closed")}
      </p>
    );
  return (
    <div className="stack">
      <p>{finding.closingProblems.length ? t("closing.blocked", { n: finding.closingProblems.length }) : t("closing.ready")}</p>
      <ul className="checklist">
        {rules.map(([label, codes]) => {
          const problems = finding.closingProblems.filter((p) => codes.includes(p.code));
          return (
            <li key={label} className={problems.length ? "todo" : "done"}>
              <span aria-hidden="true" className="check-mark">
                {problems.length ? "✗" : "✓"}
              </span>
              <span className="sr-only">{problems.length ? t("closing.todo") : t("closing.done")}: </span>
              {t(label)}
              {problems.map((p) => (
                <span key={p.code} className="hint">
                  {" "}
                  – {coded(p)}
                </span>
              ))}
            </li>
          );
        })}
        {other.map((p) => (
          <li key={p.code} className="todo">
            <span aria-hidden="true" className="check-mark">
              ✗
            </span>
            <span className="sr-only">{t("closing.todo")}: </span>
            {coded(p)}
          </li>
        ))}
      </ul>
      {canWrite && (
        <div>
          <button type="button" onClick={close} disabled={busy}>
            {t("closing.close")}
          </button>
        </div>
      )}
      <Status error={error} />
    </div>
  );
}
