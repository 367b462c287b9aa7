import { useEffect, useState, type FormEvent } from "react";
import { useI18n } from "../i18n.tsx";
import { useFormat } from "../format.ts";

/** Rows per page of the server-paged lists. */
export const PAGE_SIZE = 25;

/** limit and offset for a 1-based page number from the URL. */
export const pageQuery = (page: number | undefined) => ({ limit: PAGE_SIZE, offset: ((page ?? 1) - 1) * PAGE_SIZE });

/**
 * A column heading that sorts the list on the server: a button inside the th, which
 * carries aria-sort, so a screen reader hears the column and its order.
 */
export function SortHeader({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: string;
  sort: string;
  onSort: (next: string) => void;
}) {
  const active = sort === column || sort === `-${column}`;
  const descending = sort === `-${column}`;
  return (
    <th scope="col" aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <button type="button" className="sort" onClick={() => onSort(active && !descending ? `-${column}` : column)}>
        {label}
        <span aria-hidden="true">{active ? (descending ? "▼" : "▲") : "↕"}</span>
      </button>
    </th>
  );
}

/** Previous / next page and where in the list one is ("26–50 van 432"). */
export function Pager({ total, page, onPage }: { total: number; page: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const f = useFormat();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);
  return (
    <nav aria-label={t("list.pages")} className="actions">
      <button type="button" className="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("list.prev")}
      </button>
      <span role="status" data-testid="page-range">
        {t("list.range", { from: f.number(from), to: f.number(to), total: f.number(total) })} ·{" "}
        {t("list.page", { page: f.number(page), pages: f.number(pages) })}
      </span>
      <button type="button" className="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("list.next")}
      </button>
    </nav>
  );
}

/** Search by (part of) a case code; the term lives in the URL, so a search can be shared. */
export function CodeSearch({ id, value, onSearch }: { id: string; value: string | undefined; onSearch: (q: string) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState(value ?? "");
  useEffect(() => setQ(value ?? ""), [value]);
  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch(q.trim());
  }
  return (
    <form role="search" aria-label={t("list.search")} className="filters" onSubmit={submit}>
      <div>
        <label htmlFor={id}>{t("list.search")}</label>
        <input
          id={id}
          type="search"
          value={q}
          maxLength={40}
          pattern="[A-Za-z0-9\-]*"
          aria-describedby={`${id}-help`}
          onChange={(e) => setQ(e.target.value)}
        />
        <span id={`${id}-help`} className="hint">
          {t("list.searchHelp")}
        </span>
      </div>
      <div className="actions">
        <button type="submit">{t("list.searchSubmit")}</button>
        {value && (
          <button type="button" className="secondary" onClick={() => onSearch("")}>
            {t("list.clear")}
          </button>
        )}
      </div>
    </form>
  );
}
