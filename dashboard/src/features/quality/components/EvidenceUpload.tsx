import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { FINDING_CHANGES } from "../api/changes.ts";

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.docx,.xlsx,.pptx,.odt,.ods";

/**
 * Uploads a file as evidence of this finding. Evidence is attached to the finding rather
 * than to one of its actions: the finding page, and the effectiveness review that picks
 * evidence from it, only list the finding's own files.
 */
export function EvidenceUpload({ findingId }: { findingId: string }) {
  const { t } = useI18n();
  const upload = useSend("uploadEvidence", "POST", FINDING_CHANGES);
  const { error, setError, busy, run } = useSubmit();
  const [notice, setNotice] = useState("");

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const input = new FormData(formEl);
    const file = input.get("file");
    setError(undefined);
    setNotice("");
    if (!(file instanceof File) || !file.size) {
      setError(new Error(t("evidence.needFile")));
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(new Error(t("evidence.tooLarge")));
      return;
    }
    const form = new FormData();
    form.set("file", file);
    form.set("concernsDate", String(input.get("concernsDate")));
    const description = String(input.get("description") ?? "").trim();
    if (description) form.set("description", description);
    form.set("findingId", findingId);
    await run(async () => {
      const { evidence } = await upload.send("/evidence", form);
      formEl.reset();
      setNotice(t("evidence.uploaded", { name: evidence.filename }));
    });
  }

  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="ev-title">
      <h3 id="ev-title">{t("evidence.add")}</h3>
      <label htmlFor="ev-file">{t("evidence.file")}</label>
      <input id="ev-file" name="file" type="file" required accept={ACCEPT} aria-describedby="ev-file-help" />
      <p id="ev-file-help" className="hint">
        {t("evidence.fileHelp")}
      </p>
      <div className="field-row">
        <div>
          <label htmlFor="ev-date">{t("evidence.concerns")}</label>
          <input id="ev-date" name="concernsDate" type="date" required max={today()} defaultValue={today()} />
        </div>
        <div className="grow">
          <label htmlFor="ev-description">{t("evidence.description")}</label>
          <input id="ev-description" name="description" maxLength={1000} />
        </div>
      </div>
      <div role="status" aria-live="polite" className="ok">
        {notice}
      </div>
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {t("evidence.submit")}
        </button>
      </div>
    </form>
  );
}
