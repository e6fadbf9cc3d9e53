import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectKey } from '../../objects/kinds.js';
import { reconcileStatefulSet } from './reconcileStatefulSet.js';
import { canonicalJson, fnv1a32 } from '../shared/podTemplateHash.js';
import { parsePodOrdinal } from './statefulSetLabels.js';
import { statefulSetKeysFor } from './statefulSetKeys.js';
import { harness, webSet } from './statefulSetFixtures.test-helper.js';

describe('statefulSet naming', () => {
  it('reads back the ordinal of every name it generates', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]([-a-z0-9]{0,20}[a-z0-9])?$/),
        fc.nat(1_000_000),
        (parent, ordinal) => {
          expect(parsePodOrdinal(`${parent}-${ordinal}`)).toEqual({ parent, ordinal });
        },
      ),
    );
  });

  it('refuses names without a canonical ordinal', () => {
    expect(parsePodOrdinal('web')).toBeUndefined();
    expect(parsePodOrdinal('web-01')).toBeUndefined();
    expect(parsePodOrdinal('web-x1')).toBeUndefined();
  });

  it('hashes with FNV-1a (reference vectors) and ignores key order', () => {
    const fnv = (text: string): number => fnv1a32(new TextEncoder().encode(text));
    expect(fnv('')).toBe(0x811c9dc5);
    expect(fnv('a')).toBe(0xe40c292c);
    expect(fnv('foobar')).toBe(0xbf9cf968);
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }),
    );
  });

  it('keeps the update revision when only replicas change, and moves it when the template does', () => {
    const h = harness();
    h.store.create(webSet(1));
    h.run();
    const first = h.set().status.updateRevision;
    h.store.update({ ...h.set(), spec: { ...h.set().spec, replicas: 2 } });
    h.run();
    expect(h.set().status.updateRevision).toBe(first);
    const set = h.set();
    h.store.update({
      ...set,
      spec: {
        ...set.spec,
        template: { ...set.spec.template, metadata: { labels: { app: 'web', tier: 'b' } } },
      },
    });
    h.run();
    expect(h.set().status.updateRevision).not.toBe(first);
  });
});

describe('statefulSetKeysFor', () => {
  it('maps a pod event to its owning StatefulSet and an orphan to the sets selecting it', () => {
    const h = harness();
    h.store.create(webSet(1));
    h.run();
    const pod = h.pod('web-0');
    if (pod === undefined) throw new TypeError('web-0 missing');
    const event = {
      type: 'MODIFIED' as const,
      kind: 'Pod',
      key: objectKey(pod),
      object: pod,
      resourceVersion: 1,
    };
    expect(statefulSetKeysFor(event, h.store)).toEqual(['default/web']);
    const orphan = { ...pod, metadata: { ...pod.metadata, ownerReferences: [] } };
    expect(statefulSetKeysFor({ ...event, object: orphan }, h.store)).toEqual(['default/web']);
    const elsewhere = { ...orphan, metadata: { ...orphan.metadata, labels: { app: 'other' } } };
    expect(statefulSetKeysFor({ ...event, object: elsewhere }, h.store)).toEqual([]);
  });
});

describe('reconcileStatefulSet', () => {
  it('is pure: the same view gives the same plan and the store is unchanged', () => {
    const h = harness();
    h.store.create(webSet(3, { podManagementPolicy: 'Parallel' }));
    const before = h.store.resourceVersion;
    const a = reconcileStatefulSet(h.store, 'default/web', 0);
    const b = reconcileStatefulSet(h.store, 'default/web', 0);
    expect(a).toEqual(b);
    expect(a.actions.filter((x) => x.verb === 'create')).toHaveLength(3);
    expect(h.store.resourceVersion).toBe(before);
  });

  it('plans nothing for a StatefulSet that no longer exists', () => {
    const h = harness();
    expect(reconcileStatefulSet(h.store, 'default/missing', 0).actions).toEqual([]);
  });
});
