#!/usr/bin/env node
// The `kubesim` bin. It is committed (not built) so that `npm ci` links it into node_modules/.bin
// even before the first build, and it loads the compiled CLI from dist/. In a checkout, build
// first (`npm run build`); the published package ships dist/. Before a build only `--version`
// answers (from package.json); any other command says to build.
/* global process, URL */
import { readFileSync } from 'node:fs';

const cli = new URL('../dist/cli/main.js', import.meta.url);
try {
  await import(cli.href);
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes(cli.pathname)) {
    const args = process.argv.slice(2);
    if (args.length === 1 && args[0] === '--version') {
      const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
      process.stdout.write(`${pkg.version}\n`);
      process.exit(0);
    }
    process.stderr.write('kubesim: the CLI is not built yet; run `npm run build` first\n');
    process.exit(2);
  }
  throw err;
}
