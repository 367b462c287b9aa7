import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Projects in the order their files are queued: the slow system files first, the quick unit files last. */
const PROJECTS = ["system", "postgres", "pglite", "unit"];
/**
 * Files that run for tens of seconds, longest first, whatever their project. Without a timings cache
 * (a clean clone, as in CI) vitest queues larger files first, and these are short (the a11y wrappers run a
 * shared suite), wait on processes (pool-crash) or are pure CPU (validate-reuse compares 2,000 answer sets
 * against a survey-core model built for each): queued by project they started last and made the run's tail,
 * one worker busy while two sat idle (validate-reuse alone ended 34 s after every other file of its run).
 */
const LONG = [
  /tests\/system\/a11y-[^/]*\.test\.ts$/,
  /tests\/system\/pool-crash\.test\.ts$/,
  /tests\/unit\/validate-reuse\.test\.ts$/,
  /tests\/api\/pool\.pg\.test\.ts$/,
  /tests\/api\/demo-seeded\.test\.ts$/,
  /tests\/api\/permissions\.test\.ts$/,
];

/**
 * Longest first, across projects: the files in LONG in that order, then project by project (vitest
 * queued in name order, pglite, postgres, system, unit, so the slowest files started last). Within a
 * rank vitest's own order stays (the longest by the last run's timings, else the largest file).
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const long = LONG.findIndex((re) => re.test(f.moduleId));
      if (long !== -1) return long;
      const p = PROJECTS.indexOf(f.project.name);
      return LONG.length + (p === -1 ? PROJECTS.length : p);
    };
    const order = new Map(sorted.map((f, i) => [f, i]));
    return [...sorted].sort((a, b) => rank(a) - rank(b) || order.get(a)! - order.get(b)!);
  }
}
