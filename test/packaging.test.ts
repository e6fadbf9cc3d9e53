// Packaging: what npm would publish works for a user (runs after `npm run build`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

interface Manifest {
  name: string;
  version: string;
  license?: string;
  repository?: { type?: string; url?: string; directory?: string };
  homepage?: string;
  bugs?: { url?: string };
  exports: Record<string, string | { types?: string; default?: string }>;
  typesVersions?: Record<string, Record<string, string[]>>;
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
        const paths = typeof target === 'string' ? [target] : [target.types, target.default];
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

  // Issue 14: passes right after `npm ci`, before any build (the bin answers --version from
  // package.json when dist/ is absent), and with a build alike.
  it('npx kubesim … works in a fresh clone: npm ci links the committed bin into node_modules/.bin, and npx --no-install runs it', () => {
    const manifest = pkg('packages/sim');
    const rel = join('packages/sim', manifest.bin?.kubesim ?? '');
    expect(rel.includes('dist/')).toBe(false);
    const staged = execFileSync('git', ['ls-files', '-s', rel], { cwd: root, encoding: 'utf8' });
    expect(staged).toMatch(/^100755 /);
    // The link npm ci made from the workspace's bin entry, run through its shebang as a shell does.
    const link = join(root, 'node_modules/.bin/kubesim');
    expect(realpathSync(link)).toBe(realpathSync(join(root, rel)));
    const version = manifest.version;
    expect(execFileSync(link, ['--version'], { encoding: 'utf8' })).toBe(`${version}\n`);
    // What the README tells a user to type; --no-install never asks the registry.
    const npx = execFileSync('npx', ['--no-install', 'kubesim', '--version'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(npx).toBe(`${version}\n`);
  }, 60_000);

  it('the packed tarballs carry dist but no tests', () => {
    for (const dir of packageDirs) {
      const paths = packedFiles(dir);
      expect(paths.some((p) => p.startsWith('dist/') && p.endsWith('index.js'))).toBe(true);
      expect(paths.filter((p) => /\.test(-helper|-d)?\.(js|d\.ts|ts)$/.test(p))).toEqual([]);
    }
  }, 60_000);

  it('the packed tarballs carry a README and LICENSE, repository/homepage/bugs', () => {
    const license = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(license).toContain(
      'Apache License\n                           Version 2.0, January 2004',
    );
    for (const dir of packageDirs) {
      const paths = packedFiles(dir);
      expect(paths).toContain('README.md');
      expect(paths).toContain('LICENSE');
      // One license text: each package's copy is the repository's.
      expect(readFileSync(join(root, dir, 'LICENSE'), 'utf8')).toBe(license);
      const manifest = pkg(dir);
      expect(manifest.license).toBe('Apache-2.0');
      expect(manifest.repository).toEqual({
        type: 'git',
        url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) as unknown,
        directory: dir,
      });
      expect(manifest.homepage).toMatch(/^https:\/\//);
      expect(manifest.bugs?.url).toMatch(/^https:\/\//);
    }
  }, 60_000);

  it('every subpath resolves with types under node16/bundler (exports) and node10 (typesVersions)', () => {
    for (const dir of packageDirs) {
      const manifest = pkg(dir);
      for (const [subpath, target] of Object.entries(manifest.exports)) {
        if (subpath === './package.json') continue;
        expect(typeof target, `${dir} ${subpath}`).toBe('object');
        if (typeof target === 'string') continue;
        expect(Object.keys(target), `${dir} ${subpath}`).toEqual(['types', 'default']);
        expect(target.types).toBe(target.default?.replace(/\.js$/, '.d.ts'));
        if (subpath === '.') continue;
        // Under node10 resolution `exports` is ignored: typesVersions maps the subpath instead.
        expect(manifest.typesVersions?.['*']?.[subpath.slice(2)], `${dir} ${subpath}`).toEqual([
          target.types,
        ]);
      }
    }
  });

  it('require() loads every subpath on the supported Node versions (the packages are ESM only)', () => {
    // Why check:packages lets attw excuse cjs-resolves-to-esm: engines is Node >= 20.19, where
    // require(esm) is on by default, and the `default` condition lets require resolve.
    const subpaths = [
      '@kubesim/core',
      '@kubesim/core/openapi',
      '@kubesim/sim',
      '@kubesim/sim/testing',
    ];
    const script = `for (const s of ${JSON.stringify(subpaths)}) console.log(s, Object.keys(require(s)).length);`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    for (const s of subpaths) expect(out).toMatch(new RegExp(`^${s} [1-9]\\d*$`, 'm'));
  }, 60_000);

  it('the source maps in the tarballs point only at files the tarballs carry', () => {
    for (const dir of packageDirs) {
      const shipped = new Set(packedFiles(dir));
      const maps = [...shipped].filter((p) => p.endsWith('.map'));
      expect(maps.length, dir).toBeGreaterThan(0);
      const missing: string[] = [];
      for (const map of maps) {
        const { sources, sourceRoot } = JSON.parse(readFileSync(join(root, dir, map), 'utf8')) as {
          sources: string[];
          sourceRoot?: string;
        };
        for (const source of sources) {
          const target = posix.normalize(posix.join(posix.dirname(map), sourceRoot ?? '', source));
          if (!shipped.has(target)) missing.push(`${map} → ${target}`);
        }
      }
      for (const file of [...shipped].filter((p) => /\.(js|d\.ts)$/.test(p))) {
        const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(
          readFileSync(join(root, dir, file), 'utf8'),
        );
        if (url?.[1] === undefined) continue;
        const target = posix.normalize(posix.join(posix.dirname(file), url[1]));
        if (!shipped.has(target)) missing.push(`${file} → ${target}`);
      }
      // A map whose source is gone is a stale build output (tsc never deletes one): rebuild dist.
      expect(missing, `${dir} (stale? rm -rf packages/*/dist && npm run build)`).toEqual([]);
      // The shipped sources are the built ones, nothing more (tests and fixtures stay home).
      const unbuilt = [...shipped]
        .filter((p) => p.startsWith('src/') && p.endsWith('.ts'))
        .filter((p) => !shipped.has(p.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')));
      expect(unbuilt, dir).toEqual([]);
    }
  }, 60_000);

  it('the docs in the tarballs cite no file of the repository that the package lacks', () => {
    for (const dir of packageDirs) {
      const shipped = packedFiles(dir);
      const has = (p: string) => shipped.some((f) => f === p || f.startsWith(`${p}/`));
      const cited: string[] = [];
      for (const doc of shipped.filter((p) => p.endsWith('.md'))) {
        // Links to the repository's web pages are fine; what remains must resolve in the package.
        const text = readFileSync(join(root, dir, doc), 'utf8')
          .replace(/^```[^]*?^```$/gm, '') // examples, not citations
          .replace(/\[[^\]]*\]\(https?:[^)]*\)/g, '');
        const relativeLinks = [...text.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)].map((m) => m[1] ?? '');
        const codeTokens = [...text.matchAll(/`([^`]+)`/g)].flatMap((m) =>
          (m[1] ?? '').split(/\s+/),
        );
        for (const raw of [...relativeLinks, ...codeTokens]) {
          const token = raw.replace(/[.,:;)]+$/, '').replace(/\/$/, '');
          if (!/\w/.test(token) || token.includes('://')) continue;
          const inPackage = [token, posix.join(posix.dirname(doc), token)].map((p) =>
            posix.normalize(p),
          );
          const inRepository = [join(root, token), join(root, dir, token)];
          if (inPackage.some(has)) continue;
          if (inRepository.some((p) => existsSync(p)) || relativeLinks.includes(raw)) {
            cited.push(`${dir}/${doc}: ${raw}`);
          }
        }
      }
      expect(cited, dir).toEqual([]);
    }
  }, 60_000);
});

const packageDirs = ['packages/core', 'packages/sim'] as const;
const packCache = new Map<string, string[]>();

/** The paths (relative to the package) that `npm pack` would put in the tarball of a package. */
function packedFiles(dir: string): string[] {
  const cached = packCache.get(dir);
  if (cached !== undefined) return cached;
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '-w', pkg(dir).name], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [info] = JSON.parse(out) as [{ files: { path: string }[] }];
  const paths = info.files.map((f) => f.path);
  packCache.set(dir, paths);
  return paths;
}
