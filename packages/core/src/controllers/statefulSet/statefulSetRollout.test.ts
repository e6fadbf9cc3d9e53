import { describe, expect, it } from 'vitest';
import { objectKey } from '../../objects/kinds.js';
import { reconcileStatefulSet } from './reconcileStatefulSet.js';
import { CONTROLLER_REVISION_HASH_LABEL } from './statefulSetLabels.js';
import { harness, webSet, type Harness } from './statefulSetFixtures.test-helper.js';

/** A set of `replicas` Running+Ready pods, created in order. */
function readySet(replicas: number, spec: Parameters<typeof webSet>[1] = {}): Harness {
  const h = harness();
  h.store.create(webSet(replicas, spec));
  for (let i = 0; i < replicas; i += 1) {
    h.run();
    h.makeReady(`web-${i}`);
  }
  h.run();
  return h;
}

function changeImage(h: Harness, image: string): void {
  const set = h.set();
  const template = set.spec.template;
  const [container] = template.spec.containers;
  if (container === undefined) throw new TypeError('no container');
  h.store.update({
    ...set,
    spec: {
      ...set.spec,
      template: { ...template, spec: { ...template.spec, containers: [{ ...container, image }] } },
    },
  });
}

function setPartition(h: Harness, partition: number): void {
  const set = h.set();
  h.store.update({
    ...set,
    spec: { ...set.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition } } },
  });
}

const imageOf = (h: Harness, name: string) => h.pod(name)?.spec.containers[0]?.image;
const terminating = (h: Harness) =>
  h.podNames().filter((n) => h.pod(n)?.metadata.deletionTimestamp !== undefined);

describe('statefulSetController rolling update', () => {
  it('replaces pods from the highest ordinal down, one at a time, stopping at the partition', () => {
    const h = readySet(4, {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
    });
    const oldRevision = h.set().status.currentRevision;
    changeImage(h, 'nginx:1.28');
    h.run();
    expect(terminating(h)).toEqual(['web-3']);

    h.finishDeletion('web-3');
    h.run();
    expect(imageOf(h, 'web-3')).toBe('nginx:1.28');
    expect(terminating(h)).toEqual([]); // waits for web-3 to be Ready

    h.makeReady('web-3');
    h.run();
    expect(terminating(h)).toEqual(['web-2']);
    h.finishDeletion('web-2');
    h.run();
    h.makeReady('web-2');
    h.run();
    expect(terminating(h)).toEqual([]);
    expect(imageOf(h, 'web-1')).toBe('nginx:1.27');
    expect(imageOf(h, 'web-0')).toBe('nginx:1.27');
    expect(h.set().status).toMatchObject({
      currentRevision: oldRevision,
      currentReplicas: 2,
      updatedReplicas: 2,
    });

    setPartition(h, 0);
    h.run();
    expect(terminating(h)).toEqual(['web-1']);
    h.finishDeletion('web-1');
    h.run();
    h.makeReady('web-1');
    h.run();
    expect(terminating(h)).toEqual(['web-0']);
    h.finishDeletion('web-0');
    h.run();
    h.makeReady('web-0');
    h.run();
    const status = h.set().status;
    expect(status.currentRevision).toBe(status.updateRevision);
    expect(status.currentRevision).not.toBe(oldRevision);
    expect(status).toMatchObject({ currentReplicas: 4, updatedReplicas: 4, readyReplicas: 4 });
  });

  it('recreates a pod below the partition at the current revision', () => {
    const h = readySet(3, {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
    });
    const oldRevision = h.set().status.currentRevision;
    changeImage(h, 'nginx:1.28');
    h.run();
    h.finishDeletion('web-2');
    h.run();
    h.makeReady('web-2');
    h.store.delete('Pod', 'default/web-0');
    h.finishDeletion('web-0');
    h.run();
    expect(imageOf(h, 'web-0')).toBe('nginx:1.27');
    expect(h.pod('web-0')?.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL]).toBe(oldRevision);
    expect(h.pod('web-0')?.spec.hostname).toBe('web-0');
    expect(imageOf(h, 'web-2')).toBe('nginx:1.28');
  });

  it('leaves pods alone with OnDelete until a user deletes one', () => {
    const h = readySet(2, { updateStrategy: { type: 'OnDelete' } });
    changeImage(h, 'nginx:1.28');
    h.run();
    expect(terminating(h)).toEqual([]);
    expect(h.set().status.updatedReplicas).toBe(0);
    h.store.delete('Pod', 'default/web-0');
    h.finishDeletion('web-0');
    h.run();
    expect(imageOf(h, 'web-0')).toBe('nginx:1.28');
    expect(imageOf(h, 'web-1')).toBe('nginx:1.27');
  });
});

describe('statefulSetController minReadySeconds', () => {
  it('creates the next pod only once the previous has been Ready for minReadySeconds, and requeues for that instant', () => {
    const h = harness();
    h.store.create(webSet(2, { minReadySeconds: 10 }));
    h.run();
    h.makeReady('web-0');
    const key = objectKey(h.set());
    const plan = reconcileStatefulSet(h.store, key, h.now);
    expect(plan.actions.filter((a) => a.verb === 'create')).toEqual([]);
    expect(plan.requeueAfter).toBe(10_000);

    h.now = 10_000;
    h.store.update({ ...h.set(), metadata: { ...h.set().metadata, labels: { touched: 'yes' } } });
    h.run();
    expect(h.podNames()).toEqual(['web-0', 'web-1']);
    expect(h.set().status.availableReplicas).toBe(1);
  });
});
