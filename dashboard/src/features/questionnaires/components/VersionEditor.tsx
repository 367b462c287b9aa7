import { lazy, Suspense, useMemo, useState } from "react";
import { ApiFailure } from "../../../shared/api/client.ts";
import { useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { useCan } from "../../account/api/session.ts";
import * as m from "../api/model.ts";
import { QUESTIONNAIRE_CHANGES, useQuestionnaires, useVersion, type Version } from "../api/questionnaires.ts";
import { AdvancedJson } from "./AdvancedJson.tsx";
import { PagesEditor } from "./PagesEditor.tsx";
import "./editor.css";

// survey-core and its renderer are large: only those who open the preview load them.
const PreviewPanel = lazy(() => import("./PreviewPanel.tsx"));

export type Tab = "vragen" | "geavanceerd" | "voorbeeld";
const TABS: { tab: Tab; label: "qn.tabQuestions" | "qn.tabAdvanced" | "qn.tabPreview" }[] = [
  { tab: "vragen", label: "qn.tabQuestions" },
  { tab: "geavanceerd", label: "qn.tabAdvanced" },
  { tab: "voorbeeld", label: "qn.tabPreview" },
];

/** One version of a questionnaire: editable while no wave uses it, else read-only. */
export function VersionEditor({ id, tab, onTab }: { id: string; tab: Tab; onTab: (tab: Tab) => void }) {
  const { version, loading, error } = useVersion(id);
  const base = useVersion(version?.basedOnId ?? null).version;
  if (!version) return <Status loading={loading} error={error} />;
  return <Editor key={version.id} version={version} base={base} tab={tab} onTab={onTab} />;
}

function Editor({ version, base, tab, onTab }: { version: Version; base: Version | undefined; tab: Tab; onTab: (tab: Tab) => void }) {
  const { t } = useI18n();
  const can = useCan();
  const library = useQuestionnaires().list;
  const [doc, setDoc] = useState(() => m.toDoc(version.definition));
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problems, setProblems] = useState<m.Json[]>([]);
  const [comparability, setComparability] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(version.reworded.filter((r) => r.comparable !== null).map((r) => [r.question, r.comparable as boolean])),
  );
  const { error, busy, run } = useSubmit();
  const save = useSend("updateQuestionnaireVersion", "PUT", QUESTIONNAIRE_CHANGES);

  const summary = library.flatMap((q) => q.versions).find((v) => v.id === version.id);
  const readOnly = version.inUse || !can("questionnaires:write");
  // The server's own list until the copied version has loaded, then the same rule live.
  const reworded = useMemo(
    () => (base ? m.reworded(m.toDoc(base.definition), doc) : version.reworded.map((r) => r.question)),
    [base, doc, version.reworded],
  );

  const change = (next: m.Doc) => {
    setDoc(next);
    setDirty(true);
    setSaved(false);
  };

  async function submit() {
    setSaved(false);
    await run(async () => {
      try {
        const answers = Object.fromEntries(reworded.filter((q) => comparability[q] !== undefined).map((q) => [q, comparability[q]]));
        // The library lists a version by its own title: it follows the questionnaire's Dutch title when that is usable.
        const dutchTitle = m.textIn(doc.title, "nl").trim();
        const title = dutchTitle.length >= 3 && dutchTitle.length <= 200 ? { title: dutchTitle } : {};
        await save.send(`/questionnaires/${version.id}`, { ...title, definition: doc, comparability: answers });
        setProblems([]);
        setDirty(false);
        setSaved(true);
      } catch (e) {
        setProblems(e instanceof ApiFailure ? (e.details as m.Json[]) : []);
        throw e;
      }
    });
  }

  const title = m.textIn(doc.title, "nl") || version.title;
  return (
    <section aria-labelledby="qn-editor-title" className="stack qn-editor">
      <h2 id="qn-editor-title">{t("qn.editorTitle", { title, n: version.version })}</h2>
      {base && <p className="hint">{t("qn.basedOn", { n: base.version })}</p>}
      {version.inUse ? (
        <p className="hint" role="note">
          {t("qn.lockedNote", { waves: summary?.waves.map((w) => w.name).join(", ") ?? "" })}
        </p>
      ) : (
        readOnly && <p className="hint">{t("qn.readOnly")}</p>
      )}
      <div role="tablist" aria-label={t("qn.tabs")} className="qn-tabs">
        {TABS.map((x) => (
          <button
            key={x.tab}
            type="button"
            role="tab"
            id={`qn-tab-${x.tab}`}
            aria-selected={tab === x.tab}
            aria-controls={`qn-panel-${x.tab}`}
            tabIndex={tab === x.tab ? 0 : -1}
            onClick={() => onTab(x.tab)}
            onKeyDown={(e) => {
              const i = TABS.findIndex((y) => y.tab === tab);
              const next = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : null;
              if (next === null) return;
              const to = TABS[(next + TABS.length) % TABS.length].tab;
              onTab(to);
              requestAnimationFrame(() => document.getElementById(`qn-tab-${to}`)?.focus());
            }}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`qn-panel-${tab}`} aria-labelledby={`qn-tab-${tab}`} className="stack">
        {tab === "vragen" && (
          <PagesEditor
            doc={doc}
            onChange={change}
            disabled={readOnly}
            problems={problems}
            reworded={reworded}
            comparability={comparability}
            onComparable={(name, c) => {
              setComparability((prev) => ({ ...prev, [name]: c }));
              setDirty(true);
              setSaved(false);
            }}
          />
        )}
        {tab === "geavanceerd" && <AdvancedJson doc={doc} readOnly={readOnly} onApply={change} />}
        {tab === "voorbeeld" && (
          <Suspense fallback={<Status loading />}>
            <PreviewPanel id={version.id} dirty={dirty} />
          </Suspense>
        )}
      </div>
      {!readOnly && tab !== "voorbeeld" && (
        <div className="qn-save">
          {error && (
            <div role="alert" className="error">
              <p>
                {problems.length ? `${t("qn.problems")} ` : ""}
                {error.message || t("app.error")}
              </p>
              {problems.length > 1 && (
                <ul>
                  {problems.map((p, i) => (
                    <li key={i}>{String(p.message ?? p.question ?? "")}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {saved && (
            <p role="status" className="ok">
              {t("qn.saved")}
            </p>
          )}
          {dirty && !saved && <p className="hint">{t("qn.unsaved")}</p>}
          <div>
            <button type="button" onClick={submit} disabled={busy}>
              {busy ? t("qn.saving") : t("qn.save")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
