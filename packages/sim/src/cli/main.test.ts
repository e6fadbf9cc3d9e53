// Runs the bin as a user's shell would: the committed shim (bin/kubesim.js), which loads the
// built CLI (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/kubesim.js', import.meta.url));

function kubesim(args: string[], cwd: string) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd });
}

describe('the kubesim bin', () => {
  it('exits 2 on an invalid scenario file, printing the message to stderr without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-cli-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'seed: 1\nhorizon: soon\n');
    const run = kubesim(['run', file], dir);
    expect(run.stderr).toMatch(/^kubesim: horizon: invalid duration "soon"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('kubesim run <dir> exits 2 with one line, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-cli-'));
    mkdirSync(join(dir, 'scenarios'));
    const run = kubesim(['run', 'scenarios'], dir);
    expect(run.stderr).toBe('kubesim: cannot read scenarios: EISDIR (it is a directory)\n');
    expect(run.status).toBe(2);
  });

  it('prints the version and the usage with exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-cli-'));
    expect(kubesim(['--version'], dir).stdout).toMatch(/^\d+\.\d+\.\d+/);
    const help = kubesim(['--help'], dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/kubesim demo \[--report out\.html \| --no-report\]/);
  });
});
