import type { Reporter, TestModule } from "vitest/node";

const SHOWN = 10;
const LOOK_AT = 20_000;

/** Prints the ten slowest test files after a run; a file over 20 s deserves a look. */
export default class SlowestFiles implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const timed = modules
      .map((m) => ({ name: `${m.project.name}: ${m.moduleId.replace(`${process.cwd()}/`, "")}`, ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN);
    if (!timed.length) return;
    const lines = timed.map((t) => `  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.name}${t.ms > LOOK_AT ? "   <- over 20 s" : ""}`);
    process.stdout.write(`\nSlowest ${timed.length} test files:\n${lines.join("\n")}\n`);
  }
}
