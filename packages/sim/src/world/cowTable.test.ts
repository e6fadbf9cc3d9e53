import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CowTable } from './cowTable.js';

type Op = { on: number; key: number; value: number | null };

describe('CowTable', () => {
  it('forks never see each other’s writes and each reads like a map given the same writes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ on: fc.nat(3), key: fc.nat(40), value: fc.option(fc.nat(9)) }), {
          maxLength: 120,
        }),
        fc.array(fc.nat(3), { maxLength: 4 }),
        (ops: Op[], forkFrom: number[]) => {
          const tables = [new CowTable<number>()];
          const models = [new Map<string, number>()];
          let i = 0;
          for (const op of ops) {
            // Fork some table now and then (a fork of a fork included).
            if (i < forkFrom.length && op.key % 10 === 0) {
              const from = (forkFrom[i] ?? 0) % tables.length;
              tables.push((tables[from] as CowTable<number>).fork());
              models.push(new Map(models[from]));
              i += 1;
            }
            const t = op.on % tables.length;
            const key = `10.128.${op.key % 3}.${op.key}`;
            if (op.value === null) {
              expect(tables[t]?.delete(key)).toBe(models[t]?.delete(key));
            } else {
              tables[t]?.set(key, op.value);
              models[t]?.set(key, op.value);
            }
          }
          tables.forEach((table, t) => {
            for (let k = 0; k <= 40; k++) {
              const key = `10.128.${k % 3}.${k}`;
              expect(table.get(key)).toBe(models[t]?.get(key));
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
