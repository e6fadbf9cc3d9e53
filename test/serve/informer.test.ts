// An @kubernetes/client-node 1.x informer on EndpointSlices against sim.serve() sees what
// sim.watch sees through a node crash: the same add/update/delete sequence, across a dropped
// connection (it resumes from its resourceVersion), and after a 410 it relists and ends with the
// same cache (the gap's events reduced to their net difference, as upstream).
import {
  DiscoveryV1Api,
  KubeConfig,
  makeInformer,
  type V1EndpointSlice,
} from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, type ServeHandle, type Simulation } from '@kubesim/sim';
import { eventually } from './apiClient.js';

const frontend = `apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend}
spec:
  replicas: 3
  selector: {matchLabels: {app: guestbook, tier: frontend}}
  template:
    metadata: {labels: {app: guestbook, tier: frontend}}
    spec: {containers: [{name: php-redis, image: gb-frontend:v5, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: frontend}
spec: {selector: {app: guestbook, tier: frontend}, ports: [{port: 80}]}
`;

type Seen = string;
const PATH = '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices';

let server: ServeHandle | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function cluster(): Simulation {
  const sim = createSimulation({ seed: 11 });
  sim.addNodes(3);
  sim.apply(frontend);
  sim.settle();
  return sim;
}

/**
 * An informer recording what it sees. client-node's informer stops for good on any error other
 * than 410 (it does not retry): a waiting test then fails with that error instead of a timeout.
 * After `stop()` a watch still being opened may be refused by the closing server; that is no error.
 */
function startInformer(kubeconfig: string, seen: Seen[]) {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  const api = kc.makeApiClient(DiscoveryV1Api);
  // Counted: a resume after a dropped watch is a watch from the last resourceVersion, no list;
  // a 410 makes the informer list again.
  let lists = 0;
  const informer = makeInformer<V1EndpointSlice>(kc, PATH, () => {
    lists++;
    return api.listNamespacedEndpointSlice({ namespace: 'default' });
  });
  const record = (verb: string) => (o: V1EndpointSlice) => {
    seen.push(`${verb} ${o.metadata?.name ?? ''} ${o.metadata?.resourceVersion ?? ''}`);
  };
  informer.on('add', record('add'));
  informer.on('update', record('update'));
  informer.on('delete', record('delete'));
  let stopped = false;
  let failure: unknown;
  informer.on('error', (err: unknown) => {
    if (!stopped) failure ??= err;
  });
  return Object.assign(informer, {
    /** How many times the informer listed. */
    lists: () => lists,
    /** Waits for `pred`; throws the informer's error at once if it failed. */
    until: (pred: () => boolean, ms?: number) =>
      eventually(() => {
        if (failure !== undefined) {
          throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
        }
        return pred();
      }, ms),
    halt: async () => {
      stopped = true;
      await informer.stop();
    },
  });
}

/** What the informer's cache holds, as name@resourceVersion. */
function cacheOf(informer: { list(ns?: string): readonly V1EndpointSlice[] }): string[] {
  return informer
    .list('default')
    .map((s) => `${s.metadata?.name ?? ''}@${s.metadata?.resourceVersion ?? ''}`)
    .sort();
}

function storeOf(sim: Simulation): string[] {
  return sim
    .list('EndpointSlice', { namespace: 'default' })
    .map((s) => `${s.metadata.name}@${s.metadata.resourceVersion}`)
    .sort();
}

describe('client-node informer against sim.serve()', { timeout: 120_000 }, () => {
  it('sees the same sequence as sim.watch through a node crash, resuming after a dropped connection', async () => {
    const sim = cluster();
    const expected: Seen[] = [];
    const verb = { ADDED: 'add', MODIFIED: 'update', DELETED: 'delete' } as const;
    sim.watch(
      'EndpointSlice',
      (ev) => {
        expected.push(
          `${verb[ev.type]} ${ev.object.metadata.name} ${ev.object.metadata.resourceVersion}`,
        );
      },
      { namespace: 'default' },
    );
    server = await sim.serve();
    const seen: Seen[] = [];
    const informer = startInformer(server.kubeconfig, seen);
    await informer.start();
    await informer.until(() => seen.length === expected.length);
    sim.faults.crashNode('node-1');
    for (let step = 0; step < 16; step++) {
      sim.runFor('30s');
      if (step === 4) server.dropWatches();
      await informer.until(
        () => JSON.stringify(cacheOf(informer)) === JSON.stringify(storeOf(sim)),
        5000,
      );
    }
    sim.delete('Service', 'frontend');
    sim.runFor('1s');
    await informer.until(() => cacheOf(informer).length === storeOf(sim).length, 5000);
    await informer.halt();
    // A deleted slice reaches watchers with the deletion's resourceVersion; sim.watch shows the
    // last stored state, so compare deletes by name.
    const strip = (s: Seen) => (s.startsWith('delete ') ? s.split(' ').slice(0, 2).join(' ') : s);
    expect(seen.map(strip)).toEqual(expected.map(strip));
    // The dropped connection was resumed from a resourceVersion, never relisted.
    expect(informer.lists()).toBe(1);
    expect(expected.some((e) => e.startsWith('update '))).toBe(true);
    expect(expected.some((e) => e.startsWith('delete '))).toBe(true);
  });

  it('relists after a 410 and ends with the same cache, seeing only the net difference', async () => {
    const sim = cluster();
    server = await sim.serve({ watchHistory: 3 });
    const seen: Seen[] = [];
    const informer = startInformer(server.kubeconfig, seen);
    await informer.start();
    await informer.until(() => cacheOf(informer).length === storeOf(sim).length);
    const before = new Map(storeOf(sim).map((e) => e.split('@') as [string, string]));
    seen.length = 0;
    // Drop the watch and change far more than the server keeps before the client comes back.
    server.dropWatches();
    sim.faults.crashNode('node-1');
    sim.runFor('7m');
    sim.apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'other' },
      spec: { selector: { app: 'none' }, ports: [{ port: 81 }] },
    });
    sim.runFor('1s');
    const after = new Map(storeOf(sim).map((e) => e.split('@') as [string, string]));
    await informer.until(
      () => JSON.stringify(cacheOf(informer)) === JSON.stringify(storeOf(sim)),
      10_000,
    );
    await informer.halt();
    const net: Seen[] = [];
    for (const [name, rv] of after) {
      if (!before.has(name)) net.push(`add ${name} ${rv}`);
      else if (before.get(name) !== rv) net.push(`update ${name} ${rv}`);
    }
    for (const [name, rv] of before) if (!after.has(name)) net.push(`delete ${name} ${rv}`);
    expect([...seen].sort()).toEqual(net.sort());
    expect(net.length).toBeGreaterThan(0);
    // The version it came back with was older than the server keeps: 410, and a second list.
    expect(informer.lists()).toBe(2);
  });
});
