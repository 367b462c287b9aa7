import { existsSync } from "node:fs";

/**
 * Debian's Chromium for the browser tests: the headless shell (package chromium-headless-shell,
 * built from the same Chromium source and version as /usr/bin/chromium). It is what Playwright
 * itself launches for headless runs. The full browser in --headless mode carries the whole
 * desktop browser along: the system project took 319 busy CPU-s with it and 209 with the shell
 * (same tests, same machine, back to back), which is most of the suite's time on two cores.
 * KS_CHROMIUM picks another binary (the full browser: KS_CHROMIUM=/usr/bin/chromium); without
 * the shell installed, the full browser is used.
 */
export const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const FULL_BROWSER = "/usr/bin/chromium";
export const CHROMIUM =
  process.env.KS_CHROMIUM ?? (existsSync(HEADLESS_SHELL) || !existsSync(FULL_BROWSER) ? HEADLESS_SHELL : FULL_BROWSER);

/** Headless, without the background traffic this closed network refuses. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];
