// The public API report (api/*.api.md) matches the built declarations, so a change of the public
// surface shows in review, and every public name has a TSDoc comment. Runs after `npm run build`
// (as `npm test` does).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

describe('public API report', () => {
  it('api/*.api.md match what the packages export (else: npm run api:update)', () => {
    const run = spawnSync(process.execPath, ['scripts/apiReport.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr, 'run `npm run api:update` and commit api/*.api.md').toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
