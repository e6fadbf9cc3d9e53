// Issue 14, what a kubectl user expects of the CLI and packages: the bullets without a test of
// their own elsewhere, each named after it. (`npx kubesim … works in a fresh clone` is in
// test/packaging.test.ts, beside the other checks of the bin.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../packages/sim/src/cli/memoryIo.test-helper.js';
import { runCli } from '../../packages/sim/src/cli/runCli.js';

const root = new URL('../..', import.meta.url).pathname;
const read = (rel: string): string => readFileSync(join(root, rel), 'utf8');

/** The commands of a shell script, without comments and blank lines. */
const commands = (script: string): string[] =>
  script
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l !== '');

describe('issue 14: CLI and packages', () => {
  it('publint and @arethetypeswrong/cli run in CI on the packed tarballs', () => {
    // The README's test command, from its quick start (`npm test   # build, lint, and run every test`).
    const testCommand = /^(npm [^#\n]*?)\s+#[^\n]*\bevery test\b/m.exec(read('README.md'))?.[1];
    expect(testCommand).toBe('npm test');
    const ci = commands(read('.ci/run'));
    const testAt = ci.indexOf(testCommand ?? '');
    const checkAt = ci.indexOf('npm run check:packages');
    expect(testAt).toBeGreaterThanOrEqual(0);
    expect(checkAt).toBeGreaterThan(testAt);
    // `set -e` makes a tool's rejection fail CI.
    expect(ci).toContain('set -euo pipefail');

    const manifest = JSON.parse(read('package.json')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(manifest.scripts['check:packages']).toMatch(/node scripts\/checkPackages\.mjs$/);
    // Both tools are pinned, so `npx --no-install` runs these versions and never the registry.
    expect(manifest.devDependencies['publint']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.devDependencies['@arethetypeswrong/cli']).toMatch(/^\d+\.\d+\.\d+$/);

    // The script packs every published workspace and runs both tools on each tarball.
    const script = read('scripts/checkPackages.mjs');
    expect(script).toMatch(/\['pack', '--json'/);
    expect(script).toMatch(/'@kubesim\/core', '@kubesim\/sim'/);
    expect(script).toMatch(/\['publint', \['publint', tarball, '--strict'\]\]/);
    expect(script).toMatch(/\['attw', \['attw', tarball,/);
    expect(script).toMatch(/execFileSync\('npx', \['--no-install', \.\.\.args\]/);
    expect(script).toMatch(/process\.exit\(1\)/);
  });

  it("kubesim demo writes kubesim-demo-report.html by default, as the README says (--report PATH to move it, --no-report to skip); API.md's line matches", async () => {
    // docs/API.md's CLI line for the demo: its options and its default report file.
    const line = read('docs/API.md')
      .split('\n')
      .find((l) => l.startsWith('kubesim demo '));
    expect(line).toBeDefined();
    const m = /^kubesim demo \[(--report \S+) \| (--no-report)\]\s+.*\(report: (\S+)\)$/.exec(
      line ?? '',
    );
    expect(m, line).not.toBeNull();
    const defaultReport = m?.[3] ?? '';
    expect(read('README.md')).toContain(`default ${defaultReport}`);

    const byDefault = memoryIo();
    expect((await runCli(['demo'], byDefault)).exitCode).toBe(0);
    expect([...byDefault.files.keys()]).toEqual([defaultReport]);
    expect(byDefault.files.get(defaultReport)).toMatch(/^<!doctype html>/i);

    const moved = memoryIo();
    expect((await runCli(['demo', '--report', 'elsewhere.html'], moved)).exitCode).toBe(0);
    expect([...moved.files.keys()]).toEqual(['elsewhere.html']);

    const none = memoryIo();
    expect((await runCli(['demo', '--no-report'], none)).exitCode).toBe(0);
    expect(none.files.size).toBe(0);

    // The CLI's own usage says the same.
    const usage = (await runCli(['--help'], memoryIo())).output;
    expect(usage).toContain(`kubesim demo [--report out.html | --no-report]`);
    expect(usage).toContain(`(report: ${defaultReport})`);
  }, 60_000);
});
