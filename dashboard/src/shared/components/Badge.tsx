/** Tone classes in style.css; the symbol and the word carry the meaning, the colour only repeats it. */
export type Tone = "good" | "warn" | "info" | "neutral" | "caution";

export function Badge({ tone, symbol, children }: { tone: Tone; symbol?: string; children: string }) {
  return (
    <span className={`badge tone-${tone}`}>
      {symbol && <span aria-hidden="true">{symbol} </span>}
      {children}
    </span>
  );
}
