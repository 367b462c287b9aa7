import { useState, type FormEvent } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import type { Theme } from "../../registry/api/registry.ts";

const THEME_CHANGES = ["listThemes", "getConferenceMetrics"] as const;

/** The ZVH's own theme list: add, rename, put out of use (a theme in use is never deleted). */
export function ThemesPanel({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const themes = useReply("listThemes", "/themes");
  const create = useSend("createTheme", "POST", THEME_CHANGES);
  const [name, setName] = useState("");
  const [editing, setEditing] = useState<string>();
  const { error, busy, run } = useSubmit();
  async function add(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await create.send("/themes", { name: name.trim() });
      setName("");
    });
  }
  return (
    <section aria-labelledby="themes-title" className="card stack">
      <h2 id="themes-title">{t("settings.themes")}</h2>
      <p className="hint">{t("settings.themesIntro")}</p>
      {!themes.data ? (
        <Status loading={themes.loading} error={themes.error} />
      ) : (
        <ScrollBox label={t("chart.table", { title: t("settings.themesCaption", { n: themes.data.themes.length }) })}>
          <table>
            <caption>{t("settings.themesCaption", { n: themes.data.themes.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("settings.themeName")}</th>
                <th scope="col">{t("settings.themeState")}</th>
                {canManage && (
                  <th scope="col">
                    <span className="sr-only">{t("hours.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {themes.data.themes.map((th) =>
                editing === th.id ? (
                  <tr key={th.id}>
                    <td colSpan={3}>
                      <RenameTheme theme={th} onDone={() => setEditing(undefined)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={th.id}>
                    <th scope="row">{th.name}</th>
                    <td>{th.active ? t("settings.inUse") : t("settings.outOfUse")}</td>
                    {canManage && (
                      <td>
                        <button type="button" className="secondary" onClick={() => setEditing(th.id)}>
                          {t("settings.rename")}
                          <span className="sr-only"> {th.name}</span>
                        </button>{" "}
                        <ToggleTheme theme={th} />
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {canManage && (
        <form onSubmit={add} className="inline-form" aria-labelledby="theme-add-title">
          <h3 id="theme-add-title">{t("settings.addTheme")}</h3>
          <label htmlFor="theme-new">{t("settings.themeName")}</label>
          <input id="theme-new" required minLength={3} maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={busy}>
            {t("settings.addTheme")}
          </button>
          <Status error={error} />
        </form>
      )}
    </section>
  );
}

function ToggleTheme({ theme }: { theme: Theme }) {
  const { t } = useI18n();
  const update = useSend("updateTheme", "PATCH", THEME_CHANGES);
  const { error, busy, run } = useSubmit();
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => run(async () => void (await update.send(`/themes/${theme.id}`, { active: !theme.active })))}
      >
        {theme.active ? t("settings.deactivate") : t("settings.activate")}
        <span className="sr-only"> {theme.name}</span>
      </button>
      <Status error={error} />
    </>
  );
}

function RenameTheme({ theme, onDone }: { theme: Theme; onDone: () => void }) {
  const { t } = useI18n();
  const update = useSend("updateTheme", "PATCH", THEME_CHANGES);
  const [name, setName] = useState(theme.name);
  const { error, busy, run } = useSubmit();
  const id = `rename-${theme.id}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await update.send(`/themes/${theme.id}`, { name: name.trim() });
      onDone();
    });
  }
  return (
    <form onSubmit={submit} className="row-form" aria-label={t("settings.renameFor", { name: theme.name })}>
      <label htmlFor={id}>{t("settings.newName", { name: theme.name })}</label>
      <input id={id} required minLength={3} maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={busy}>
        {t("form.save")}
      </button>
      <button type="button" className="secondary" onClick={onDone}>
        {t("hours.cancel")}
      </button>
      <Status error={error} />
    </form>
  );
}
