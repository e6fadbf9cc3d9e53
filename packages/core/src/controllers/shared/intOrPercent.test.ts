import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaledValue } from '../deployment/fenceposts.js';
import { scaledValueRoundUp } from '../disruption/expectedPods.js';
import { scaledIntOrPercent } from './intOrPercent.js';

describe('scaledIntOrPercent (intstr.GetScaledValueFromIntOrPercent)', () => {
  it('rounds a percent up or down and keeps integers', () => {
    expect(scaledIntOrPercent('25%', 10, true)).toEqual({ ok: true, value: 3 });
    expect(scaledIntOrPercent('25%', 10, false)).toEqual({ ok: true, value: 2 });
    expect(scaledIntOrPercent(7, 3, false)).toEqual({ ok: true, value: 7 });
  });

  it('accepts a sign before the percent, as strconv.Atoi does', () => {
    expect(scaledIntOrPercent('+10%', 5, true)).toEqual({ ok: true, value: 1 });
    expect(scaledIntOrPercent('-10%', 5, false)).toEqual({ ok: true, value: -1 });
  });

  it("refuses a string without '%' and a non-integer percent in upstream's words", () => {
    expect(scaledIntOrPercent('5', 10, true)).toEqual({
      ok: false,
      error: 'invalid value for IntOrString: invalid type: string is not a percentage',
    });
    expect(scaledIntOrPercent('1.5%', 10, true)).toEqual({
      ok: false,
      error: 'invalid value "1.5%": invalid syntax',
    });
  });

  it('gives the Deployment fenceposts and the disruption budgets the same answers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat(200),
          fc.nat(200).map((n) => `${n}%`),
        ),
        fc.nat(1000),
        (value, total) => {
          const budget = scaledValueRoundUp(value, total);
          expect(budget).toEqual({ ok: true, value: scaledValue(value, total, true) });
        },
      ),
    );
  });
});
