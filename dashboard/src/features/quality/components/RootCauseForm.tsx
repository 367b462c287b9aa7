import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { BRANCHES } from "./RootCauseView.tsx";
import type { Finding } from "../api/quality.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { FINDING_CHANGES } from "../api/changes.ts";

type Method = "five_whys" | "fishbone";
const MIN_WHYS = 2,
  MAX_WHYS = 7;

/**
 * Correction, root-cause analysis (5x waarom or visgraat), cause and "could it happen
 * elsewhere", in one PATCH. Fields already recorded start filled in; empty fields are
 * left out, because the API keeps what it is not sent.
 */
export function RootCauseForm({ finding }: { finding: Finding }) {
  const { t } = useI18n();
  const update = useSend("updateFinding", "PATCH", FINDING_CHANGES);
  const rca = finding.rootCauseAnalysis;
  const [method, setMethod] = useState<Method>(rca?.method ?? "five_whys");
  const [whys, setWhys] = useState<string[]>(rca?.method === "five_whys" ? rca.whys : ["", "", ""]);
  const [bones, setBones] = useState(
    rca?.method === "fishbone"
      ? { people: rca.people ?? "", process: rca.process ?? "", systems: rca.systems ?? "", partners: rca.partners ?? "" }
      : { people: "", process: "", systems: "", partners: "" },
  );
  const [text, setText] = useState({
    correction: finding.correction ?? "",
    rootCause: finding.rootCause ?? "",
    similarElsewhere: finding.similarElsewhere ?? "",
  });
  const { error, setError, busy, run } = useSubmit();
  const [notice, setNotice] = useState("");

  function analysis() {
    if (method === "five_whys") {
      const filled = whys.map((w) => w.trim()).filter(Boolean);
      return filled.length ? { method, whys: filled } : null;
    }
    const filled = Object.fromEntries(
      Object.entries(bones)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v),
    );
    return Object.keys(filled).length ? { method, ...filled } : null;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setNotice("");
    const a = analysis();
    if (a && "whys" in a && a.whys.length < MIN_WHYS) {
      setError(new Error(t("rca.needWhys", { n: MIN_WHYS })));
      return;
    }
    const body = {
      ...Object.fromEntries(
        Object.entries(text)
          .map(([k, v]) => [k, v.trim()])
          .filter(([, v]) => v),
      ),
      ...(a ? { rootCauseAnalysis: a } : {}),
    };
    if (!Object.keys(body).length) {
      setError(new Error(t("rca.nothing")));
      return;
    }
    await run(async () => {
      await update.send(`/findings/${finding.id}`, body);
      setNotice(t("rca.saved"));
    });
  }

  const area = (key: keyof typeof text, label: string) => (
    <>
      <label htmlFor={`rc-${key}`}>{label}</label>
      <textarea
        id={`rc-${key}`}
        rows={2}
        maxLength={key === "correction" ? 4000 : 2000}
        value={text[key]}
        onChange={(e) => setText({ ...text, [key]: e.target.value })}
      />
    </>
  );

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="rc-title">
      <h3 id="rc-title">{t("rca.formTitle")}</h3>
      {area("correction", t("finding.correction"))}
      <fieldset>
        <legend>{t("rca.method")}</legend>
        <div className="checks">
          <label className="check">
            <input type="radio" name="rc-method" checked={method === "five_whys"} onChange={() => setMethod("five_whys")} />{" "}
            {t("rca.fiveWhysName")}
          </label>
          <label className="check">
            <input type="radio" name="rc-method" checked={method === "fishbone"} onChange={() => setMethod("fishbone")} />{" "}
            {t("rca.fishboneName")}
          </label>
        </div>
      </fieldset>
      {method === "five_whys" ? (
        <fieldset>
          <legend>{t("rca.fiveWhysName")}</legend>
          <p className="hint">{t("rca.fiveWhysHelp")}</p>
          {whys.map((w, i) => (
            <div key={i} className="repeat-row">
              <div className="grow">
                <label htmlFor={`rc-why-${i}`}>{t("rca.whyN", { n: i + 1 })}</label>
                <input
                  id={`rc-why-${i}`}
                  value={w}
                  maxLength={500}
                  onChange={(e) => setWhys(whys.map((x, j) => (j === i ? e.target.value : x)))}
                />
              </div>
              {whys.length > MIN_WHYS && (
                <button type="button" className="secondary" onClick={() => setWhys(whys.filter((_, j) => j !== i))}>
                  {t("form.remove")}
                  <span className="sr-only"> {t("rca.whyN", { n: i + 1 })}</span>
                </button>
              )}
            </div>
          ))}
          {whys.length < MAX_WHYS && (
            <div>
              <button type="button" className="secondary" onClick={() => setWhys([...whys, ""])}>
                {t("rca.addWhy")}
              </button>
            </div>
          )}
        </fieldset>
      ) : (
        <fieldset>
          <legend>{t("rca.fishboneName")}</legend>
          <p className="hint">{t("rca.fishboneHelp")}</p>
          {BRANCHES.map(([k, label]) => (
            <div key={k}>
              <label htmlFor={`rc-bone-${k}`}>{t(label)}</label>
              <textarea
                id={`rc-bone-${k}`}
                rows={2}
                maxLength={1000}
                value={bones[k]}
                onChange={(e) => setBones({ ...bones, [k]: e.target.value })}
              />
            </div>
          ))}
        </fieldset>
      )}
      {area("rootCause", t("finding.rootCause"))}
      {area("similarElsewhere", t("finding.similarElsewhere"))}
      <div role="status" aria-live="polite" className="ok">
        {notice}
      </div>
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {t("rca.submit")}
        </button>
      </div>
    </form>
  );
}
