import { describe, it, expect } from 'vitest';
import type { AgentHost } from '../world/agentHost.js';
import { Timers } from './timers.js';

/** A fake host that records schedules and cancels. */
function fakeHost() {
  const log: string[] = [];
  const tasks = new Map<number, () => void>();
  let next = 1;
  const host = {
    schedule(at: number, label: string, owner: unknown, fn: (o: unknown) => void) {
      const id = next++;
      log.push(`schedule ${id} ${at} ${label}`);
      tasks.set(id, () => {
        fn(owner);
      });
      return id;
    },
    cancel(id: number) {
      log.push(`cancel ${id}`);
      return tasks.delete(id);
    },
  } as unknown as AgentHost;
  const run = (id: number) => {
    const t = tasks.get(id);
    tasks.delete(id);
    t?.();
  };
  return { host, log, run };
}

function owner(name: string) {
  const o = {
    flushes: 0,
    ran: [] as string[],
    timersLabel: () => `kubelet/node-1 default/${name}`,
    flush: () => {
      o.flushes++;
    },
  };
  return o;
}

describe('Timers', () => {
  it('labels on demand, replaces a slot, runs then flushes, and cancels by prefix in order', () => {
    const { host, log, run } = fakeHost();
    const o = owner('web');
    const t = new Timers(host, o);
    t.set('a/x', 5, (w) => w.ran.push('a/x'));
    t.set('b/y', 6, (w) => w.ran.push('b/y'));
    t.set('a/z', 7, (w) => w.ran.push('a/z'));
    t.set('a/x', 8, (w) => w.ran.push('a/x2')); // replaces id 1, goes last
    expect(log).toEqual([
      'schedule 1 5 kubelet/node-1 default/web a/x',
      'schedule 2 6 kubelet/node-1 default/web b/y',
      'schedule 3 7 kubelet/node-1 default/web a/z',
      'cancel 1',
      'schedule 4 8 kubelet/node-1 default/web a/x',
    ]);
    run(2);
    expect(o.ran).toEqual(['b/y']);
    expect(o.flushes).toBe(1);
    expect(t.has('b/y')).toBe(false);
    expect(t.has('a/z') && t.has('a/x')).toBe(true);
    log.length = 0;
    t.clearPrefix('a/');
    expect(log).toEqual(['cancel 3', 'cancel 4']);
    expect(t.has('a/x') || t.has('a/z')).toBe(false);
    t.clear('a/x'); // nothing pending: no cancel
    expect(log).toEqual(['cancel 3', 'cancel 4']);
  });

  it('copies pending slots into an independent copy', () => {
    const { host, log } = fakeHost();
    const a = new Timers(host, owner('a'));
    a.set('s1', 1, () => undefined);
    a.set('s2', 2, () => undefined);
    const b = new Timers(host, owner('a'));
    b.copySlots(a);
    a.clear('s1');
    expect(b.has('s1') && b.has('s2')).toBe(true);
    log.length = 0;
    b.clearPrefix('');
    expect(log).toEqual(['cancel 1', 'cancel 2']);
    expect(a.has('s2')).toBe(true);
  });
});
