/** Where a point's label goes, or nowhere when every side would overlap another label. */
export type Side = "top" | "bottom" | "right" | "left" | "none";

const OFFSET: Record<Exclude<Side, "none">, [number, number]> = { top: [0, 0.06], bottom: [0, -0.06], right: [0.1, 0], left: [-0.1, 0] };

/**
 * Label sides for scatter points, so that labels do not overlap: in order (the most
 * important point first), each label takes the first side whose spot is clear of the
 * labels and points already placed, in coordinates scaled to the chart's ranges. A label
 * with no clear side is left out (the table and the tooltip still name the point).
 */
export function placeLabels(points: { x: number; y: number }[], clear = { x: 0.16, y: 0.07 }): Side[] {
  const span = (v: number[]) => Math.max(...v) - Math.min(...v) || 1;
  const sx = span(points.map((p) => p.x)),
    sy = span(points.map((p) => p.y));
  const norm = points.map((p) => ({ x: p.x / sx, y: p.y / sy }));
  const taken: { x: number; y: number }[] = [];
  return norm.map((p, i) => {
    for (const side of ["top", "bottom", "right", "left"] as const) {
      const spot = { x: p.x + OFFSET[side][0], y: p.y + OFFSET[side][1] };
      const hitsLabel = taken.some((t) => Math.abs(t.x - spot.x) < clear.x && Math.abs(t.y - spot.y) < clear.y);
      const hitsPoint = norm.some((q, j) => j !== i && Math.abs(q.x - spot.x) < clear.x / 2 && Math.abs(q.y - spot.y) < clear.y / 2);
      if (!hitsLabel && !hitsPoint) {
        taken.push(spot);
        return side;
      }
    }
    return "none";
  });
}
