import { a11ySuite } from "../helpers/a11y-suite.ts";

a11ySuite(
  "every view of kwaliteit, admin and gemeente: the menu, closed views, axe (WCAG 2.1 AA); filters in the URL",
  ["views", "filters"],
  ["kwaliteit", "admin", "gemeente"],
);
