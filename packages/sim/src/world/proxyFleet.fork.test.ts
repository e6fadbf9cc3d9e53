import { describe, it, expect } from 'vitest';
import { Store, type Service, type StoreEvent } from '@kubesim/core';
import { EventQueue } from '../engine/index.js';
import type { Scheduled } from './agentHost.js';
import { ProxyFleet, type ProxyFleetHost } from './proxyFleet.js';

interface Task {
  readonly owner: object;
  readonly run: Scheduled<object>;
}

/** A tiny event loop whose tasks are run against their owners, as the World runs them. */
class Host implements ProxyFleetHost {
  now = 0;
  readonly config = { proxyMinSyncPeriod: 1000 };
  readonly external = undefined;
  queue = new EventQueue<Task>();

  proxyWatchDelay(): number {
    return 0;
  }

  schedule<O extends object>(at: number, _label: string, owner: O, fn: Scheduled<O>): number {
    return this.queue.push(at, { owner, run: fn as Scheduled<object> });
  }

  traceActivity(): void {}

  afterProxySync(): void {}

  runTo(t: number): void {
    for (let at = this.queue.peekTime(); at !== undefined && at <= t; at = this.queue.peekTime()) {
      this.now = at;
      const task = this.queue.pop();
      task?.run(task.owner);
    }
    this.now = t;
  }
}

function added(svc: Service): StoreEvent {
  const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
  return { type: 'ADDED', kind: 'Service', key, object: svc, resourceVersion: 1 };
}

describe('ProxyFleet.fork', () => {
  const store = new Store();
  const service = (name: string): Service =>
    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: { app: name }, ports: [{ port: 80 }] },
    });
  const [a, b, c] = [service('a'), service('b'), service('c')];

  it('carries the pending sync over, then each side sees only its own changes', () => {
    const host = new Host();
    const fleet = new ProxyFleet(host);
    fleet.observe(added(a)); // the first change after a quiet period syncs at once (t=0)
    host.runTo(0);
    fleet.observe(added(b)); // batched to the next allowed sync, t=1000
    const forkHost = new Host();
    const copy = fleet.fork(forkHost);
    forkHost.queue = host.queue.fork((t) => (t.owner === fleet ? { ...t, owner: copy } : t));
    fleet.observe(added(c)); // the parent only
    expect(copy.stateFor('n1').getService('default/b')).toBeUndefined();
    host.runTo(1000);
    forkHost.runTo(1000);
    const seen = (f: ProxyFleet): boolean[] =>
      ['a', 'b', 'c'].map((n) => f.stateFor('n1').getService(`default/${n}`) !== undefined);
    expect(seen(fleet)).toEqual([true, true, true]);
    expect(seen(copy)).toEqual([true, true, false]);
    expect([fleet.syncs, copy.syncs]).toEqual([2, 2]);
  });

  it('shares a frozen view, which never changes, and keeps it frozen in the fork', () => {
    const host = new Host();
    const fleet = new ProxyFleet(host);
    fleet.observe(added(a));
    host.runTo(0);
    fleet.freeze('n1');
    const copy = fleet.fork(new Host());
    expect(copy.stateFor('n1')).toBe(fleet.stateFor('n1'));
    copy.unfreeze('n1');
    expect(fleet.stateFor('n1')).not.toBe(fleet.stateFor('n2'));
    expect(copy.stateFor('n1')).toBe(copy.stateFor('n2'));
  });
});
