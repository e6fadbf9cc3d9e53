// Packaging: what npm would publish works for a user (runs after `npm run build`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

interface Manifest {
  name: string;
  exports: Record<string, string | { types?: string; import?: string }>;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const pkg = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('packaging', () => {
  for (const dir of ['packages/core', 'packages/sim']) {
    it(`${dir}: every export target exists after the build`, () => {
      for (const target of Object.values(pkg(dir).exports)) {
        const paths = typeof target === 'string' ? [target] : [target.types, target.import];
        for (const p of paths) {
          if (p !== undefined) expect(existsSync(join(root, dir, p)), `${dir}/${p}`).toBe(true);
        }
      }
    });
  }

  it('the public entries load and expose the documented names', async () => {
    const core = await import('@kubesim/core');
    const sim = await import('@kubesim/sim');
    const testing = await import('@kubesim/sim/testing');
    for (const name of [
      'parseSelector',
      'labelSelectorToSelector',
      'validateObject',
      'parseQuantity',
      'ValidationError',
    ]) {
      expect(core, name).toHaveProperty(name);
    }
    for (const name of [
      'createSimulation',
      'runScenario',
      'EvictionRefusedError',
      'ManifestParseError',
      'ScenarioError',
    ]) {
      expect(sim, name).toHaveProperty(name);
    }
    for (const name of [
      'scenarioArb',
      'clusterArb',
      'faultScheduleArb',
      'builtinInvariants',
      'commands',
    ]) {
      expect(testing, name).toHaveProperty(name);
    }
  });

  it('fast-check stays an optional peer: only the testing subpath imports it', () => {
    const sim = pkg('packages/sim');
    expect(sim.dependencies).not.toHaveProperty('fast-check');
    expect(sim.peerDependencies).toHaveProperty('fast-check');
    const offenders = filesUnder(join(root, 'packages/sim/dist'))
      .filter((f) => f.endsWith('.js') && !f.includes('/testing/'))
      .filter((f) => /from ['"]fast-check['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the kubesim bin is an executable node script', () => {
    const bin = join(root, 'packages/sim', pkg('packages/sim').bin?.kubesim ?? '');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    const out = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/\d+\.\d+\.\d+/);
  });

  it('the bin is committed and executable, so npm ci links it before the first build', () => {
    const rel = join('packages/sim', pkg('packages/sim').bin?.kubesim ?? '');
    expect(rel.includes('dist/')).toBe(false);
    const staged = execFileSync('git', ['ls-files', '-s', rel], { cwd: root, encoding: 'utf8' });
    expect(staged).toMatch(/^100755 /);
    // What `npx --no-install kubesim` runs: the link npm ci made in node_modules/.bin.
    const link = join(root, 'node_modules/.bin/kubesim');
    expect(realpathSync(link)).toBe(realpathSync(join(root, rel)));
    const out = execFileSync(process.execPath, [link, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 60_000);

  it('the packed tarballs carry dist but no tests', () => {
    for (const workspace of ['@kubesim/core', '@kubesim/sim']) {
      const out = execFileSync('npm', ['pack', '--dry-run', '--json', '-w', workspace], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const [info] = JSON.parse(out) as [{ files: { path: string }[] }];
      const paths = info.files.map((f) => f.path);
      expect(paths.some((p) => p.startsWith('dist/') && p.endsWith('index.js'))).toBe(true);
      expect(paths.filter((p) => /\.test(-helper)?\.(js|d\.ts)/.test(p))).toEqual([]);
    }
  }, 60_000);
});
