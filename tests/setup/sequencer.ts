import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Projects in the order their files are queued: the slow system files first, the quick unit files last. */
const PROJECTS = ["system", "postgres", "pglite", "unit"];
/**
 * Files known to run for minutes although they are only a few lines long (they run a shared suite), or that
 * wait on processes: without a timings cache (a clean clone, as in CI) vitest queues larger files first and
 * these came last, so the run ended with one worker busy for two minutes and two idle.
 */
const LONG = [/tests\/system\/a11y-[^/]*\.test\.ts$/, /tests\/system\/pool-crash\.test\.ts$/];

/**
 * Longest first, across projects: vitest queues project by project in name order (pglite, postgres,
 * system, unit), so the slowest files started last. Within a project vitest's own order stays (the longest
 * by the last run's timings, else the largest file), except that the files in LONG go first.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const p = PROJECTS.indexOf(f.project.name);
      return (p === -1 ? PROJECTS.length : p) * 2 + (LONG.some((re) => re.test(f.moduleId)) ? 0 : 1);
    };
    const order = new Map(sorted.map((f, i) => [f, i]));
    return [...sorted].sort((a, b) => rank(a) - rank(b) || order.get(a)! - order.get(b)!);
  }
}
