/**
 * Drives a rolling update step by step for the Deployment tests: records the (new, old)
 * ReplicaSet sizes through the store's watch while new pods are made Ready one at a time.
 * @packageDocumentation
 */
import type { Pod } from '../../objects/pod.js';
import type { ReplicaSet } from '../../objects/apps.js';
import { replicaSetController } from '../replicaSet/index.js';
import {
  deploymentManifest,
  testCluster,
  type TestCluster,
} from '../shared/testCluster.test-helper.js';
import { deploymentController } from './deploymentController.js';

const imageOf = (rs: ReplicaSet): string | undefined => rs.spec.template.spec.containers[0]?.image;

/** A cluster with both controllers and a settled Deployment `web` of `replicas` Ready pods. */
export function settledDeployment(
  replicas: number,
  spec: Parameters<typeof deploymentManifest>[3] = {},
): TestCluster {
  const c = testCluster([replicaSetController, deploymentController]);
  c.store.create(deploymentManifest('web', replicas, 'nginx:1', spec));
  c.run();
  readyAllPending(c);
  return c;
}

/** Makes every active, not-yet-Ready pod Ready, then settles. */
export function readyAllPending(c: TestCluster): void {
  for (const p of c.store.list('Pod')) {
    if (isWaiting(p)) c.makeReady(p);
  }
  c.run();
}

function isWaiting(p: Pod): boolean {
  return (
    p.metadata.deletionTimestamp === undefined &&
    !(p.status.conditions ?? []).some((x) => x.type === 'Ready' && x.status === 'True')
  );
}

/** Changes the Deployment's image. */
export function setImage(c: TestCluster, image: string): void {
  const d = c.store.get('Deployment', 'default/web');
  if (d === undefined) throw new Error('no deployment');
  const [first, ...rest] = d.spec.template.spec.containers;
  if (first === undefined) throw new Error('no container');
  c.store.update({
    ...d,
    spec: {
      ...d.spec,
      template: {
        ...d.spec.template,
        spec: { ...d.spec.template.spec, containers: [{ ...first, image }, ...rest] },
      },
    },
  });
}

/**
 * Rolls `web` from nginx:1 to nginx:2, making one new pod Ready per step, and returns every
 * distinct `(new,old)` pair of spec.replicas seen through the watch, starting from `(0,old)`.
 */
export function recordRollout(c: TestCluster, maxSteps = 100): string[] {
  const sizes = (): string => {
    const sets = c.store.list('ReplicaSet');
    const size = (img: string): number =>
      sets.filter((rs) => imageOf(rs) === img).reduce((n, rs) => n + rs.spec.replicas, 0);
    return `(${size('nginx:2')},${size('nginx:1')})`;
  };
  const seen = [sizes()];
  const stop = c.store.watch((ev) => {
    if (ev.kind !== 'ReplicaSet') return;
    const now = sizes();
    if (now !== seen.at(-1)) seen.push(now);
  });
  setImage(c, 'nginx:2');
  c.run();
  for (let i = 0; i < maxSteps; i++) {
    const next = c.store
      .list('Pod')
      .find((p) => p.spec.containers[0]?.image === 'nginx:2' && isWaiting(p));
    if (next === undefined) break;
    c.makeReady(next);
    c.run();
  }
  stop();
  return seen;
}
