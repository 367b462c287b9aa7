import { useI18n } from "./i18n.tsx";
import { Badge, type Tone } from "./Badge.tsx";
import { CLASS_KEY, type Classification } from "./quality.ts";

const TONE: Record<Classification, [Tone, string]> = {
  major_nc: ["warn", "!!"], minor_nc: ["caution", "!"], observation: ["info", "○"], opportunity: ["good", "+"],
};

export function ClassificationBadge({ value }: { value: Classification }) {
  const { t } = useI18n();
  const [tone, symbol] = TONE[value];
  return <Badge tone={tone} symbol={symbol}>{t(CLASS_KEY[value])}</Badge>;
}
