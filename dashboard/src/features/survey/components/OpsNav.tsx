import { Link } from "@tanstack/react-router";
import { useI18n } from "../../../shared/i18n.tsx";
import { useCan } from "../../account/api/session.ts";

/** The three pages of running a wave; the address book and e-mail only for who may manage contacts and fieldwork. */
export function OpsNav({ current }: { current: "waves" | "contacts" | "mail" }) {
  const { t } = useI18n();
  const can = useCan();
  const links = [
    { id: "waves", to: "/metingen", label: t("ops.waves"), show: true },
    { id: "contacts", to: "/metingen/adresboek", label: t("ops.addressBook"), show: can("contacts:manage") },
    { id: "mail", to: "/metingen/uitgaande-mail", label: t("ops.mail"), show: can("fieldwork:manage") && can("contacts:manage") },
  ] as const;
  const shown = links.filter((l) => l.show);
  if (shown.length < 2) return null;
  return (
    <nav aria-label={t("ops.sections")} className="sub-nav">
      {shown.map((l) => (
        <Link key={l.id} to={l.to} aria-current={l.id === current ? "page" : undefined} activeOptions={{ exact: true }}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
