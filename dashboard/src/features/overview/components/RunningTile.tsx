import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import type { Overview } from "../api/overview.ts";
import { Tile } from "./Tile.tsx";

/** Waves in the field, with how many of the invited have answered; always labelled as provisional. */
export function RunningTile({ running }: { running: Overview["running"] }) {
  const { t } = useI18n();
  const f = useFormat();
  const first = running[0];
  return (
    <Tile
      id="tile-running"
      title={t("overview.running")}
      link={{ to: "/resultaten", search: first ? { wave: first.waveId } : {} }}
      linkText={first ? t("overview.toWave") : t("overview.toResults")}
    >
      {running.length === 0 ? (
        <p className="empty">{t("overview.running.none")}</p>
      ) : (
        running.map((w) => (
          <div key={w.waveId} className="stack" data-testid="running-wave">
            <p>
              {t("overview.running.wave", {
                wave: w.name,
                status: t(`overview.status.${w.status}`),
                from: f.date(w.opensAt.slice(0, 10)),
                to: f.date(w.closesAt.slice(0, 10)),
              })}
            </p>
            <p>
              {t("overview.running.progress", {
                responded: f.number(w.responded),
                invited: f.number(w.invited),
                rate: f.percent(w.responseRate, 1),
              })}
            </p>
            <progress max={Math.max(w.invited, 1)} value={w.responded} aria-label={t("overview.running.progressLabel", { wave: w.name })} />
            <p className="muted small">{t("overview.running.provisional")}</p>
          </div>
        ))
      )}
    </Tile>
  );
}
