import { getRouteApi } from "@tanstack/react-router";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { useUrlSearch } from "../../../shared/useUrlSearch.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useCan, type User } from "../../account/api/session.ts";
import { useMunicipalities, useOrganisations } from "../../registry/api/useReference.ts";
import { ActivityForm } from "./ActivityForm.tsx";
import { BulkHoursForm } from "./BulkHoursForm.tsx";
import { WeekView } from "./WeekView.tsx";

/** Uren: register one's hours, see one's week and correct it, and enter a conference's hours at once. */
export function HoursPage({ user }: { user: User }) {
  const { t } = useI18n();
  const can = useCan();
  const [search, setSearch] = useUrlSearch(getRouteApi("/uren"));
  const municipalities = useMunicipalities();
  const organisations = useOrganisations();
  const settings = useReply("getRegistrySettings", "/registry/settings");
  const mayRegisterOthers = can("hours:others");
  const people = useReply("listPeople", mayRegisterOthers ? "/people" : null);
  // A medewerker works for one branch: offer only its municipalities.
  const own = municipalities.list.filter((m) => !user.branchId || m.branchId === user.branchId);
  const rates = Object.keys(settings.data?.hourlyRates ?? {});
  const defaultRole = rates.includes("procesregisseur") ? "procesregisseur" : (rates[0] ?? "");
  const others = mayRegisterOthers ? (people.data?.people ?? []).filter((p) => p.id !== user.id) : null;
  const ready = settings.data && !municipalities.loading && !organisations.loading;
  return (
    <section aria-labelledby="hours-title" className="stack">
      <h1 id="hours-title">{t("nav.hours")}</h1>
      <p className="lead">{t("hours.intro")}</p>
      {!ready ? (
        <Status loading={settings.loading || municipalities.loading} error={settings.error ?? municipalities.error} />
      ) : (
        <>
          <ActivityForm municipalities={own} rates={rates} people={others} defaultRole={defaultRole} />
          <WeekView
            date={search.week}
            onDate={(week) => setSearch({ week: week ?? "" })}
            municipalities={municipalities.list}
            rates={rates}
            people={others}
          />
          <BulkHoursForm branchId={user.branchId} organisations={organisations.list} rates={rates} defaultRole={defaultRole} />
        </>
      )}
    </section>
  );
}
