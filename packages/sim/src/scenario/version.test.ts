import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KUBESIM_VERSION } from './version.js';

describe('KUBESIM_VERSION', () => {
  it('equals the version in packages/sim/package.json', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(KUBESIM_VERSION).toBe(pkg.version);
  });
});
