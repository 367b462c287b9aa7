import { useState } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import * as m from "../api/model.ts";
import { QuestionEditor, typeLabel } from "./QuestionEditor.tsx";
import { TextPair } from "./TextPair.tsx";

/**
 * After a move the button pressed has travelled with its question: keyboard users keep their
 * place (the list is keyed by position, so focus would otherwise stay behind).
 */
function refocus(selector: string, fallback: string) {
  requestAnimationFrame(() => {
    const target = document.querySelector<HTMLButtonElement>(selector);
    (target && !target.disabled ? target : document.querySelector<HTMLButtonElement>(fallback))?.focus();
  });
}

export function PagesEditor({
  doc,
  onChange,
  disabled,
  problems,
  reworded,
  comparability,
  onComparable,
}: {
  doc: m.Doc;
  onChange: (doc: m.Doc) => void;
  disabled: boolean;
  problems: m.Json[];
  reworded: string[];
  comparability: Record<string, boolean>;
  onComparable: (name: string, comparable: boolean) => void;
}) {
  const { t } = useI18n();
  let number = 0;
  return (
    <div className="stack">
      <TextPair
        label={t("qn.surveyTitle")}
        value={doc.title}
        disabled={disabled}
        onChange={(title) => onChange(m.updateDoc(doc, { title }))}
      />
      {doc.pages.map((page, p) => (
        <section key={p} id={`qn-page-${p}`} className="card stack qn-page" aria-labelledby={`qn-page-${p}-title`}>
          <h3 id={`qn-page-${p}-title`}>{t("qn.page", { n: p + 1 })}</h3>
          <TextPair
            label={t("qn.pageTitle")}
            value={page.title}
            disabled={disabled}
            onChange={(title) => onChange(m.updatePage(doc, p, { title }))}
          />
          {page.elements.length === 0 && <p className="empty">{t("qn.emptyPage")}</p>}
          <ol className="qn-questions">
            {page.elements.map((el, i) => {
              number += 1;
              const name = typeof el.name === "string" ? el.name : "";
              return (
                <li key={i} id={`qn-q-${p}-${i}`}>
                  <QuestionEditor
                    el={el}
                    number={number}
                    first={i === 0}
                    last={i === page.elements.length - 1}
                    disabled={disabled}
                    problems={m.problemsAt(problems, p, i, el.name)}
                    reworded={reworded.includes(name) ? { comparable: comparability[name] } : null}
                    onChange={(patch) => onChange(m.updateElement(doc, p, i, patch))}
                    onComparable={(c) => onComparable(name, c)}
                    onMove={(delta) => {
                      onChange(m.moveElement(doc, p, i, delta));
                      const dir = delta < 0 ? "up" : "down";
                      refocus(
                        `#qn-q-${p}-${i + delta} [data-move="${dir}"]`,
                        `#qn-q-${p}-${i + delta} [data-move="${dir === "up" ? "down" : "up"}"]`,
                      );
                    }}
                    onRemove={() => {
                      onChange(m.removeElement(doc, p, i));
                      refocus(`#qn-page-${p} .qn-add select`, `#qn-page-${p} .qn-add select`);
                    }}
                  />
                </li>
              );
            })}
          </ol>
          {!disabled && (
            <AddQuestion
              page={p}
              onAdd={(type) => {
                onChange(m.addElement(doc, p, m.newQuestion(doc, type)));
                const added = `#qn-q-${p}-${page.elements.length} select`;
                refocus(added, added);
              }}
            />
          )}
          {!disabled && (
            <div className="qn-actions">
              <button
                type="button"
                className="small-button"
                data-move="up"
                disabled={p === 0}
                onClick={() => {
                  onChange(m.movePage(doc, p, -1));
                  refocus(`#qn-page-${p - 1} > .qn-actions [data-move="up"]`, `#qn-page-${p - 1} > .qn-actions [data-move="down"]`);
                }}
              >
                {t("qn.pageUp", { n: p + 1 })}
              </button>
              <button
                type="button"
                className="small-button"
                data-move="down"
                disabled={p === doc.pages.length - 1}
                onClick={() => {
                  onChange(m.movePage(doc, p, 1));
                  refocus(`#qn-page-${p + 1} > .qn-actions [data-move="down"]`, `#qn-page-${p + 1} > .qn-actions [data-move="up"]`);
                }}
              >
                {t("qn.pageDown", { n: p + 1 })}
              </button>
              <button
                type="button"
                className="small-button"
                disabled={doc.pages.length === 1}
                onClick={() => onChange(m.removePage(doc, p))}
              >
                {t("qn.removePage", { n: p + 1 })}
              </button>
            </div>
          )}
        </section>
      ))}
      {!disabled && (
        <div>
          <button type="button" onClick={() => onChange(m.addPage(doc))}>
            {t("qn.addPage")}
          </button>
        </div>
      )}
    </div>
  );
}

function AddQuestion({ page, onAdd }: { page: number; onAdd: (type: m.QuestionType) => void }) {
  const { t } = useI18n();
  const [type, setType] = useState<m.QuestionType>("rating");
  const id = `qn-add-${page}`;
  return (
    <div className="field-row qn-add">
      <div>
        <label htmlFor={id}>{t("qn.addQuestionType", { n: page + 1 })}</label>
        <select id={id} value={type} onChange={(e) => setType(e.target.value as m.QuestionType)}>
          {m.TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t(typeLabel(ty))}
            </option>
          ))}
        </select>
      </div>
      <div className="qn-row-button">
        <button type="button" onClick={() => onAdd(type)}>
          {t("qn.addQuestion")}
        </button>
      </div>
    </div>
  );
}
