import { useEffect, useState } from "react";

/** Whether the viewport is phone-narrow (or zoomed to it); charts give their labels less room then. */
export function useNarrow(query = "(max-width: 40rem)") {
  const [narrow, setNarrow] = useState(() => typeof window !== "undefined" && window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const change = () => setNarrow(m.matches);
    change();
    m.addEventListener("change", change);
    return () => m.removeEventListener("change", change);
  }, [query]);
  return narrow;
}

/** Splits a label into lines of at most `max` characters, at spaces where it can. */
export function wrapLabel(text: string, max: number) {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (!line) line = word;
    else if (`${line} ${word}`.length <= max) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A category-axis tick that wraps its label over several lines, so a long dimension name
 * needs little width and the bars keep their room on a phone.
 */
export function WrappedTick({ x, y, payload, max = 16 }: { x?: number; y?: number; payload?: { value: string }; max?: number }) {
  const lines = wrapLabel(String(payload?.value ?? ""), max);
  const lineHeight = 14;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="#1b1b1b">
      {lines.map((l, i) => (
        <tspan key={i} x={x} dx={-4} dy={i === 0 ? -((lines.length - 1) * lineHeight) / 2 + 4 : lineHeight}>
          {l}
        </tspan>
      ))}
    </text>
  );
}
