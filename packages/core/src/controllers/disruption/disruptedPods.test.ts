import { describe, expect, it } from 'vitest';
import { createSyncDriver } from '../../driver/syncDriver.js';
import { formatTimestamp } from '../../time.js';
import type { Store } from '../../store/store.js';
import { createDisruptionController, disruptionController } from './disruptionController.js';
import {
  createPdb,
  createPod,
  createWorkload,
  eventMessage,
  newCluster,
  pdbOf,
  type TestCluster,
} from './testCluster.test-helper.js';

const stampAt = (store: Store, now: number): string =>
  formatTimestamp(store.config.startTime + now);

/** Three Ready pods under minAvailable 2, with `web-0` recorded as evicted at t=0 but never deleted. */
function withStaleEntry(extra: Record<string, string> = {}): TestCluster {
  const c = newCluster();
  const rs = createWorkload(c.store, 'ReplicaSet', 'web', 3, { app: 'web' });
  for (let i = 0; i < 3; i++) createPod(c.store, `web-${i}`, { owner: rs });
  createPdb(c.store, 'pdb', { minAvailable: 2 });
  c.sync();
  const pdb = pdbOf(c.store, 'pdb');
  c.store.updateStatus({
    ...pdb,
    status: { ...pdb.status, disruptedPods: { 'web-0': stampAt(c.store, 0), ...extra } },
  });
  c.sync();
  return c;
}

/** A fresh driver lists every object again, as an informer resync would, and runs at `now`. */
function resyncAt(c: TestCluster, now: number, timeoutMs?: number): void {
  c.now = now;
  const controller =
    timeoutMs === undefined
      ? disruptionController
      : createDisruptionController({ deletionTimeoutMs: timeoutMs });
  const driver = createSyncDriver(c.store, [controller]);
  driver.run(now);
  driver.dispose();
}

describe('disruptedPods aging', () => {
  it('a recently evicted pod is not counted healthy and the budget asks to be rechecked when it expires', () => {
    const c = withStaleEntry();
    expect(pdbOf(c.store, 'pdb').status).toMatchObject({
      currentHealthy: 2,
      disruptionsAllowed: 0,
    });
    expect(disruptionController.reconcile(c.store, 'default/pdb', 30_000).requeueAfter).toBe(
      90_000,
    );
  });

  it('after 2 minutes the entry is dropped, the pod counts again and a NotDeleted event is recorded', () => {
    const c = withStaleEntry();
    resyncAt(c, 119_999);
    expect(pdbOf(c.store, 'pdb').status.disruptedPods).toEqual({ 'web-0': stampAt(c.store, 0) });
    resyncAt(c, 120_000);
    const status = pdbOf(c.store, 'pdb').status;
    expect(status.disruptedPods).toBeUndefined();
    expect(status).toMatchObject({ currentHealthy: 3, disruptionsAllowed: 1 });
    expect(eventMessage(c.store, 'NotDeleted')).toBe(
      "Pod was expected by PDB default/pdb to be deleted but it wasn't",
    );
    expect(
      disruptionController.reconcile(c.store, 'default/pdb', 120_000).requeueAfter,
    ).toBeUndefined();
  });

  it('the DeletionTimeout is a parameter', () => {
    const c = withStaleEntry();
    resyncAt(c, 60_000, 60_000);
    expect(pdbOf(c.store, 'pdb').status).toMatchObject({
      currentHealthy: 3,
      disruptionsAllowed: 1,
    });
  });

  it('entries of pods that are gone or terminating are dropped at once', () => {
    const c = withStaleEntry({ ghost: '2025-01-01T00:00:00Z' });
    expect(Object.keys(pdbOf(c.store, 'pdb').status.disruptedPods ?? {})).toEqual(['web-0']);
    c.store.delete('Pod', 'default/web-0');
    c.sync();
    const status = pdbOf(c.store, 'pdb').status;
    expect(status.disruptedPods).toBeUndefined();
    expect(status).toMatchObject({ currentHealthy: 2, expectedPods: 3 });
  });
});
