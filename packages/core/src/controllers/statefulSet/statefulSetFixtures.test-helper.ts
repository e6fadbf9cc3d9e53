/**
 * Test helpers: a Store driven by the StatefulSet controller, and kubelet stand-ins.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { createSyncDriver } from '../../driver/syncDriver.js';
import { formatTimestamp } from '../../time.js';
import { parseManifests } from '../../manifest/parseManifests.js';
import { Store } from '../../store/store.js';
import type { Pod } from '../../objects/pod.js';
import type { StatefulSet, StatefulSetInput } from '../../objects/apps.js';
import type { SyncDriver } from '../../driver/syncDriver.js';
import { statefulSetController } from './statefulSetController.js';

const FIXTURES = new URL('../../../../../test/fixtures/kubernetes-examples/', import.meta.url);

/** The cassandra StatefulSet manifest from the kubernetes/examples fixtures. */
export function cassandraManifest(): StatefulSetInput {
  const docs = parseManifests(
    readFileSync(new URL('cassandra-statefulset.yaml', FIXTURES), 'utf8'),
  );
  const sts = docs.find((d) => d.kind === 'StatefulSet');
  if (sts === undefined) throw new TypeError('no StatefulSet in cassandra-statefulset.yaml');
  return sts as StatefulSetInput;
}

/** The cassandra headless Service manifest. */
export function cassandraServiceManifest() {
  const docs = parseManifests(readFileSync(new URL('cassandra-service.yaml', FIXTURES), 'utf8'));
  const svc = docs[0];
  if (svc === undefined) throw new TypeError('no Service in cassandra-service.yaml');
  return svc;
}

/** A small StatefulSet `web` with `replicas` pods selecting `app=web`. */
export function webSet(replicas: number, spec: Partial<StatefulSetInput['spec']> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet' as const,
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      serviceName: 'web',
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      },
      ...spec,
    },
  };
}

/** A store, its clock (virtual ms, settable) and a sync driver running the controller. */
export interface Harness {
  readonly store: Store;
  readonly driver: SyncDriver;
  /** Virtual ms since the start; `run()` passes it to the driver. */
  now: number;
  run(): void;
  pod(name: string): Pod | undefined;
  podNames(): string[];
  set(name?: string): StatefulSet;
  /** Binds the pod, then makes it Running and Ready as the kubelet would. */
  makeReady(name: string): void;
  /** Flips the pod's Ready condition to False (a failing readiness probe). */
  makeNotReady(name: string): void;
  /** The kubelet finishing a graceful deletion. */
  finishDeletion(name: string): void;
}

/** Creates a {@link Harness}. */
export function harness(): Harness {
  const clock = { now: 0 };
  const store = new Store({ clock: () => clock.now });
  const driver = createSyncDriver(store, [statefulSetController]);
  let ip = 10;
  const h: Harness = {
    store,
    driver,
    get now() {
      return clock.now;
    },
    set now(v: number) {
      clock.now = v;
    },
    run() {
      driver.run(clock.now);
    },
    pod: (name) => store.get('Pod', `default/${name}`),
    podNames: () => store.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name),
    set(name = 'web') {
      const s = store.get('StatefulSet', `default/${name}`);
      if (s === undefined) throw new TypeError(`no StatefulSet ${name}`);
      return s;
    },
    makeReady(name) {
      const bound = store.update({
        ...mustGet(store, name),
        spec: { ...mustGet(store, name).spec, nodeName: 'n1' },
      });
      ip += 1;
      const at = formatTimestamp(store.config.startTime + clock.now);
      store.updateStatus({
        ...bound,
        status: {
          ...bound.status,
          phase: 'Running',
          podIP: `10.128.0.${ip}`,
          podIPs: [{ ip: `10.128.0.${ip}` }],
          conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at }],
        },
      });
    },
    makeNotReady(name) {
      const pod = mustGet(store, name);
      const at = formatTimestamp(store.config.startTime + clock.now);
      store.updateStatus({
        ...pod,
        status: {
          ...pod.status,
          conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: at }],
        },
      });
    },
    finishDeletion(name) {
      store.remove('Pod', `default/${name}`);
    },
  };
  return h;
}

function mustGet(store: Store, name: string): Pod {
  const pod = store.get('Pod', `default/${name}`);
  if (pod === undefined) throw new TypeError(`no pod ${name}`);
  return pod;
}
