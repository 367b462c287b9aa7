import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";

/** The cases a conference may discuss: of this branch, not closed and not handled locally. */
export function CasePicker({
  branchId,
  value,
  onChange,
  name,
}: {
  branchId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  name: (id: string) => string;
}) {
  const { t } = useI18n();
  const cases = useReply("listCases", branchId ? "/cases" : null, { branch: branchId });
  const open = (cases.data?.cases ?? []).filter((c) => c.status !== "afgesloten" && !c.handledLocallyOn);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  return (
    <fieldset>
      <legend>{t("conf.cases")}</legend>
      {!branchId ? (
        <p className="empty">{t("conf.chooseBranchFirst")}</p>
      ) : cases.loading || cases.error ? (
        <Status loading={cases.loading} error={cases.error} />
      ) : open.length === 0 ? (
        <p className="empty">{t("conf.noOpenCases")}</p>
      ) : (
        <div className="checks">
          {open.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" checked={value.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />{" "}
              <code>{c.code}</code> – {name(c.municipalityId)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
