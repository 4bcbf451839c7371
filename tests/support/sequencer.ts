/**
 * The order test files start in: vitest's own (tier by tier, longest or
 * largest first), except that the build tier's files alternate with the other
 * tiers'. The build tier's builds take turns (`buildSite`), so two of its
 * files at once leave one test worker waiting; beside a file of another tier,
 * both cores work.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export default class BuildsApart extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const builds = sorted.filter((file) => file.project.name === 'build');
    const others = sorted.filter((file) => file.project.name !== 'build');
    const order: TestSpecification[] = [];
    for (let i = 0; i < Math.max(builds.length, others.length); i++)
      order.push(...builds.slice(i, i + 1), ...others.slice(i, i + 1));
    return order;
  }
}
