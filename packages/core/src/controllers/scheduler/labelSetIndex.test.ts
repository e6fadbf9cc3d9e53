import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelSetId } from './labelSetIndex.js';

describe('labelSetId', () => {
  it('is the namespace and the sorted k=v pairs, NUL-separated, whatever the key order', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.dictionary(fc.stringMatching(/^[a-z0-9./-]{1,6}$/), fc.string({ maxLength: 4 })),
        (ns, labels) => {
          const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
          const expected = `${ns}\u0000${pairs.sort().join('\u0000')}`;
          expect(labelSetId(ns, labels)).toBe(expected);
          const reversed = Object.fromEntries(Object.entries(labels).reverse());
          expect(labelSetId(ns, reversed)).toBe(expected);
        },
      ),
    );
    expect(labelSetId('ns', undefined)).toBe('ns\u0000');
  });
});
