// One errors table per package: every code thrown in a package's sources is listed in its table
// (core's CORE_ERROR_CODES, sim's SIM_ERROR_CODES), and every class the tables name exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_ERROR_CODES } from '@kubesim/core';
import { SIM_ERROR_CODES } from '@kubesim/sim';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) return sources(rel);
    return rel.endsWith('.ts') && !/\.test(-helper)?\.ts$/.test(rel) ? [rel] : [];
  });
}

/** Code literals handed to an error constructor in `text`. */
function codesIn(text: string): string[] {
  const patterns = [
    /super\(\s*'([A-Za-z]+)'/g, // class Xxx extends KubesimError { super('Code', …) }
    /new KubesimError\(\s*'([A-Za-z]+)'/g,
    /new AllocationError\(\s*'([A-Za-z]+)'/g,
    /new EvictionRefusedError\([^;]*?,\s*'([A-Za-z]+)',\s*\d{3}\)/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
}

const packages = [
  { dir: 'packages/core/src', table: Object.keys(CORE_ERROR_CODES) },
  {
    dir: 'packages/sim/src',
    table: [...Object.keys(SIM_ERROR_CODES), ...Object.keys(CORE_ERROR_CODES)],
  },
];

describe('error code tables', () => {
  for (const { dir, table } of packages) {
    it(`${dir}: every code thrown is in the table`, () => {
      const found = sources(dir).flatMap((f) =>
        codesIn(readFileSync(join(root, f), 'utf8')).map((code) => ({ f, code })),
      );
      expect(found.length).toBeGreaterThan(5);
      const missing = found.filter(({ code }) => !table.includes(code));
      expect(missing, 'add the code to the errors table of the package').toEqual([]);
    });
  }

  it('names a class that exists for every code', () => {
    const text = packages
      .flatMap(({ dir }) => sources(dir))
      .map((f) => readFileSync(join(root, f), 'utf8'))
      .join('\n');
    for (const meaning of [...Object.values(CORE_ERROR_CODES), ...Object.values(SIM_ERROR_CODES)]) {
      for (const cls of meaning.split(':')[0]!.split(' or ')) {
        expect(text, cls).toContain(`class ${cls} `);
      }
    }
  });
});
