/**
 * Builders of cluster state for the disruption tests: a core Store with pods bound to a node and
 * made Running/Ready through the same writes a kubelet would use. Test-only.
 * @packageDocumentation
 */
import { Store } from '../../store/store.js';
import { createSyncDriver } from '../../driver/syncDriver.js';
import type { IntOrString, OwnerReference } from '../../objects/meta.js';
import type { KubeObject } from '../../objects/kinds.js';
import type { Pod } from '../../objects/pod.js';
import type { PodDisruptionBudget } from '../../objects/apps.js';
import type { SyncDriver } from '../../driver/syncDriver.js';
import { createDisruptionController } from './disruptionController.js';

/** A store whose clock a test can move, and a sync driver running the disruption controller. */
export interface TestCluster {
  readonly store: Store;
  readonly driver: SyncDriver;
  /** Virtual time (ms since start) used by the store clock and passed to `driver.run`. */
  now: number;
  /** Runs the driver at `now`. */
  sync(): void;
}

/** A fresh cluster; `deletionTimeoutMs` is the controller's DeletionTimeout. */
export function newCluster(deletionTimeoutMs?: number): TestCluster {
  const cluster: { now: number } = { now: 0 };
  const store = new Store({ clock: () => cluster.now });
  const controller = createDisruptionController(
    deletionTimeoutMs === undefined ? {} : { deletionTimeoutMs },
  );
  const driver = createSyncDriver(store, [controller]);
  return Object.assign(cluster, {
    store,
    driver,
    sync(): void {
      driver.run(cluster.now);
    },
  });
}

const template = (labels: Record<string, string>): Record<string, unknown> => ({
  selector: { matchLabels: labels },
  template: {
    metadata: { labels },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
  },
});

/** Creates a workload (Deployment, ReplicaSet or StatefulSet) and returns its controller ref. */
export function createWorkload(
  store: Store,
  kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet',
  name: string,
  replicas: number,
  labels: Record<string, string>,
  owner?: OwnerReference,
): OwnerReference {
  const created = store.create({
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: 'default', ...(owner ? { ownerReferences: [owner] } : {}) },
    spec: { ...template(labels), replicas },
  } as KubeObject);
  return { apiVersion: 'apps/v1', kind, name, uid: created.metadata.uid, controller: true };
}

/** Options of {@link createPod}. */
export interface PodOptions {
  labels?: Record<string, string>;
  owner?: OwnerReference;
  /** Ready condition (default true); the pod is Running unless `phase` says otherwise. */
  ready?: boolean;
  phase?: Pod['status']['phase'];
  nodeName?: string;
  volumes?: unknown[];
  annotations?: Record<string, string>;
}

/** Creates a pod bound to a node and gives it phase and Ready through updateStatus. */
export function createPod(store: Store, name: string, o: PodOptions = {}): Pod {
  const pod = store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels: o.labels ?? { app: 'web' },
      ...(o.owner ? { ownerReferences: [o.owner] } : {}),
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    spec: {
      nodeName: o.nodeName ?? 'node-1',
      containers: [{ name: 'app', image: 'nginx' }],
      ...(o.volumes ? { volumes: o.volumes } : {}),
    },
  } as KubeObject) as Pod;
  return setPodState(store, pod.metadata.name, o.phase ?? 'Running', o.ready ?? true);
}

/** Sets a pod's phase and Ready condition. */
export function setPodState(
  store: Store,
  name: string,
  phase: Pod['status']['phase'],
  ready: boolean,
): Pod {
  const pod = store.get('Pod', `default/${name}`);
  if (pod === undefined) throw new Error(`no pod ${name}`);
  const others = (pod.status.conditions ?? []).filter((c) => c.type !== 'Ready');
  return store.updateStatus({
    ...pod,
    status: {
      ...pod.status,
      phase,
      conditions: [...others, { type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  });
}

/** Creates a PodDisruptionBudget in `default`. */
export function createPdb(
  store: Store,
  name: string,
  spec: {
    minAvailable?: IntOrString;
    maxUnavailable?: IntOrString;
    selector?: { matchLabels?: Record<string, string> } | null;
    unhealthyPodEvictionPolicy?: 'AlwaysAllow' | 'IfHealthyBudget';
  },
): PodDisruptionBudget {
  return store.create({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
  } as KubeObject) as PodDisruptionBudget;
}

/** The stored budget `default/<name>` (throws when missing). */
export function pdbOf(store: Store, name: string): PodDisruptionBudget {
  const pdb = store.get('PodDisruptionBudget', `default/${name}`);
  if (pdb === undefined) throw new Error(`no pdb ${name}`);
  return pdb;
}

/** The reasons of the Events recorded about `kind`/`name` in `default`, in store order. */
export function eventReasons(store: Store, kind: string, name: string): string[] {
  return store
    .list('Event', { namespace: 'default' })
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .map((e) => e.reason);
}

/** The message of the first Event with `reason` in `default`. */
export function eventMessage(store: Store, reason: string): string | undefined {
  return store.list('Event', { namespace: 'default' }).find((e) => e.reason === reason)?.message;
}
