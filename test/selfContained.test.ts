// `npm test` passes in a clone with nothing beside it: no source, test or example reads a file
// through a relative path that leaves the repository, nor through an absolute path of a machine.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(new URL('..', import.meta.url).pathname);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|mjs|js)$/.test(name) ? [full] : [];
  });
}

/** Relative path literals (`'../../x'`) and absolute ones of a machine (`'/work/…'`, `'/home/…'`). */
function pathLiterals(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /['"`]((?:\.\.\/)+[^'"`$\s]*|\/(?:work|home|tmp|Users)\/[^'"`\s]*)['"`]/g,
  )) {
    if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

describe('the repository is self-contained', () => {
  const self = resolve(new URL(import.meta.url).pathname);
  const files = ['packages', 'test', 'examples', 'bench']
    .flatMap((d) => sources(join(root, d)))
    .filter((f) => f !== self);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('no file reads through a path outside the repository', () => {
    const offenders: string[] = [];
    for (const file of files) {
      for (const literal of pathLiterals(readFileSync(file, 'utf8'))) {
        if (literal.startsWith('/')) {
          offenders.push(`${relative(root, file)}: ${literal}`);
          continue;
        }
        // Import specifiers and URLs resolve from the file's folder; join(__dirname, …) too.
        const target = resolve(dirname(file), literal);
        if (relative(root, target).startsWith('..'))
          offenders.push(`${relative(root, file)}: ${literal}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
