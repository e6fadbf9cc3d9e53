import { describe, expect, it } from 'vitest';
import { DRAIN_RETRY_INTERVAL_MS, MIRROR_POD_ANNOTATION, podsToEvict } from './drainPlan.js';
import { createPod, createWorkload, newCluster } from './testCluster.test-helper.js';

const names = (pods: readonly { metadata: { name: string } }[]): string[] =>
  pods.map((p) => p.metadata.name);

function nodeWithEverything() {
  const c = newCluster();
  const rs = createWorkload(c.store, 'ReplicaSet', 'web', 2, { app: 'web' });
  const ds = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    name: 'proxy',
    uid: 'ds-1',
    controller: true,
  };
  createPod(c.store, 'web-a', { owner: rs });
  createPod(c.store, 'web-b', { owner: rs, volumes: [{ name: 'scratch', emptyDir: {} }] });
  createPod(c.store, 'proxy-x', { owner: ds, labels: { app: 'proxy' } });
  createPod(c.store, 'static-x', { annotations: { [MIRROR_POD_ANNOTATION]: 'abc' } });
  createPod(c.store, 'job-done', { phase: 'Succeeded', ready: false });
  createPod(c.store, 'elsewhere', { owner: rs, nodeName: 'node-2' });
  return c;
}

describe('podsToEvict (kubectl drain --ignore-daemonsets --delete-emptydir-data)', () => {
  it('retries refused evictions every 5 s', () => {
    expect(DRAIN_RETRY_INTERVAL_MS).toBe(5000);
  });

  it('evicts controller-owned and terminal pods of the node, skips DaemonSet and mirror pods', () => {
    const c = nodeWithEverything();
    const plan = podsToEvict(c.store, 'node-1');
    expect(names(plan.pods)).toEqual(['job-done', 'web-a', 'web-b']);
    expect(names(plan.skipped)).toEqual(['proxy-x', 'static-x']);
    expect(plan.blocking).toEqual([]);
    expect(plan.error).toBeUndefined();
    expect(plan.warnings).toEqual([
      'ignoring DaemonSet-managed Pods: default/proxy-x',
      'deleting Pods with local storage: default/web-b',
    ]);
  });

  it('a pod without a controller blocks the drain with kubectl’s message unless forced', () => {
    const c = nodeWithEverything();
    createPod(c.store, 'debug', { labels: { run: 'debug' } });
    const plan = podsToEvict(c.store, 'node-1');
    expect(names(plan.blocking)).toEqual(['debug']);
    expect(plan.error).toBe(
      'cannot delete Pods that declare no controller (use --force to override): default/debug',
    );
    const forced = podsToEvict(c.store, 'node-1', { force: true });
    expect(forced.error).toBeUndefined();
    expect(names(forced.pods)).toContain('debug');
    expect(forced.warnings).toContain('deleting Pods that declare no controller: default/debug');
  });

  it('without --ignore-daemonsets and --delete-emptydir-data both refusals are listed', () => {
    const c = nodeWithEverything();
    const plan = podsToEvict(c.store, 'node-1', {
      ignoreDaemonSets: false,
      deleteEmptyDirData: false,
    });
    expect(names(plan.blocking)).toEqual(['proxy-x', 'web-b']);
    expect(plan.error).toBe(
      '[cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/proxy-x, ' +
        'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/web-b]',
    );
  });
});
