import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { useI18n } from "../i18n.tsx";
import { useFormat } from "../format.ts";
import { downloadPng, fileName, standaloneSvg, toCsv, type CsvCell } from "./chartExport.ts";

/**
 * One column of a chart's table. `value` is what the CSV gets (a plain number or text);
 * `render` is how the table shows it, when that differs (money, a percentage with its count).
 */
export interface Column<R> {
  label: string;
  value: (row: R) => CsvCell;
  render?: (row: R) => ReactNode;
  /** Decimals for a plain number shown without `render`. */
  digits?: number;
}

interface Props<R> {
  id: string;
  /** Heading, table caption, the PNG's title and the files' name. */
  title: string;
  level?: 2 | 3;
  /** What the chart shows, in words: the figure's caption and its text alternative. */
  description: string;
  rows: R[];
  columns: Column<R>[];
  rowKey: (row: R) => string;
  /** Shown instead of an empty chart and table. */
  empty?: string;
  /** The chart. Hidden from assistive technology: the table below says the same. */
  children: ReactNode;
  /** Text under the figure, e.g. which groups are left out. */
  note?: ReactNode;
  /**
   * For a chart that is itself an accessible table (the risk heat map): it is the figure,
   * no second table is drawn, and `svg` draws the picture for the PNG.
   */
  figureIsTable?: boolean;
  svg?: () => SVGSVGElement;
}

/** Recharts draws its legend in HTML; its entries, to redraw them inside the PNG. */
function legendOf(figure: HTMLElement) {
  return [...figure.querySelectorAll<HTMLElement>(".recharts-legend-item")].map((item) => ({
    label: item.querySelector(".recharts-legend-item-text")?.textContent ?? item.textContent ?? "",
    icon: item.querySelector("svg"),
  }));
}

function chartSvg(figure: HTMLElement) {
  const main = figure.querySelector<SVGSVGElement>(".recharts-wrapper > svg");
  if (main) return main;
  const all = [...figure.querySelectorAll<SVGSVGElement>("svg")];
  return all.sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0] ?? null;
}

/**
 * A wide table scrolls sideways inside its box. Only then it becomes a tab stop (a named
 * region), so that keyboard users can scroll it too (WCAG 2.1.1); a table that fits adds
 * no useless stop.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return scrolls ? (
    // A table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): one named tab stop.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <div ref={box} className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  ) : (
    <div ref={box} className="table-wrap">
      {children}
    </div>
  );
}

/**
 * Every chart of the dashboard in one frame: a heading, the figure with a caption in
 * words, the same figures as a table, and downloads as PNG (for a report) and CSV (the
 * table's own rows, for a spreadsheet). Colour never carries meaning alone here: the
 * table holds every number the chart shows.
 */
export function ChartFrame<R>({
  id,
  title,
  level = 3,
  description,
  rows,
  columns,
  rowKey,
  empty,
  children,
  note,
  figureIsTable,
  svg,
}: Props<R>) {
  const { t, locale } = useI18n();
  const f = useFormat();
  const figure = useRef<HTMLDivElement>(null);
  const [error, setError] = useState("");
  const Heading = level === 2 ? "h2" : "h3";
  const titleId = `${id}-title`;
  const captionId = `${id}-caption`;

  // The CSV is a plain link to the file: it works without script and with "save link as".
  const csvHref = `data:text/csv;charset=utf-8,${encodeURIComponent(
    toCsv([columns.map((c) => c.label), ...rows.map((r) => columns.map((c) => c.value(r)))], locale === "en" ? "." : ","),
  )}`;
  const png = async (e: MouseEvent) => {
    e.preventDefault();
    setError("");
    try {
      const source = svg ? svg() : figure.current && chartSvg(figure.current);
      if (!source) throw new Error(t("chart.pngFailed"));
      const picture = svg ? source : standaloneSvg(source, title, legendOf(figure.current!));
      await downloadPng(picture, fileName(title, "png"));
    } catch {
      setError(t("chart.pngFailed"));
    }
  };
  // Recharts may make its drawing or parts of it focusable; inside the one named stop they are not.
  const drawn = rows.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the figure exists only once there are rows
  useEffect(() => {
    const el = figure.current;
    if (!el || figureIsTable) return;
    const quiet = () => {
      // Chromium lets Tab stop on Recharts' layer groups too, though they carry no tabindex: every
      // svg, group and tabindex'd part is taken out of the tab order explicitly.
      for (const inner of el.querySelectorAll<HTMLElement | SVGElement>("svg, svg g, [tabindex]"))
        if (inner.getAttribute("tabindex") !== "-1") inner.setAttribute("tabindex", "-1");
    };
    quiet();
    const watch = new MutationObserver(quiet);
    watch.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ["tabindex"] });
    return () => watch.disconnect();
  }, [figureIsTable, drawn]);
  const cell = (c: Column<R>, r: R) => {
    if (c.render) return c.render(r);
    const v = c.value(r);
    return v === null || v === undefined || v === "" ? "–" : typeof v === "number" ? f.number(v, c.digits ?? 0) : v;
  };

  return (
    <section aria-labelledby={titleId} className="chart-frame">
      <Heading id={titleId}>{title}</Heading>
      {rows.length === 0 && empty ? (
        <p className="empty">{empty}</p>
      ) : (
        <>
          <figure aria-labelledby={titleId} aria-describedby={captionId}>
            {figureIsTable ? (
              <div ref={figure}>{children}</div>
            ) : (
              // One tab stop per chart, named by its title and description (role img: the drawing's
              // parts are not read one by one; the table below holds every number).
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a chart is one named stop, so keyboard users meet it as others see it
              <div ref={figure} className="chart" role="img" tabIndex={0} aria-label={`${title}: ${description}`}>
                {children}
              </div>
            )}
            <figcaption id={captionId}>{description}</figcaption>
          </figure>
          {note}
          <div className="chart-actions" role="group" aria-label={t("chart.downloads", { title })}>
            <span aria-hidden="true">{t("chart.download")}</span>
            {/* Downloads are links to files (a button would promise an action on the page); the PNG is drawn on click. */}
            <a className="button-link" href={`#${id}-title`} download={fileName(title, "png")} onClick={png}>
              PNG<span className="sr-only"> – {title}</span>
            </a>
            <a className="button-link" href={csvHref} download={fileName(title, "csv")}>
              CSV<span className="sr-only"> – {title}</span>
            </a>
            {error && (
              <span role="alert" className="error">
                {error}
              </span>
            )}
          </div>
          {!figureIsTable && (
            <ScrollBox label={t("chart.table", { title })}>
              <table>
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr>
                    {columns.map((c, i) => (
                      <th scope="col" key={i}>
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={rowKey(r)}>
                      {columns.map((c, i) =>
                        i === 0 ? (
                          <th scope="row" key={i}>
                            {cell(c, r)}
                          </th>
                        ) : (
                          <td key={i}>{cell(c, r)}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </>
      )}
    </section>
  );
}
