import { describe, expect, it } from 'vitest';
import { EvictionRefusedError } from '../../errors.js';
import { evictPod } from '../../store/eviction.js';
import {
  createPdb,
  createPod,
  createWorkload,
  newCluster,
  pdbOf,
  setPodState,
} from './testCluster.test-helper.js';

describe('a 3-replica ReplicaSet under minAvailable 2', () => {
  it('allows the first eviction, refuses the second until the replacement is Ready', () => {
    const c = newCluster();
    const rs = createWorkload(c.store, 'ReplicaSet', 'web', 3, { app: 'web' });
    for (let i = 0; i < 3; i++) createPod(c.store, `web-${i}`, { owner: rs });
    createPdb(c.store, 'pdb', { minAvailable: 2 });
    c.sync();
    expect(pdbOf(c.store, 'pdb').status.disruptionsAllowed).toBe(1);

    c.now = 1_000;
    evictPod(c.store, 'web-0', c.now);
    c.sync();
    // web-0 is terminating: no longer healthy, its disruptedPods entry is dropped by the controller.
    expect(pdbOf(c.store, 'pdb').status).toMatchObject({
      currentHealthy: 2,
      disruptionsAllowed: 0,
      expectedPods: 3,
    });
    expect(pdbOf(c.store, 'pdb').status.disruptedPods).toBeUndefined();
    expect(() => {
      evictPod(c.store, 'web-1', c.now);
    }).toThrow(EvictionRefusedError);

    // The ReplicaSet controller's replacement appears, Pending then Running but not Ready yet.
    c.now = 2_000;
    createPod(c.store, 'web-3', { owner: rs, ready: false });
    c.sync();
    expect(pdbOf(c.store, 'pdb').status.disruptionsAllowed).toBe(0);
    expect(() => {
      evictPod(c.store, 'web-1', c.now);
    }).toThrow(EvictionRefusedError);

    c.now = 12_000;
    setPodState(c.store, 'web-3', 'Running', true);
    c.sync();
    expect(pdbOf(c.store, 'pdb').status).toMatchObject({
      currentHealthy: 3,
      disruptionsAllowed: 1,
    });
    evictPod(c.store, 'web-1', c.now);
    expect(c.store.get('Pod', 'default/web-1')?.metadata.deletionTimestamp).toBeDefined();
  });
});
