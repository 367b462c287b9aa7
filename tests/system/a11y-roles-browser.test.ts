import { a11ySuite } from "../helpers/a11y-suite.ts";

a11ySuite(
  "every view of management, auditor and medewerker: the menu, closed views, axe (WCAG 2.1 AA)",
  ["views"],
  ["management", "auditor", "medewerker"],
);
