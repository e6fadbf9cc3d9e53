import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MemberSet, MultiMap } from './multiMap.js';
import { ShardedCowMap } from './shardedCowMap.js';

type Op = { readonly add: boolean; readonly key: string; readonly member: string };

const opArb: fc.Arbitrary<Op> = fc.record({
  add: fc.boolean(),
  key: fc.constantFrom('a', 'b', 'c', 'ns\u0000app=web', ''),
  member: fc.constantFrom('x', 'y', 'z'),
});

/** The reference: a plain map of sets, copied (never shared) at a fork. */
type Reference = Map<string, Set<string>>;

function applyRef(ref: Reference, o: Op): void {
  const set = ref.get(o.key) ?? new Set<string>();
  if (o.add) set.add(o.member);
  else set.delete(o.member);
  if (set.size === 0) ref.delete(o.key);
  else ref.set(o.key, set);
}

function applyMulti(m: MultiMap, o: Op): void {
  if (o.add) m.add(o.key, o.member);
  else m.remove(o.key, o.member);
}

function contents(m: MultiMap): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of ['a', 'b', 'c', 'ns\u0000app=web', '']) {
    const set = m.get(key);
    if (set !== undefined) out[key] = [...set].sort();
    expect(m.count(key)).toBe(set?.size ?? 0);
  }
  return out;
}

function refContents(ref: Reference): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, set] of ref) out[key] = [...set].sort();
  return out;
}

describe('MultiMap.fork', () => {
  it('parent, fork and fork of the fork, written interleaved, each hold only their own writes', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 20 }),
        fc.array(fc.tuple(fc.nat(2), opArb), { maxLength: 60 }),
        (prefix, writes) => {
          const sides = [new MultiMap()];
          const refs: Reference[] = [new Map()];
          for (const o of prefix) {
            applyMulti(sides[0] as MultiMap, o);
            applyRef(refs[0] as Reference, o);
          }
          for (const from of [0, 1]) {
            sides.push((sides[from] as MultiMap).fork());
            refs.push(new Map([...(refs[from] as Reference)].map(([k, s]) => [k, new Set(s)])));
          }
          for (const [side, o] of writes) {
            applyMulti(sides[side] as MultiMap, o);
            applyRef(refs[side] as Reference, o);
          }
          sides.forEach((m, i) => {
            expect(contents(m)).toEqual(refContents(refs[i] as Reference));
          });
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });

  it('a member set seen again as the same object at the same version has the same members', () => {
    // What the read model's sorted-keys memo relies on, across forks' copy-on-write.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), opArb), { maxLength: 80 }), (writes) => {
        const sides = [new MultiMap()];
        const seen = new Map<MemberSet, Map<number, string>>();
        const observe = (): void => {
          for (const m of sides) {
            for (const key of ['a', 'b', 'c', 'ns\u0000app=web', '']) {
              const set = m.get(key);
              if (set === undefined) continue;
              expect(set).toBeInstanceOf(MemberSet);
              if (!(set instanceof MemberSet)) continue;
              const ms = set;
              const members = [...ms].sort().join(',');
              const byVersion = seen.get(ms) ?? new Map<number, string>();
              seen.set(ms, byVersion);
              expect(byVersion.get(ms.version) ?? members).toBe(members);
              byVersion.set(ms.version, members);
            }
          }
        };
        for (const [side, o] of writes) {
          if (side >= sides.length) sides.push((sides[side % sides.length] as MultiMap).fork());
          applyMulti(sides[Math.min(side, sides.length - 1)] as MultiMap, o);
          observe();
        }
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});

describe('ShardedCowMap.fork', () => {
  it('parent, fork and fork of the fork each see only their own sets and deletes', () => {
    const keyArb = fc.string({ maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyArb, fc.integer()), { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(2), keyArb, fc.option(fc.integer(), { nil: undefined })), {
          maxLength: 80,
        }),
        (prefix, writes) => {
          const sides = [new ShardedCowMap<number>()];
          const refs = [new Map<string, number>()];
          const keys = new Set<string>();
          for (const [k, v] of prefix) {
            sides[0]?.set(k, v);
            refs[0]?.set(k, v);
            keys.add(k);
          }
          for (const from of [0, 1]) {
            sides.push((sides[from] as ShardedCowMap<number>).fork());
            refs.push(new Map(refs[from]));
          }
          for (const [side, k, v] of writes) {
            keys.add(k);
            const m = sides[side] as ShardedCowMap<number>;
            const ref = refs[side] as Map<string, number>;
            if (v === undefined) expect(m.delete(k)).toBe(ref.delete(k));
            else {
              m.set(k, v);
              ref.set(k, v);
            }
          }
          sides.forEach((m, i) => {
            for (const k of keys) expect(m.get(k)).toBe(refs[i]?.get(k));
          });
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it('keeps forks independent with integer keys too (the Event index keys on 30-bit hashes)', () => {
    const keyArb = fc.oneof(fc.nat(200), fc.integer({ min: 0, max: 0x3fffffff }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1), keyArb, fc.option(fc.nat(), { nil: undefined })), {
          maxLength: 80,
        }),
        (writes) => {
          const parent = new ShardedCowMap<number, number>();
          parent.set(7, 1);
          const sides = [parent, parent.fork()];
          const refs = [new Map([[7, 1]]), new Map([[7, 1]])];
          const keys = new Set([7]);
          for (const [side, k, v] of writes) {
            keys.add(k);
            const m = sides[side] as ShardedCowMap<number, number>;
            const ref = refs[side] as Map<number, number>;
            if (v === undefined) expect(m.delete(k)).toBe(ref.delete(k));
            else {
              m.set(k, v);
              ref.set(k, v);
            }
          }
          sides.forEach((m, i) => {
            for (const k of keys) expect(m.get(k)).toBe(refs[i]?.get(k));
          });
        },
      ),
      { numRuns: 200, seed: 6 },
    );
  });
});
