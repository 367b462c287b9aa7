import { useEffect, useRef } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { REGISTRY_CHANGES } from "../api/changes.ts";
import type { Case } from "../api/registry.ts";
import { CaseStatusForm, STATUS_KEY } from "./CaseStatusForm.tsx";

/**
 * One case in a dialog: its facts, the status change and "lokaal, tenzij". Editing lives
 * here rather than in every row, so the list stays a list.
 */
export function CaseDetail({
  item,
  name,
  canWrite,
  canHandleLocally,
  onClose,
}: {
  item: Case;
  name: (id: string) => string;
  canWrite: boolean;
  canHandleLocally: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const f = useFormat();
  const ref = useRef<HTMLDialogElement>(null);
  // The list's row may be stale after a change; the case itself is read fresh.
  const fresh = useReply("getCase", `/cases/${item.id}`).data?.case ?? item;
  const local = useSend("markCaseHandledLocally", "POST", REGISTRY_CHANGES);
  const { error, busy, run } = useSubmit();
  // No close() on cleanup: under StrictMode the effect runs twice, and a close would end the dialog at once.
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const title = `case-detail-${item.id}`;
  return (
    <dialog ref={ref} className="case-detail card stack" aria-labelledby={title} onClose={onClose}>
      <h2 id={title}>{t("case.detailTitle", { code: fresh.code })}</h2>
      <dl className="facts">
        <dt>{t("case.municipality")}</dt>
        <dd>{name(fresh.municipalityId)}</dd>
        <dt>{t("case.themes")}</dt>
        <dd>{fresh.themeIds.map(name).join(", ")}</dd>
        <dt>{t("case.status")}</dt>
        <dd>{t(STATUS_KEY[fresh.status])}</dd>
        <dt>{t("case.registeredOn")}</dt>
        <dd>{f.date(fresh.registeredOn)}</dd>
        <dt>{t("case.local")}</dt>
        <dd data-testid="case-local">
          {fresh.handledLocallyOn ? t("case.localSince", { date: f.date(fresh.handledLocallyOn) }) : t("form.no")}
        </dd>
      </dl>
      {canWrite && (
        <>
          <h3>{t("case.changeStatus")}</h3>
          <CaseStatusForm item={fresh} />
        </>
      )}
      {canHandleLocally && !fresh.handledLocallyOn && (
        <div className="stack">
          <p className="hint" id={`${title}-local`}>
            {t("case.markLocalHelp")}
          </p>
          <button
            type="button"
            disabled={busy}
            aria-describedby={`${title}-local`}
            onClick={() => run(async () => void (await local.send(`/cases/${fresh.id}/local`, {})))}
          >
            {t("case.markLocal")}
          </button>
        </div>
      )}
      <Status error={error} />
      <button type="button" className="secondary" onClick={() => ref.current?.close()}>
        {t("case.close")}
      </button>
    </dialog>
  );
}
