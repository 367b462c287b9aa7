import { type DragEvent, useState } from "react";
import { formatFingerprint } from "../../../../../api/domain/packs/signature.ts";
import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSigningKey } from "../api/evidence.ts";
import { type PackVerdict, verifyPackBytes } from "../verify.ts";
import { SigningKey } from "./SigningKey.tsx";

type State =
  | { kind: "idle" }
  | { kind: "checking"; name: string; done: number; total: number }
  | { kind: "checked"; name: string; size: number; verdict: PackVerdict };

const KINDS = ["changed", "missing", "extra"] as const;

/**
 * The verify page: a pack chosen or dropped here is unzipped and checked in this browser (WebCrypto),
 * against its manifests and its signature; nothing is uploaded. Works without signing in.
 */
export function VerifyPage() {
  const { t } = useI18n();
  const f = useFormat();
  const key = useSigningKey();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);

  const check = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: "checking", name: file.name, done: 0, total: 0 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const verdict = await verifyPackBytes(bytes, key.data?.fingerprint, (done, total) =>
      setState({ kind: "checking", name: file.name, done, total }),
    );
    setState({ kind: "checked", name: file.name, size: file.size, verdict });
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void check(e.dataTransfer.files[0]);
  };

  return (
    <section aria-labelledby="verify-title" className="evidence">
      <h1 id="verify-title">{t("verify.title")}</h1>
      <p>{t("verify.intro")}</p>
      {/* Dropping is a pointer convenience only; the file input inside is the keyboard and screen-reader way in. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: drop target around a labelled file input */}
      <div
        className={dragging ? "dropzone dragging" : "dropzone"}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label>
          {t("verify.pick")}
          <input
            type="file"
            accept=".zip,application/zip"
            onChange={(e) => {
              void check(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
        </label>
        <p className="muted">{t("verify.drop")}</p>
      </div>
      <div aria-live="polite">
        {state.kind === "checking" && <p className="progress">{t("verify.checking", { done: state.done, total: state.total || "…" })}</p>}
        {state.kind === "checked" && <Verdict name={state.name} size={f.bytes(state.size)} verdict={state.verdict} />}
      </div>
      <SigningKey />
    </section>
  );
}

function Verdict({ name, size, verdict: v }: { name: string; size: string; verdict: PackVerdict }) {
  const { t } = useI18n();
  const f = useFormat();
  const rows = KINDS.flatMap((kind) => v[kind].map((path) => ({ kind, path })));
  if (v.unreadable)
    return (
      <div role="alert" className="error verdict">
        <p>{t("verify.file", { name, bytes: size })}</p>
        <p>
          <strong>{t("verify.unreadable")}</strong>
        </p>
      </div>
    );
  return (
    <div className={v.ok ? "ok verdict" : "error verdict"} data-testid="verdict">
      <p>{t("verify.file", { name, bytes: size })}</p>
      <p>
        <strong>{v.ok ? t("verify.intact", { files: v.verified }) : t("verify.notIntact")}</strong>
      </p>
      {v.info["Period-From"] && <p>{t("verify.period", { from: f.date(v.info["Period-From"]), to: f.date(v.info["Period-To"]) })}</p>}
      {v.info.Clauses && <p>{t("verify.clauses", { clauses: v.info.Clauses })}</p>}
      <p>{t(`verify.signature.${v.signature.status}` as MessageKey)}</p>
      {v.signature.fingerprint && (
        <p>
          {t("verify.signedBy", { fingerprint: formatFingerprint(v.signature.fingerprint) })}{" "}
          {v.signature.trusted === undefined ? t("verify.unknownTrust") : v.signature.trusted ? t("verify.trusted") : t("verify.untrusted")}
        </p>
      )}
      {rows.length > 0 && (
        <table>
          <caption>{t("verify.findings")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("verify.kind")}</th>
              <th scope="col">{t("verify.path")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}:${r.path}`}>
                <td>{t(`verify.${r.kind}`)}</td>
                <td>
                  <code>{r.path}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {v.problems.length > 0 && (
        <>
          <h2>{t("verify.problems")}</h2>
          <ul>
            {v.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
