import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Event } from '../objects/node.js';
import { counterIdSource, seededRandomSource } from '../sources.js';
import { EventIndex, eventTupleHash, eventTupleOf } from './eventIndex.js';
import type { EventTuple } from './eventIndex.js';
import { Store } from './store.js';
import { podManifest } from './testManifests.js';
import type { StoredObject } from './types.js';

const tuple = (message: string, name = 'web', reason = 'BackOff'): EventTuple => ({
  kind: 'Pod',
  namespace: 'default',
  name,
  uid: '',
  type: 'Warning',
  reason,
  message,
});

/** Two messages whose tuples (same object, type and reason) have the same index hash. */
function collidingMessages(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const m = `restarting ${i}`;
    const h = eventTupleHash(tuple(m));
    const other = seen.get(h);
    if (other !== undefined) return [other, m];
    seen.set(h, m);
  }
}

const counts = (store: Store): Record<string, number> =>
  Object.fromEntries(store.list('Event').map((e) => [e.message, e.count ?? 0]));

describe('Event aggregation index', () => {
  it('keeps apart tuples whose parts would join into the same text', () => {
    const store = new Store();
    // 'ab' + 'c' and 'a' + 'bc': a key joining the parts without separators would merge these.
    store.recordEvent({ kind: 'Pod', key: 'ab' }, 'Normal', 'R', 'c');
    store.recordEvent({ kind: 'Pod', key: 'a' }, 'Normal', 'R', 'bc');
    store.recordEvent({ kind: 'Pod', key: 'a' }, 'Normal', 'R', 'bc');
    const events = store.list('Event');
    expect(events.map((e) => [e.involvedObject.name, e.message, e.count])).toEqual([
      ['a', 'bc', 2],
      ['ab', 'c', 1],
    ]);
  });

  it('never aggregates two tuples whose hashes collide, and each keeps its own count', () => {
    const [m1, m2] = collidingMessages();
    expect(m1).not.toBe(m2);
    const clock = { now: 0 };
    const store = new Store({ clock: () => clock.now });
    store.create(podManifest('web'));
    const regarding = { kind: 'Pod', key: 'web', uid: '' } as const;
    store.recordEvent(regarding, 'Warning', 'BackOff', m1);
    clock.now = 1000;
    store.recordEvent(regarding, 'Warning', 'BackOff', m2);
    store.recordEvent(regarding, 'Warning', 'BackOff', m2);
    store.recordEvent(regarding, 'Warning', 'BackOff', m1);
    expect(counts(store)).toEqual({ [m1]: 2, [m2]: 2 });
    // Removing the first of the bucket leaves the second found, and the first starts afresh.
    const first = store.list('Event').find((e) => e.message === m1) as Event;
    store.delete('Event', `default/${first.metadata.name}`);
    store.recordEvent(regarding, 'Warning', 'BackOff', m2);
    store.recordEvent(regarding, 'Warning', 'BackOff', m1);
    expect(counts(store)).toEqual({ [m1]: 1, [m2]: 3 });
  });

  it('undoes a refused transaction: the Event it created is gone and the repeat it counted is not', () => {
    const clock = { now: 0 };
    const store = new Store({ clock: () => clock.now });
    store.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Pulled', 'pulled');
    const before = JSON.stringify(store.list('Event'));
    clock.now = 5000;
    expect(() =>
      store.transaction(() => {
        store.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Pulled', 'pulled');
        store.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Started', 'started');
        store.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Started', 'started');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(JSON.stringify(store.list('Event'))).toBe(before);
    store.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Started', 'started');
    store.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Pulled', 'pulled');
    expect(counts(store)).toEqual({ pulled: 2, started: 1 });
  });

  it('a fork checks candidates against its own Events: the same key may report another tuple', () => {
    const store = new Store({ ids: counterIdSource(), random: seededRandomSource(0) });
    const first = store.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Pulled', 'pulled');
    const name = first?.metadata.name as string;
    const fork = store.fork({
      ids: counterIdSource(),
      random: seededRandomSource(1),
      clock: () => 0,
    });
    // In the fork the key now holds an Event about the same pod with another message.
    fork.delete('Event', `default/${name}`);
    const { metadata: _m, count: _c, ...rest } = first as Event;
    fork.create({ ...rest, metadata: { name, namespace: 'default' }, message: 'other', count: 1 });
    fork.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Pulled', 'other');
    fork.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Pulled', 'pulled');
    store.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Pulled', 'pulled');
    expect(store.list('Event').map((e) => [e.metadata.name, e.message, e.count])).toEqual([
      [name, 'pulled', 2],
    ]);
    const forked = fork.list('Event');
    expect(forked.find((e) => e.metadata.name === name)?.message).toBe('other');
    expect(counts(fork)).toEqual({ other: 2, pulled: 1 });
  });

  it('behaves like a map from the exact tuple to the key last indexed with it', () => {
    // Model: the old string-keyed index. Tuples come from a tiny alphabet so they repeat, and the
    // hash may be the same for different tuples; the store's discipline (each key indexed at
    // most once at a time, the table holding what was indexed) is kept by the harness.
    const part = fc.constantFrom('', 'a', 'b', 'ab');
    const tupleArb = fc.record({
      kind: fc.constantFrom('Pod', 'Node'),
      namespace: part,
      name: part,
      uid: part,
      type: fc.constantFrom('Normal', 'Warning'),
      reason: part,
      message: part,
    });
    const ops = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 7 }), tupleArb), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(ops, (steps) => {
        const table = new Map<string, StoredObject>();
        const index = new EventIndex((k) => table.get(k));
        const model = new Map<string, string>();
        const id = (t: EventTuple): string => JSON.stringify(t);
        for (const [adding, n, t] of steps) {
          const key = `default/e${n}`;
          const present = table.get(key);
          if (present !== undefined) {
            const old = eventTupleOf(present) as EventTuple;
            table.delete(key);
            index.remove(old, key);
            if (model.get(id(old)) === key) model.delete(id(old));
          }
          if (adding) {
            const obj = {
              involvedObject: { kind: t.kind, namespace: t.namespace, name: t.name, uid: t.uid },
              type: t.type,
              reason: t.reason,
              message: t.message,
            } as unknown as StoredObject;
            table.set(key, obj);
            index.add(t, key);
            model.set(id(t), key);
          }
          for (const [k, key2] of model) expect(index.find(JSON.parse(k) as EventTuple)).toBe(key2);
          expect(index.find(t)).toBe(model.get(id(t)));
        }
      }),
    );
  });
});
