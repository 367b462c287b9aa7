import { a11ySuite } from "../helpers/a11y-suite.ts";

a11ySuite(
  "accessibility of every view of kwaliteit, admin and gemeente (axe-core, WCAG 2.1 AA)",
  ["views"],
  ["kwaliteit", "admin", "gemeente"],
);
