/** CSV and PNG files made in the browser from what a chart already shows. */
// The one CSV writer and formula neutraliser of the project, shared with the server's reports and packs.
export { toCsv, type CsvCell } from "../../../../api/domain/format/csv.ts";

/** A file name from a title: lower case, no spaces or characters file systems refuse. */
export function fileName(title: string, extension: string) {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "");
  return `${base.slice(0, 80) || "grafiek"}.${extension}`;
}

export function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Some browsers read the URL only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const SVG_NS = "http://www.w3.org/2000/svg";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

function svgText(x: number, y: number, text: string, size: number, weight = "400") {
  const el = document.createElementNS(SVG_NS, "text");
  el.setAttribute("x", String(x));
  el.setAttribute("y", String(y));
  el.setAttribute("font-size", String(size));
  el.setAttribute("font-weight", weight);
  el.setAttribute("fill", "#1b1b1b");
  el.textContent = text;
  return el;
}

/**
 * A chart's SVG as it would stand on its own: its title above, and the legend (which
 * Recharts draws in HTML, outside the SVG) redrawn below, so a picture pasted into a
 * report still says what it shows.
 */
export function standaloneSvg(svg: SVGSVGElement, title: string, legend: { label: string; icon: SVGSVGElement | null }[] = []) {
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(Number(svg.getAttribute("width")) || box.width);
  const height = Math.ceil(Number(svg.getAttribute("height")) || box.height);
  const top = 32;
  const rowHeight = 22;
  const perRow = Math.max(1, Math.floor(width / 220));
  const legendHeight = legend.length ? Math.ceil(legend.length / perRow) * rowHeight + 8 : 0;
  const out = document.createElementNS(SVG_NS, "svg");
  out.setAttribute("xmlns", SVG_NS);
  out.setAttribute("width", String(width));
  out.setAttribute("height", String(top + height + legendHeight));
  out.setAttribute("font-family", FONT);
  out.append(svgText(0, 20, title, 16, "600"));
  const chart = svg.cloneNode(true) as SVGSVGElement;
  chart.setAttribute("x", "0");
  chart.setAttribute("y", String(top));
  chart.setAttribute("width", String(width));
  chart.setAttribute("height", String(height));
  chart.removeAttribute("style");
  out.append(chart);
  legend.forEach((item, i) => {
    const x = (i % perRow) * 220;
    const y = top + height + 8 + Math.floor(i / perRow) * rowHeight;
    if (item.icon) {
      const icon = item.icon.cloneNode(true) as SVGSVGElement;
      icon.setAttribute("x", String(x));
      icon.setAttribute("y", String(y));
      icon.setAttribute("width", "14");
      icon.setAttribute("height", "14");
      icon.removeAttribute("style");
      out.append(icon);
    }
    out.append(svgText(x + 20, y + 12, item.label, 13));
  });
  return out;
}

/**
 * Draws an SVG onto a canvas at twice its size on white (a transparent PNG turns black
 * in some viewers and in dark mode) and downloads it as PNG.
 */
export async function downloadPng(svg: SVGSVGElement, name: string) {
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  const source = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([source], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("De grafiek kon niet als afbeelding worden getekend."));
      image.src = url;
    });
    const scale = 2;
    const margin = 12; // white space round the chart, so that nothing touches the edge in a document
    const canvas = document.createElement("canvas");
    canvas.width = (width + 2 * margin) * scale;
    canvas.height = (height + 2 * margin) * scale;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(image, margin, margin, width, height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!png) throw new Error("De afbeelding kon niet worden gemaakt.");
    download(png, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}
