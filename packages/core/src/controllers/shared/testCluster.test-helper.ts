/**
 * A store plus a synchronous driver for the workload controller tests, with a settable virtual
 * clock and helpers that play the kubelet's part (bind, run and ready a pod).
 * @packageDocumentation
 */
import { Store } from '../../store/store.js';
import { createSyncDriver } from '../../driver/syncDriver.js';
import type { Controller } from '../plan.js';
import type { Deployment, DeploymentSpecInput, ReplicaSet } from '../../objects/apps.js';
import type { Pod } from '../../objects/pod.js';
import { timestampAt } from './virtualTime.js';

/** A test cluster: the store, the current virtual time, and ways to move it. */
export interface TestCluster {
  readonly store: Store;
  /** Current virtual time in ms since the start. */
  now(): number;
  /** Moves the clock to `ms` (never backwards). */
  advanceTo(ms: number): void;
  /** Runs the controllers to a fixed point at the current time. */
  run(): number;
  /**
   * Plays a requeue the sync driver ignores: reconciles `key` with `controller` now, applies the
   * plan through the store, then runs to a fixed point. Returns the plan's requeueAfter.
   */
  fire(controller: Controller, key: string): number | undefined;
  /** Binds the pod to `node`, makes it Running with an IP and Ready since now. */
  makeReady(pod: Pod, node?: string): Pod;
  /** The pods controlled by the ReplicaSet or Deployment-owned ReplicaSet named `rsName`. */
  podsOf(rsName: string, namespace?: string): Pod[];
  dispose(): void;
}

let ipCounter = 0;

/** Builds a {@link TestCluster} running `controllers`. */
export function testCluster(controllers: readonly Controller[]): TestCluster {
  let t = 0;
  const store = new Store({ clock: () => t });
  const driver = createSyncDriver(store, controllers);
  return {
    store,
    now: () => t,
    advanceTo(ms: number): void {
      t = Math.max(t, ms);
    },
    run: () => driver.run(t),
    fire(controller: Controller, key: string): number | undefined {
      const plan = controller.reconcile(store, key, t);
      for (const a of plan.actions) {
        if (a.verb === 'create') store.create(a.object);
        else if (a.verb === 'update') store.update(a.object);
        else if (a.verb === 'updateStatus') store.updateStatus(a.object);
        else if (a.verb === 'delete') store.delete(a.kind, a.key);
      }
      driver.run(t);
      return plan.requeueAfter;
    },
    makeReady(pod: Pod, node = 'node-1'): Pod {
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      let live = store.get('Pod', key) ?? pod;
      if (live.spec.nodeName === undefined) {
        live = store.update({ ...live, spec: { ...live.spec, nodeName: node } });
      }
      ipCounter += 1;
      const at = timestampAt(store.config, t);
      return store.updateStatus({
        ...live,
        status: {
          ...live.status,
          phase: 'Running',
          podIP: `10.244.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`,
          conditions: [
            { type: 'PodScheduled', status: 'True', lastTransitionTime: at },
            { type: 'ContainersReady', status: 'True', lastTransitionTime: at },
            { type: 'Ready', status: 'True', lastTransitionTime: at },
          ],
        },
      });
    },
    podsOf(rsName: string, namespace = 'default'): Pod[] {
      return store
        .list('Pod', { namespace })
        .filter((p) =>
          p.metadata.ownerReferences?.some((r) => r.controller === true && r.name === rsName),
        );
    },
    dispose: () => {
      driver.dispose();
    },
  };
}

/** A ReplicaSet manifest selecting `app: <app>`. */
export function replicaSetManifest(
  name: string,
  replicas: number,
  opts: { app?: string; minReadySeconds?: number } = {},
): ReplicaSet {
  const labels = { app: opts.app ?? name };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } },
      ...(opts.minReadySeconds !== undefined ? { minReadySeconds: opts.minReadySeconds } : {}),
    },
  } as unknown as ReplicaSet;
}

/** A Deployment manifest selecting `app: <name>`, image `image`, with spec overrides. */
export function deploymentManifest(
  name: string,
  replicas: number,
  image = 'nginx:1',
  spec: Partial<DeploymentSpecInput> = {},
): Deployment {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image }] } },
      ...spec,
    },
  } as unknown as Deployment;
}
