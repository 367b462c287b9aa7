import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { Link } from "@tanstack/react-router";
import { Badge } from "../../../shared/components/Badge.tsx";
import { ClassificationBadge } from "./ClassificationBadge.tsx";
import { isOpen, isOverdue, SOURCE_KEY, type FindingListItem } from "../api/quality.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";

/** The findings as a table; each reference opens the finding. */
export function FindingList({ findings }: { findings: FindingListItem[] }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <ScrollBox label={t("chart.table", { title: t("findings.caption", { n: findings.length }) })}>
      <table>
        <caption>{t("findings.caption", { n: findings.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("finding.ref")}</th>
            <th scope="col">{t("finding.title")}</th>
            <th scope="col">{t("finding.source")}</th>
            <th scope="col">{t("finding.classification")}</th>
            <th scope="col">{t("finding.clauses")}</th>
            <th scope="col">{t("finding.foundOn")}</th>
            <th scope="col">{t("finding.status")}</th>
            <th scope="col">{t("finding.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((x) => {
            const open = x.actions.filter((a) => isOpen(a.status)).length;
            const late = x.actions.filter(isOverdue).length;
            return (
              <tr key={x.id}>
                <th scope="row">
                  <Link to="/verbetercyclus/$findingId" params={{ findingId: x.id }}>
                    <code>{x.ref}</code>
                    <span className="sr-only"> {x.title}</span>
                  </Link>
                </th>
                <td>{x.title}</td>
                <td>{t(SOURCE_KEY[x.source])}</td>
                <td>
                  <ClassificationBadge value={x.classification} />
                </td>
                <td>{x.clauses.join(", ")}</td>
                <td>{f.date(x.foundOn)}</td>
                <td>
                  {x.status === "open" ? (
                    <Badge tone="info" symbol="○">
                      {t("findingStatus.open")}
                    </Badge>
                  ) : (
                    <Badge tone="neutral" symbol="✓">
                      {t("findingStatus.gesloten")}
                    </Badge>
                  )}
                </td>
                <td>
                  {x.actions.length === 0 ? (
                    <span className="muted">{t("findings.noActions")}</span>
                  ) : (
                    t("findings.actionCount", { n: x.actions.length, open })
                  )}
                  {late > 0 && (
                    <>
                      {" "}
                      <Badge tone="warn" symbol="!">
                        {t("findings.lateCount", { n: late })}
                      </Badge>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
