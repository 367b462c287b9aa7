import { a11ySuite } from "../helpers/a11y-suite.ts";

a11ySuite(
  "accessibility of every view of management, auditor and medewerker (axe-core, WCAG 2.1 AA)",
  ["views"],
  ["management", "auditor", "medewerker"],
);
