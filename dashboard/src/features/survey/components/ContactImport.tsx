import { useState, type FormEvent } from "react";
import { ApiFailure } from "../../../shared/api/client.ts";
import type { Reply } from "../../../shared/api/contract.ts";
import { useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { CONTACT_READS } from "../api/waves.ts";

/** A row error of an import as the API reports it in the error's details. */
type LineError = { line?: number; column?: string; message?: string };

/** An XLSX file goes to the API as base64; a CSV file as its text. */
async function readUpload(file: File): Promise<{ format: "csv" | "xlsx"; content: string }> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: "xlsx", content: btoa(binary) };
  }
  return { format: "csv", content: await file.text() };
}

/**
 * Import a contact list (upload or paste) into the address book and, with a wave, onto its
 * contact list. The API checks every row and stores nothing when one fails; the errors are
 * listed here by line number.
 */
export function ContactImport({ waveId }: { waveId?: string }) {
  const { t } = useI18n();
  const f = useFormat();
  const send = useSend("importContacts", "POST", CONTACT_READS);
  const { error, setError, busy, run } = useSubmit();
  const [result, setResult] = useState<Reply<"importContacts">>();
  const lines = error instanceof ApiFailure && error.code === "invalid_rows" ? (error.details as LineError[]) : [];

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
    const pasted = (form.elements.namedItem("paste") as HTMLTextAreaElement).value;
    setResult(undefined);
    if (!file && !pasted.trim()) return setError(new Error(t("import.empty")));
    void run(async () => {
      const input = file ? await readUpload(file) : { format: "csv" as const, content: pasted };
      setResult(await send.send("/contacts/import", { ...input, waveId }));
      form.reset();
    });
  }

  return (
    <section aria-labelledby="import-title" className="card">
      <h3 id="import-title">{t("import.title")}</h3>
      <p className="hint" id="import-help">
        {t("import.help")}
      </p>
      <form onSubmit={submit} aria-describedby="import-help">
        <label htmlFor="import-file">{t("import.file")}</label>
        <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv" />
        <label htmlFor="import-paste">{t("import.paste")}</label>
        <textarea
          id="import-paste"
          name="paste"
          rows={6}
          spellCheck={false}
          placeholder="organisatie;type;gemeente;vestiging;e-mail;naam"
        />
        <button type="submit" disabled={busy}>
          {t("import.submit")}
        </button>
      </form>
      {lines.length > 0 ? (
        <div role="alert" className="error">
          <p>{t("import.failed")}</p>
          <ul>
            {lines.map((l, i) => (
              <li key={i}>{t("import.line", { line: l.line ?? "?", column: l.column ?? "–", message: l.message ?? "" })}</li>
            ))}
          </ul>
        </div>
      ) : (
        <Status error={error} />
      )}
      {result && (
        <p role="status" className="ok">
          {t("import.done", {
            rows: f.number(result.rows + result.merged),
            merged: f.number(result.merged),
            created: f.number(result.created),
            updated: f.number(result.updated),
            added: f.number(result.addedToWave),
            already: f.number(result.alreadyInWave),
            optedOut: f.number(result.optedOut),
          })}
        </p>
      )}
    </section>
  );
}
