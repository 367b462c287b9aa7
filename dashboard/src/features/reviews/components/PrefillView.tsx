import type { ReactNode } from "react";
import { messages, type MessageKey } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { CLASS_KEY, SOURCE_KEY, type Classification, type Source } from "../../quality/api/quality.ts";
import { DECISION_KIND_KEY, type DecisionKind } from "../api/reviews.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { isDateField } from "../../../shared/dateFields.ts";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/** Keys that only identify a row; left out when the row also has a readable name. */
const IDS = ["id", "organisationId", "dimension"];
const NAMES = ["name", "title", "label", "ref"];
const SHARES = ["share", "responseRate"];

/**
 * The order fields are read in. The stored JSON (jsonb) does not keep the order the API
 * wrote them in, so the names come first and related figures stay together.
 */
const ORDER = [
  "id",
  "ref",
  "name",
  "title",
  "label",
  "kind",
  "text",
  "classification",
  "source",
  "status",
  "periodFrom",
  "periodTo",
  "heldOn",
  "version",
  "opensAt",
  "closesAt",
  "foundOn",
  "plannedOn",
  "actualOn",
  "reportedOn",
  "dueOn",
  "completedOn",
  "lastReviewedOn",
  "reviewDueOn",
  "reviewOverdue",
  "processId",
  "criterion",
  "criterionKind",
  "invited",
  "respondents",
  "responded",
  "responseRate",
  "suppressed",
  "mean",
  "n",
  "ci",
  "nps",
  "interval",
  "latest",
  "previous",
  "difference",
  "total",
  "done",
  "planned",
  "reported",
  "late",
  "open",
  "overdue",
  "onTime",
  "closed",
  "cancelled",
  "withoutAction",
  "conferences",
  "directorAssigned",
  "allElementsRecorded",
  "rolesExplained",
  "followUps",
  "leadTimeDays",
  "toFirstConference",
  "toClosure",
  "hours",
  "cost",
  "unpricedHours",
  "aanwezig",
  "informatie_aangeleverd",
  "telefonisch_video",
  "afwezig",
  "contributed",
  "inherent",
  "residual",
  "counts",
  "byClassification",
  "major_nc",
  "minor_nc",
  "observation",
  "opportunity",
  "dimensions",
  "comparison",
  "waves",
  "findings",
  "items",
  "openNonconformities",
  "overdueActions",
  "audits",
  "risks",
  "actions",
  "decisions",
  "action",
  "review",
  "partners",
  "byKind",
  "registerOpportunities",
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isObj = (v: Json): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const has = (o: Obj, ...keys: string[]) => keys.every((k) => k in o);
const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
/** Internal ids mean nothing to a reader: left out when the row has a name, and always when they are uuids. */
const visibleKeys = (o: Obj) =>
  Object.keys(o)
    .filter(
      (k) => k !== "gaps" && !(IDS.includes(k) && NAMES.some((n) => n in o)) && !(typeof o[k] === "string" && UUID.test(o[k] as string)),
    )
    .sort((a, b) => rank(a) - rank(b));

/**
 * The figures a management review input was pre-filled with, rendered for reading:
 * counts as tables, lists of records as tables (or as cards when they nest further),
 * shares as "60 % (3 van 5)", intervals, scores and dates in words. Nothing shows as JSON.
 */
export function PrefillView({ data }: { data: Obj }) {
  const { t } = useI18n();
  const f = useFormat();
  const label = (key: string) => {
    const k = `field.${key}` as MessageKey;
    return k in messages.nl
      ? t(k)
      : key
          .replace(/([a-z])([A-Z])/g, "$1 $2")
          .replace(/_/g, " ")
          .toLowerCase();
  };

  function scalar(key: string, v: Json): ReactNode {
    if (v === null || v === undefined || v === "") return "–";
    if (typeof v === "boolean") return v ? t("form.yes") : t("form.no");
    if (typeof v === "number") {
      if (SHARES.includes(key)) return f.percent(v);
      if (key === "cost") return f.money(v);
      return f.number(v, Number.isInteger(v) ? 0 : 2);
    }
    if (typeof v === "string") {
      if (isDateField(key)) return f.date(v);
      if (key === "classification" && v in CLASS_KEY) return t(CLASS_KEY[v as Classification]);
      if (key === "source" && v in SOURCE_KEY) return t(SOURCE_KEY[v as Source]);
      if (key === "kind" && v in DECISION_KIND_KEY) return t(DECISION_KIND_KEY[v as DecisionKind]);
      if (key === "ref") return <code>{v}</code>;
      if (key === "status") return v.replace(/_/g, " ");
      return v;
    }
    return null;
  }

  /** Well-known small shapes in one line of words. */
  function compact(o: Obj): ReactNode | null {
    if (has(o, "count", "n", "share"))
      return t("prefill.share", { share: f.percent(o.share as number | null), count: o.count as number, n: o.n as number });
    if (has(o, "low", "high") && Object.keys(o).length === 2) return `${f.number(o.low as number, 2)} – ${f.number(o.high as number, 2)}`;
    if (has(o, "likelihood", "impact", "score"))
      return t("risks.score", { l: o.likelihood as number, i: o.impact as number, s: o.score as number });
    if (has(o, "median", "p90", "n"))
      return o.median === null
        ? t("metrics.noLeadTime")
        : t("prefill.spread", { median: f.number(o.median as number, 1), p90: f.number(o.p90 as number, 1), n: o.n as number });
    if (has(o, "hours", "cost") && Object.keys(o).length === 2)
      return t("prefill.hours", { hours: f.number(o.hours as number, 2), cost: f.money(o.cost as number) });
    if (has(o, "nps", "n")) return `${f.number(o.nps as number, 0)} (n = ${o.n})`;
    return null;
  }

  /** An object inside a table cell, on one line: its name first, then its other plain fields. */
  function inline(o: Obj): ReactNode {
    const keys = visibleKeys(o);
    const lead = keys.filter((k) => NAMES.includes(k));
    const rest = keys.filter((k) => !NAMES.includes(k) && o[k] !== null && o[k] !== "" && !isObj(o[k]) && !Array.isArray(o[k]));
    return (
      <>
        {lead.map((k) => (
          <span key={k}>{scalar(k, o[k])} </span>
        ))}
        {rest.length > 0 && (
          <span className="muted">
            (
            {rest
              .map((k) => (
                <span key={k}>
                  {label(k).toLowerCase()}: {scalar(k, o[k])}
                </span>
              ))
              .reduce<ReactNode[]>((all, x, i) => (i ? [...all, "; ", x] : [x]), [])}
            )
          </span>
        )}
      </>
    );
  }

  function value(key: string, v: Json, depth: number, inCell = false): ReactNode {
    if (!isObj(v) && !Array.isArray(v)) return scalar(key, v);
    if (isObj(v)) return compact(v) ?? (inCell ? inline(v) : object(v, depth + 1));
    if (!v.length) return <span className="muted">{t("prefill.emptyList")}</span>;
    if (v.every((x) => !isObj(x) && !Array.isArray(x))) return v.map((x) => scalar(key, x)).join(", ");
    return list(key, v.filter(isObj), depth + 1);
  }

  function object(o: Obj, depth: number): ReactNode {
    const keys = visibleKeys(o);
    if (keys.length && keys.every((k) => typeof o[k] === "number")) {
      return (
        <table className="compact">
          <tbody>
            {keys.map((k) => (
              <tr key={k}>
                <th scope="row">{label(k)}</th>
                <td>{scalar(k, o[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    // Short values side by side, then the tables and nested records each on their own line.
    const short = keys.filter((k) => !Array.isArray(o[k]) && (!isObj(o[k]) || compact(o[k] as Obj) !== null));
    const long = keys.filter((k) => !short.includes(k));
    return (
      <div className={`stack depth-${depth}`}>
        {short.length > 0 && (
          <dl className="facts">
            {short.map((k) => (
              <div key={k}>
                <dt>{label(k)}</dt>
                <dd>{value(k, o[k], depth)}</dd>
              </div>
            ))}
          </dl>
        )}
        {long.length > 0 && (
          <dl className="facts stacked">
            {long.map((k) => (
              <div key={k}>
                <dt>{label(k)}</dt>
                <dd>{value(k, o[k], depth)}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    );
  }

  function list(key: string, rows: Obj[], depth: number): ReactNode {
    const keys = [...new Set(rows.flatMap(visibleKeys))];
    const nests = rows.some((r) => keys.some((k) => Array.isArray(r[k]) && (r[k] as Json[]).some(isObj)));
    if (nests) {
      return (
        <ul className="plain">
          {rows.map((r, i) => (
            <li key={i} className="prefill-card">
              {object(r, depth)}
            </li>
          ))}
        </ul>
      );
    }
    return (
      <ScrollBox label={t("chart.table", { title: label(key) })}>
        <table className="compact">
          <caption className="sr-only">{label(key)}</caption>
          <thead>
            <tr>
              {keys.map((k) => (
                <th scope="col" key={k}>
                  {label(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {keys.map((k) => (
                  <td key={k}>{k in r ? value(k, r[k], depth, true) : "–"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    );
  }

  return <>{object(data, 0)}</>;
}
