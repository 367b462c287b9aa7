import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { Badge, type Tone } from "../../../shared/components/Badge.tsx";
import type { Direction } from "../api/auditsRisks.ts";

/** An arrow and a word: omhoog is worse for a risk, but better for a kans. */
const SHOW: Record<Direction, [string, MessageKey]> = {
  omhoog: ["↑", "movement.omhoog"],
  gelijk: ["→", "movement.gelijk"],
  omlaag: ["↓", "movement.omlaag"],
};

export function MovementBadge({ direction, kind }: { direction: Direction; kind: "risk" | "opportunity" }) {
  const { t } = useI18n();
  const [symbol, label] = SHOW[direction];
  const worse = kind === "risk" ? direction === "omhoog" : direction === "omlaag";
  const better = kind === "risk" ? direction === "omlaag" : direction === "omhoog";
  const tone: Tone = worse ? "warn" : better ? "good" : "neutral";
  return (
    <Badge tone={tone} symbol={symbol}>
      {t(label)}
    </Badge>
  );
}
