// The README's behaviour -> file table stays true: every file it names exists, and it keeps at
// least the eight behaviours the architecture review asked to reach in one step.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Rows of the table under "Where each behaviour lives": [behaviour, path]. */
function tableRows(): [string, string][] {
  const start = readme.indexOf('### Where each behaviour lives');
  const section = readme.slice(start, readme.indexOf('\n## ', start));
  return [...section.matchAll(/^\| (.+?) \| \[`([^`]+)`\]\(([^)]+)\) \|$/gm)].map((m) => {
    expect(m[3], `link and text of ${m[2]!} agree`).toBe(m[2]);
    return [m[1]!, m[2]!];
  });
}

describe('README architecture table', () => {
  it('names at least twenty behaviours', () => {
    expect(tableRows().length).toBeGreaterThanOrEqual(20);
  });

  it('points every behaviour at a file that exists', () => {
    const missing = tableRows()
      .filter(([, path]) => !existsSync(join(root, path)))
      .map(([behaviour, path]) => `${behaviour}: ${path}`);
    expect(missing, 'update the README table after moving or renaming a file').toEqual([]);
  });

  it('keeps the eight behaviours of the architecture review', () => {
    const behaviours = tableRows().map(([b]) => b.toLowerCase());
    for (const needle of [
      'endpointslice conditions',
      'terminating fallback',
      'crash-loop timing',
      'node-monitor grace',
      'maxsurge',
      'clusterip allocation',
      'watch delay',
      'trace hash',
    ]) {
      expect(
        behaviours.some((b) => b.includes(needle)),
        needle,
      ).toBe(true);
    }
  });
});
