import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { FollowUpList } from "./FollowUpList.tsx";
import { ELEMENTS, type Conference } from "../api/registry.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { SortHeader } from "../../../shared/components/PagedList.tsx";

const ELEMENT_KEY: Record<(typeof ELEMENTS)[number], MessageKey> = {
  aanleiding: "conf.aanleiding",
  doel: "conf.doel",
  aanpak: "conf.aanpak",
  casusregisseur: "conf.director",
  vervolgafspraken: "conf.followUps",
};

/** The conference list: which elements are on record, not the notes themselves. */
export function ConferenceTable({
  conferences,
  total,
  sort,
  onSort,
  name,
  caseCode,
  canWrite,
}: {
  conferences: Conference[];
  total: number;
  sort: string;
  onSort: (sort: string) => void;
  name: (id: string | null) => string;
  caseCode: (id: string) => string;
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <ScrollBox label={t("chart.table", { title: t("confs.caption", { n: f.number(total) }) })}>
      <table>
        <caption>{t("confs.caption", { n: f.number(total) })}</caption>
        <thead>
          <tr>
            <SortHeader label={t("conf.heldOn")} column="heldOn" sort={sort} onSort={onSort} />
            <SortHeader label={t("conf.branch")} column="branch" sort={sort} onSort={onSort} />
            <th scope="col">{t("conf.cases")}</th>
            <th scope="col">{t("conf.director")}</th>
            <th scope="col">{t("conf.elements")}</th>
            <th scope="col">{t("conf.rolesShort")}</th>
            <th scope="col">{t("conf.followUps")}</th>
          </tr>
        </thead>
        <tbody>
          {conferences.map((c) => {
            const missing = ELEMENTS.filter((e) => !c.recorded[e]);
            return (
              <tr key={c.id}>
                <th scope="row">{f.date(c.heldOn)}</th>
                <td>{name(c.branchId)}</td>
                <td>
                  {c.caseIds.map((id) => (
                    <code key={id} className="code-chip">
                      {caseCode(id)}
                    </code>
                  ))}
                </td>
                <td>{c.directorOrganisationId ? name(c.directorOrganisationId) : <span className="muted">{t("conf.noDirector")}</span>}</td>
                <td>
                  <span className={missing.length ? "badge warn" : "badge good"}>{t("conf.elementsOf", { n: c.elementsRecorded })}</span>
                  {missing.length > 0 && (
                    <div className="small">
                      {t("conf.missing")}: {missing.map((e) => t(ELEMENT_KEY[e]).toLowerCase()).join(", ")}
                    </div>
                  )}
                </td>
                <td>{c.rolesExplained ? t("form.yes") : t("form.no")}</td>
                <td>
                  <FollowUpList items={c.followUps} name={name} canWrite={canWrite} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
