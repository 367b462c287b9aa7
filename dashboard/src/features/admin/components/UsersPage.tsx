import { useState, type FormEvent } from "react";
import type { ApiFailure } from "../../../shared/api/client.ts";
import type { Body } from "../../../shared/api/contract.ts";
import { useSend } from "../../../shared/api/query.ts";
import { ROLE_KEY, ROLES } from "../../account/api/roles.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";

export function UsersPage() {
  const { t } = useI18n();
  const users = useReply("listUsers", "/users");
  const create = useSend("createUser", "POST", ["listUsers"]);
  const update = useSend("updateUser", "PATCH", ["listUsers"]);
  const revoke = useSend("revokeUserSessions", "POST", ["listUsers"]);
  const [link, setLink] = useState("");
  const [error, setError] = useState("");
  const places = users.data?.places;
  // Names, not slugs: "Den Helder", not "den-helder".
  const placeName = (id: string | null) =>
    id ? ([...(places?.municipalities ?? []), ...(places?.branches ?? [])].find((p) => p.id === id)?.name ?? id) : "–";
  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = Object.fromEntries([...f.entries()].filter(([, v]) => v !== "")) as Body<"createUser">;
    try {
      setError("");
      setLink((await create.send("/users", body)).setPasswordUrl);
    } catch (err) {
      setError((err as ApiFailure).message);
    }
  }
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t("users.title")}</h1>
      {users.data ? (
        <ScrollBox label={t("users.title")}>
          <table>
            <caption>{t("users.title")}</caption>
            <thead>
              <tr>
                {(["users.email", "users.role", "users.scope", "users.status"] as const).map((k) => (
                  <th scope="col" key={k}>
                    {t(k)}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.email}</th>
                  <td>{t(ROLE_KEY[u.role])}</td>
                  <td>{placeName(u.municipalityId ?? u.branchId)}</td>
                  <td>{u.disabled ? t("users.disabled") : t("users.active")}</td>
                  <td>
                    <button type="button" onClick={() => update.send(`/users/${u.id}`, { disabled: !u.disabled })}>
                      {u.disabled ? t("users.enable") : t("users.disable")}
                    </button>{" "}
                    <button type="button" onClick={() => revoke.send(`/users/${u.id}/revoke-sessions`)}>
                      {t("users.revoke")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : (
        <Status loading={users.loading} error={users.error} />
      )}
      <h2>{t("users.add")}</h2>
      <form onSubmit={add} className="inline-form">
        <label htmlFor="u-email">{t("users.email")}</label>
        <input id="u-email" name="email" type="email" required />
        <label htmlFor="u-name">{t("users.name")}</label>
        <input id="u-name" name="name" />
        <label htmlFor="u-role">{t("users.role")}</label>
        <select id="u-role" name="role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(ROLE_KEY[r])}
            </option>
          ))}
        </select>
        <label htmlFor="u-mun">{t("users.municipality")}</label>
        <select id="u-mun" name="municipality" defaultValue="">
          <option value="">{t("users.none")}</option>
          {places?.municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <label htmlFor="u-branch">{t("users.branch")}</label>
        <select id="u-branch" name="branch" defaultValue="">
          <option value="">{t("users.none")}</option>
          {places?.branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <button type="submit">{t("users.add")}</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {link && (
        <p role="status">
          {t("users.link")} <code>{link}</code>
        </p>
      )}
    </section>
  );
}
