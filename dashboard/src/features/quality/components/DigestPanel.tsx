import type { ReactNode } from "react";
import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { Link, type LinkProps } from "@tanstack/react-router";
import { Status } from "../../../shared/components/Status.tsx";

interface Group {
  id: string;
  label: MessageKey;
  items: { key: string; link: LinkProps; text: ReactNode }[];
}

/**
 * What needs attention now, above everything else on the page: a count per kind that
 * jumps to its list, and each item linked to where it can be dealt with. Counts and a
 * warning sign carry the message; the colour only repeats it.
 */
export function DigestPanel() {
  const { t } = useI18n();
  const f = useFormat();
  const digest = useReply("getQualityDigest", "/quality/digest");
  // The digest names an overdue action but not its finding; the action list does.
  const overdue = useReply("listActions", "/actions", { overdue: "true" });
  // Wait for both, so that no link is drawn pointing elsewhere and then changes under the pointer.
  if (!digest.data || overdue.loading) return <Status loading={digest.loading || overdue.loading} error={digest.error} />;
  const d = digest.data;
  const findingOf = (actionId: string) => overdue.data?.actions.find((a) => a.id === actionId)?.findings[0]?.id;
  const toFinding = (findingId: string | undefined): LinkProps =>
    findingId ? { to: "/verbetercyclus/$findingId", params: { findingId } } : { to: "/verbetercyclus" };
  const finding = (x: { id: string; ref: string; title: string }) => ({
    key: x.id,
    link: toFinding(x.id),
    text: (
      <>
        <code>{x.ref}</code> {x.title}
      </>
    ),
  });
  const groups: Group[] = [
    {
      id: "overdue-actions",
      label: "digest.overdueActions",
      items: d.overdueActions.map((a) => ({
        key: a.id,
        link: toFinding(findingOf(a.id)),
        text: (
          <>
            <code>{a.ref}</code> {a.title} – {t("digest.ownerDue", { owner: a.owner, date: f.date(a.dueOn) })}
          </>
        ),
      })),
    },
    { id: "reviews-due", label: "digest.reviewsDue", items: d.reviewsDue.map(finding) },
    {
      id: "without-actions",
      label: "digest.withoutActions",
      items: d.withoutActions.map((x) => ({
        ...finding(x),
        text: (
          <>
            <code>{x.ref}</code> {x.title} – {t("digest.since", { date: f.date(x.foundOn) })}
          </>
        ),
      })),
    },
    {
      id: "late-audits",
      label: "digest.lateAudits",
      items: d.lateAudits.map((a) => ({
        key: a.id,
        link: { to: "/audits-risicos", search: { year: Number(a.plannedOn.slice(0, 4)) }, hash: `audit-${a.id}` },
        text: (
          <>
            <code>{a.ref}</code> {a.process} – {t("digest.planned", { date: f.date(a.plannedOn) })}
          </>
        ),
      })),
    },
    {
      id: "risks-due",
      label: "digest.risksDue",
      items: d.risksDue.map((r) => ({
        key: r.id,
        link: { to: "/audits-risicos", search: { risk: r.id } },
        text: (
          <>
            <code>{r.ref}</code> {r.title} – {t("digest.lastReviewed", { date: f.date(r.lastReviewedOn) })}
          </>
        ),
      })),
    },
  ];
  return (
    <section className={`digest ${d.total ? "attention" : "calm"}`} aria-labelledby="digest-title">
      <h2 id="digest-title">
        <span aria-hidden="true">{d.total ? "⚠ " : "✓ "}</span>
        {d.total ? t("digest.title", { n: d.total }) : t("digest.nothing")}
      </h2>
      <ul className="digest-tiles">
        {groups.map((g) => (
          <li key={g.id} className={g.items.length ? "has-items" : ""}>
            {g.items.length ? (
              <a href={`#digest-${g.id}`}>
                <span className="digest-count">{g.items.length}</span> {t(g.label)}
              </a>
            ) : (
              <span>
                <span className="digest-count">0</span> {t(g.label)}
              </span>
            )}
          </li>
        ))}
      </ul>
      {groups
        .filter((g) => g.items.length)
        .map((g) => (
          <div key={g.id} className="digest-group">
            <h3 id={`digest-${g.id}`} tabIndex={-1}>
              {t(g.label)} ({g.items.length})
            </h3>
            <ul>
              {g.items.map((i) => (
                <li key={i.key}>
                  <Link {...i.link}>{i.text}</Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      <p className="hint">
        {t("digest.generatedOn", { date: f.date(d.generatedOn) })} {t(d.byMail ? "digest.byMail" : "digest.notByMail")}
      </p>
    </section>
  );
}
