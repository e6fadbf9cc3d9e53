// Runs the built bin (`npm test` builds first), as a user's shell would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

describe('the kubesim bin', () => {
  it('exits 2 on an invalid scenario file, printing the message to stderr without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-cli-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'seed: 1\nhorizon: soon\n');
    const run = spawnSync(process.execPath, [main, 'run', file], { encoding: 'utf8', cwd: dir });
    expect(run.stderr).toMatch(/^kubesim: horizon: invalid duration "soon"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });
});
