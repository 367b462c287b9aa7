import { useState, type FormEvent } from "react";
import { api, ApiFailure, type User } from "../../../shared/api/api.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useLoad } from "../../../shared/api/useLoad.ts";
import { Status } from "../../../shared/components/Status.tsx";

const ROLES = ["admin", "kwaliteit", "management", "medewerker", "gemeente", "auditor"];

export function UsersPage() {
  const { t } = useI18n();
  const users = useLoad<{ users: User[] }>("/users");
  const [link, setLink] = useState("");
  const [error, setError] = useState("");
  async function add(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = Object.fromEntries([...f.entries()].filter(([, v]) => v !== ""));
    try {
      setError("");
      setLink((await api<{ setPasswordUrl: string }>("/users", { method: "POST", body })).setPasswordUrl);
      users.reload();
    } catch (err) {
      setError((err as ApiFailure).message);
    }
  }
  const act = async (path: string, body?: unknown, method = "POST") => { await api(path, { method, body }); users.reload(); };
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t("users.title")}</h1>
      {users.data ? (
        <table>
          <caption>{t("users.title")}</caption>
          <thead><tr>{(["users.email", "users.role", "users.scope", "users.status"] as const).map((k) => <th scope="col" key={k}>{t(k)}</th>)}<th scope="col"><span className="sr-only">acties</span></th></tr></thead>
          <tbody>{users.data.users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.email}</th><td>{u.role}</td><td>{u.municipalityId ?? u.branchId ?? "–"}</td>
              <td>{u.disabled ? t("users.disabled") : t("users.active")}</td>
              <td>
                <button type="button" onClick={() => act(`/users/${u.id}`, { disabled: !u.disabled }, "PATCH")}>{u.disabled ? t("users.enable") : t("users.disable")}</button>{" "}
                <button type="button" onClick={() => act(`/users/${u.id}/revoke-sessions`)}>{t("users.revoke")}</button>
              </td>
            </tr>))}
          </tbody>
        </table>) : <Status loading={users.loading} error={users.error} />}
      <h2>{t("users.add")}</h2>
      <form onSubmit={add} className="inline-form">
        <label htmlFor="u-email">{t("users.email")}</label><input id="u-email" name="email" type="email" required />
        <label htmlFor="u-name">{t("users.name")}</label><input id="u-name" name="name" />
        <label htmlFor="u-role">{t("users.role")}</label>
        <select id="u-role" name="role">{ROLES.map((r) => <option key={r}>{r}</option>)}</select>
        <label htmlFor="u-mun">{t("users.scope")}</label><input id="u-mun" name="municipality" placeholder="gemeente (bij rol gemeente)" />
        <label htmlFor="u-branch">Vestiging</label><input id="u-branch" name="branch" placeholder="vestiging (bij rol medewerker)" />
        <button type="submit">{t("users.add")}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {link && <p role="status">{t("users.link")} <code>{link}</code></p>}
    </section>
  );
}
