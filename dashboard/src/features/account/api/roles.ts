import { labelled } from "../../../shared/api/labels.ts";
import type { User } from "./session.ts";

/** The roles, named in the message catalog; the record holds every role the API knows. */
const roles = labelled<User["role"]>({
  admin: "role.admin",
  kwaliteit: "role.kwaliteit",
  management: "role.management",
  medewerker: "role.medewerker",
  gemeente: "role.gemeente",
  auditor: "role.auditor",
});
export const ROLES = roles.values,
  ROLE_KEY = roles.keys;
