// Packs each published workspace into a temporary folder and lints the tarballs a user would get:
// publint (package.json fields, exports, files) and @arethetypeswrong/cli (how every subpath
// resolves, with types, under node10, node16 from CJS and from ESM, and bundlers).
//
//   npm run check:packages        (after a build: the tarballs carry dist/)
//
// Exits non-zero when either tool reports a problem. What attw is told to excuse, and why:
//
// - cjs-resolves-to-esm: the packages are ESM only, and attw's model of node16 says a CommonJS
//   `require` of an ESM file fails. Our `engines` is Node >= 20.19, where `require(esm)` is on by
//   default (no top-level await in the library), and exports use the `default` condition so that
//   `require('@kubesim/sim')` resolves; test/packaging.test.ts requires every subpath to prove it.
// - Nothing else. Every subpath, `/testing` and `/openapi` included, also resolves under node10
//   through `typesVersions`, so the node10 excuse the project allows for `/testing` is not needed.
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { URL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const workspaces = ['@kubesim/core', '@kubesim/sim'];
const attwIgnoredRules = ['cjs-resolves-to-esm'];

const dir = mkdtempSync(join(tmpdir(), 'kubesim-pack-'));
let failed = false;
try {
  const packed = JSON.parse(
    execFileSync(
      'npm',
      ['pack', '--json', '--pack-destination', dir, ...workspaces.flatMap((w) => ['-w', w])],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    ),
  );
  for (const { name, filename } of packed) {
    const tarball = join(dir, filename);
    for (const [tool, args] of [
      ['publint', ['publint', tarball, '--strict']],
      ['attw', ['attw', tarball, '--ignore-rules', ...attwIgnoredRules]],
    ]) {
      console.log(`== ${tool} ${name}`);
      try {
        execFileSync('npx', ['--no-install', ...args], { cwd: root, stdio: 'inherit' });
      } catch {
        console.error(`check:packages: ${tool} rejected ${name}`);
        failed = true;
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log('check:packages: publint and attw accept every tarball');
