import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PendingSequences } from './pendingSequences.js';

describe('PendingSequences', () => {
  it('agrees with a Set of numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat({ max: 200_000 }))), (ops) => {
        const s = new PendingSequences();
        const ref = new Set<number>();
        for (const [add, seq] of ops) {
          if (add && !ref.has(seq)) {
            s.add(seq);
            ref.add(seq);
          } else if (!add && ref.has(seq)) {
            s.delete(seq, 1_000_000);
            ref.delete(seq);
          }
          expect(s.has(seq)).toBe(ref.has(seq));
        }
      }),
    );
  });

  it('frees a chunk once all its sequences were issued and consumed', () => {
    const s = new PendingSequences();
    const n = 70_000;
    for (let i = 0; i < n; i++) s.add(i);
    expect(s.chunkCount).toBe(3);
    for (let i = 0; i < n; i++) s.delete(i, n);
    // the last chunk is not fully issued yet, so it is kept for the sequences still to come
    expect(s.chunkCount).toBe(1);
    expect(s.has(0)).toBe(false);
  });
});
