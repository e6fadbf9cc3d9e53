// The determinism bans of DESIGN.md point 7 are enforced by lint on library sources (and only
// there: the CLI folder and tests may use the wall clock).
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

// The probe files do not exist on disk, so type-aware rules are switched off for them; every
// other rule, including the bans, comes from the project's eslint.config.js.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const banned: readonly [string, string][] = [
  ['Math.random()', 'no-restricted-properties'],
  ['Date.now()', 'no-restricted-properties'],
  ['new Date()', 'no-restricted-syntax'],
  ['setTimeout(() => 0, 10)', 'no-restricted-globals'],
  ['crypto.randomUUID()', 'no-restricted-properties'],
];

describe('lint bans nondeterminism in packages/*/src', () => {
  for (const [expr, rule] of banned) {
    it(`fails on ${expr} under packages/core/src`, async () => {
      const ids = await ruleIdsFor(`export const x = ${expr};\n`, 'packages/core/src/probe.ts');
      expect(ids).toContain(rule);
    });
  }

  it('fails on Math.random() under packages/sim/src too', async () => {
    const ids = await ruleIdsFor('export const x = Math.random();\n', 'packages/sim/src/probe.ts');
    expect(ids).toContain('no-restricted-properties');
  });

  it('fails on an import of node:crypto', async () => {
    const ids = await ruleIdsFor(
      "import { randomUUID } from 'node:crypto';\nexport const x = randomUUID();\n",
      'packages/core/src/probe.ts',
    );
    expect(ids).toContain('no-restricted-imports');
  });

  it('allows the wall clock in the CLI folder and in tests', async () => {
    expect(
      await ruleIdsFor('export const x = Date.now();\n', 'packages/sim/src/cli/probe.ts'),
    ).toEqual([]);
    expect(await ruleIdsFor('export const x = Date.now();\n', 'test/probe.ts')).toEqual([]);
  });

  it("allows timers only in the API server's socket folder, not in the rest of the server", async () => {
    const timer = 'export const x = setTimeout(() => 0, 10);\n';
    expect(await ruleIdsFor(timer, 'packages/sim/src/server/socket/probe.ts')).toEqual([]);
    expect(await ruleIdsFor(timer, 'packages/sim/src/server/probe.ts')).toContain(
      'no-restricted-globals',
    );
  });
});
