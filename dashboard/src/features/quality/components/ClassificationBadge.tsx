import { useI18n } from "../../../shared/i18n.tsx";
import { Badge, type Tone } from "../../../shared/components/Badge.tsx";
import { CLASS_KEY, type Classification } from "../api/quality.ts";

const TONE: Record<Classification, [Tone, string]> = {
  major_nc: ["warn", "!!"],
  minor_nc: ["caution", "!"],
  observation: ["info", "○"],
  opportunity: ["good", "+"],
};

export function ClassificationBadge({ value }: { value: Classification }) {
  const { t } = useI18n();
  const [tone, symbol] = TONE[value];
  return (
    <Badge tone={tone} symbol={symbol}>
      {t(CLASS_KEY[value])}
    </Badge>
  );
}
