import { useState } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { type Doc, toDoc } from "../api/model.ts";

/** "Geavanceerd": the definition as SurveyJS JSON, for power users; the server checks it on saving as it checks the editor's. */
export function AdvancedJson({ doc, readOnly, onApply }: { doc: Doc; readOnly: boolean; onApply: (doc: Doc) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(doc, null, 2));
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  function apply() {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setMessage({ ok: false, text: t("qn.jsonInvalid", { message: (e as Error).message }) });
      return;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Array.isArray((parsed as { pages?: unknown }).pages)) {
      setMessage({ ok: false, text: t("qn.jsonNoPages") });
      return;
    }
    onApply(toDoc(parsed));
    setMessage({ ok: true, text: t("qn.jsonApplied") });
  }

  return (
    <div className="stack">
      <label htmlFor="qn-json">{t("qn.json")}</label>
      <p id="qn-json-help" className="hint">
        {t("qn.jsonHelp")}
      </p>
      <textarea
        id="qn-json"
        className="qn-code qn-json"
        aria-describedby="qn-json-help"
        spellCheck={false}
        readOnly={readOnly}
        rows={24}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setMessage(undefined);
        }}
      />
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "ok" : "error"}>
          {message.text}
        </p>
      )}
      {!readOnly && (
        <div>
          <button type="button" onClick={apply}>
            {t("qn.applyJson")}
          </button>
        </div>
      )}
    </div>
  );
}
