import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Projects in the order their files are queued, each project's files together: a worker keeps its
 * imports only within one project (isolate: false), so a queue that switched projects back and forth
 * started a new worker, which imports the API again, at every switch (17 workers in a run where 12
 * do). The unit project goes first, so that its one long file (validate-reuse) starts at once instead
 * of making the tail; the small database files go last, where they fill the end of the run.
 */
const PROJECTS = ["unit", "system", "postgres", "pglite"];
/**
 * Files that run for tens of seconds, longest first within their project. Without a timings cache
 * (a clean clone, as in CI) vitest queues larger files first, and these are short (the a11y wrappers run a
 * shared suite), wait on processes (pool-crash) or are pure CPU (validate-reuse compares 2,000 answer sets
 * against a survey-core model built for each): queued late, they made the run's tail, one worker busy
 * while two sat idle (validate-reuse alone once ended 34 s after every other file of its run).
 */
const LONG = [
  /tests\/system\/a11y-[^/]*\.test\.ts$/,
  /tests\/system\/wave-lifecycle-browser\.test\.ts$/,
  /tests\/system\/pool-crash\.test\.ts$/,
  /tests\/unit\/validate-reuse\.test\.ts$/,
  /tests\/api\/pool\.pg\.test\.ts$/,
  /tests\/api\/demo-seeded\.test\.ts$/,
  /tests\/api\/permissions\.test\.ts$/,
];

/**
 * Project by project (vitest queued in name order, pglite, postgres, system, unit, so the slowest
 * files started last), and within a project the files in LONG first, in that order. Within a rank
 * vitest's own order stays (the longest by the last run's timings, else the largest file).
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const p = PROJECTS.indexOf(f.project.name);
      const long = LONG.findIndex((re) => re.test(f.moduleId));
      return (p === -1 ? PROJECTS.length : p) * 100 + (long === -1 ? LONG.length : long);
    };
    const order = new Map(sorted.map((f, i) => [f, i]));
    return [...sorted].sort((a, b) => rank(a) - rank(b) || order.get(a)! - order.get(b)!);
  }
}
