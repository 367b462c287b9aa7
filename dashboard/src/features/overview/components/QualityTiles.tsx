import { Link, type LinkProps } from "@tanstack/react-router";
import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import type { Overview } from "../api/overview.ts";
import { Tile } from "./Tile.tsx";

/** The survey's improvement actions and whether they worked. */
export function ImprovementTile({ actions }: { actions: Overview["improvement"] }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <Tile
      id="tile-improvement"
      title={t("overview.improvement")}
      link={{ to: "/verbetercyclus", search: { source: "survey" } }}
      linkText={t("overview.toQuality")}
    >
      {actions.length === 0 ? (
        <p className="empty">{t("overview.improvement.none")}</p>
      ) : (
        <ul className="plain stack">
          {actions.map((a) => (
            <li key={a.id}>
              <code>{a.ref}</code> {a.title}{" "}
              <span className="muted">({t("overview.improvement.owner", { owner: a.owner, date: f.date(a.dueOn) })})</span>
              <br />
              <span className={a.effect.status === "gehaald" ? "tone-good" : a.effect.status === "niet_gehaald" ? "tone-warn" : "muted"}>
                {t(`overview.effect.${a.effect.status}`)}
              </span>{" "}
              {a.effect.significant === false && <span className="muted">{t("overview.effect.notSignificant")}</span>}
            </li>
          ))}
        </ul>
      )}
    </Tile>
  );
}

/** Past that, a group is a count and a link: the head reads the oldest, the detail page has the rest. */
const SHOWN = 5;

/** What is past its date, each line with its owner; audits and risks by process name. */
export function OverdueTile({ overdue }: { overdue: Overview["overdue"] }) {
  const { t } = useI18n();
  const f = useFormat();
  const groups = [
    {
      id: "actions",
      link: { to: "/verbetercyclus" } satisfies LinkProps,
      title: t("overview.overdue.actions", { n: overdue.actions.length }),
      items: overdue.actions.map((a) => ({
        key: a.id,
        text: t("overview.overdue.action", { ref: a.ref, title: a.title, owner: a.owner, date: f.date(a.dueOn) }),
      })),
    },
    {
      id: "audits",
      link: { to: "/audits-risicos" } satisfies LinkProps,
      title: t("overview.overdue.audits", { n: overdue.audits.length }),
      items: overdue.audits.map((a) => ({
        key: a.id,
        text: t("overview.overdue.audit", { ref: a.ref, process: a.process, date: f.date(a.plannedOn), auditors: a.auditors.join(", ") }),
      })),
    },
    {
      id: "risks",
      link: { to: "/audits-risicos" } satisfies LinkProps,
      title: t("overview.overdue.risks", { n: overdue.risks.length }),
      items: overdue.risks.map((r) => ({
        key: r.id,
        text: t("overview.overdue.risk", {
          ref: r.ref,
          title: r.title,
          process: r.process ?? t("overview.overdue.noProcess"),
          owner: r.owner,
          date: f.date(r.reviewDueOn),
        }),
      })),
    },
    {
      id: "follow-ups",
      link: { to: "/casusoverleg" } satisfies LinkProps,
      title: t("overview.overdue.followUps", { n: overdue.followUps.length }),
      items: overdue.followUps.map((u) => ({
        key: u.id,
        text: t("overview.overdue.followUp", { owner: u.owner, date: f.date(u.dueOn), held: f.date(u.heldOn) }),
      })),
    },
  ].filter((g) => g.items.length > 0);
  return (
    <Tile id="tile-overdue" title={t("overview.overdue")} link={{ to: "/verbetercyclus" }} linkText={t("overview.toQuality")}>
      {groups.length === 0 ? (
        <p className="empty">{t("overview.overdue.none")}</p>
      ) : (
        groups.map((g) => (
          <div key={g.id} className="digest-group" data-testid={`overdue-${g.id}`}>
            <h3>{g.title}</h3>
            <ul>
              {g.items.slice(0, SHOWN).map((i) => (
                <li key={i.key}>{i.text}</li>
              ))}
            </ul>
            {g.items.length > SHOWN && (
              <p className="small">
                <Link {...g.link}>{t("overview.overdue.more", { n: f.number(g.items.length - SHOWN) })}</Link>
              </p>
            )}
          </div>
        ))
      )}
    </Tile>
  );
}
