import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../store/view.js';
import type { Pod } from '../../objects/pod.js';
import { interPodAffinityFilter, prepareInterPodAffinityFilter } from './interPodAffinity.js';
import { cacheOf, infoOf, node, pod } from './schedulerFixtures.test-helper.js';
import type { SchedulerCache } from './schedulerCache.js';

const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const nsLabels: Record<string, Record<string, string>> = { prod: { env: 'prod' } };
const view = {
  get: (kind: string, key: string) =>
    kind === 'Namespace' && nsLabels[key] !== undefined
      ? { metadata: { labels: nsLabels[key] } }
      : undefined,
} as unknown as ClusterView;

const term = (app: string, topologyKey: string, extra: Record<string, unknown> = {}) => ({
  labelSelector: { matchLabels: { app } },
  topologyKey,
  ...extra,
});

function withAffinity(
  name: string,
  labels: Record<string, string>,
  affinity: NonNullable<Pod['spec']['affinity']>,
  nodeName?: string,
): Pod {
  return pod(name, {
    labels,
    ...(nodeName !== undefined ? { nodeName } : {}),
    spec: { affinity },
  });
}

/** The filter's verdict per node name: undefined (fits) or the first reason. */
function verdicts(p: Pod, cache: SchedulerCache, names: readonly string[]): (string | undefined)[] {
  const state = prepareInterPodAffinityFilter(p, view, cache);
  return names.map((n) => interPodAffinityFilter(state, infoOf(cache, n))?.reasons[0]);
}

const nodes = [
  node('a1', { zone: 'a' }),
  node('a2', { zone: 'a' }),
  node('b1', { zone: 'b' }),
  node('nozone'),
];
const ALL = ['a1', 'a2', 'b1', 'nozone'];

describe('InterPodAffinity filter: required pod affinity', () => {
  const incoming = withAffinity(
    'web',
    { app: 'web' },
    { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db', ZONE)] } },
  );
  it('accepts only nodes whose zone holds a matching pod; a node without the key fails', () => {
    const cache = cacheOf([...nodes, pod('db-0', { nodeName: 'a1', labels: { app: 'db' } })]);
    expect(verdicts(incoming, cache, ALL)).toEqual([
      undefined,
      undefined,
      "node(s) didn't match pod affinity rules",
      "node(s) didn't match pod affinity rules",
    ]);
    const state = prepareInterPodAffinityFilter(incoming, view, cache);
    expect(interPodAffinityFilter(state, infoOf(cache, 'b1'))?.unresolvable).toBe(true);
  });
  it('rejects every node when no pod matches and the pod does not match its own term', () => {
    const cache = cacheOf(nodes);
    expect(verdicts(incoming, cache, ALL).every((r) => r !== undefined)).toBe(true);
  });
  it('lets the first pod of a self-affine group in (but not onto a node without the key)', () => {
    const self = withAffinity(
      'web',
      { app: 'web' },
      { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web', ZONE)] } },
    );
    const cache = cacheOf(nodes);
    expect(verdicts(self, cache, ALL)).toEqual([
      undefined,
      undefined,
      undefined,
      "node(s) didn't match pod affinity rules",
    ]);
    // Once one exists, the exception is gone: only its zone fits.
    const withOne = cacheOf([...nodes, pod('web-0', { nodeName: 'b1', labels: { app: 'web' } })]);
    expect(verdicts(self, withOne, ALL)).toEqual([
      "node(s) didn't match pod affinity rules",
      "node(s) didn't match pod affinity rules",
      undefined,
      "node(s) didn't match pod affinity rules",
    ]);
  });
  it('counts pods only in the term namespaces (own namespace by default)', () => {
    const cache = cacheOf([
      ...nodes,
      pod('db-0', { nodeName: 'a1', labels: { app: 'db' }, namespace: 'prod' }),
    ]);
    expect(verdicts(incoming, cache, ['a1'])).toEqual(["node(s) didn't match pod affinity rules"]);
    const listed = withAffinity(
      'web',
      { app: 'web' },
      {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            term('db', ZONE, { namespaces: ['prod'] }),
          ],
        },
      },
    );
    expect(verdicts(listed, cache, ['a1', 'b1'])).toEqual([
      undefined,
      "node(s) didn't match pod affinity rules",
    ]);
    const bySelector = (namespaceSelector: Record<string, unknown>) =>
      withAffinity(
        'web',
        { app: 'web' },
        {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              term('db', ZONE, { namespaceSelector }),
            ],
          },
        },
      );
    expect(verdicts(bySelector({}), cache, ['a1'])).toEqual([undefined]);
    expect(verdicts(bySelector({ matchLabels: { env: 'prod' } }), cache, ['a1'])).toEqual([
      undefined,
    ]);
    expect(verdicts(bySelector({ matchLabels: { env: 'dev' } }), cache, ['a1'])).toEqual([
      "node(s) didn't match pod affinity rules",
    ]);
  });
  it('a null labelSelector matches nothing', () => {
    const nullSel = withAffinity(
      'web',
      { app: 'web' },
      {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: ZONE }],
        },
      },
    );
    const cache = cacheOf([...nodes, pod('db-0', { nodeName: 'a1', labels: { app: 'db' } })]);
    expect(verdicts(nullSel, cache, ['a1'])).toEqual(["node(s) didn't match pod affinity rules"]);
  });
});

describe('InterPodAffinity filter: required anti-affinity', () => {
  const antiWeb = (name: string, nodeName?: string) =>
    withAffinity(
      name,
      { app: 'web' },
      { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web', HOST)] } },
      nodeName,
    );
  it("rejects the domain of a pod matching the incoming pod's term", () => {
    const cache = cacheOf([...nodes, pod('web-0', { nodeName: 'a1', labels: { app: 'web' } })]);
    expect(verdicts(antiWeb('web-1'), cache, ALL)).toEqual([
      "node(s) didn't match pod anti-affinity rules",
      undefined,
      undefined,
      undefined,
    ]);
  });
  it('zone-wide anti-affinity rejects the whole zone; nodes without the key pass', () => {
    const zoneAnti = withAffinity(
      'web-1',
      { app: 'web' },
      { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web', ZONE)] } },
    );
    const cache = cacheOf([...nodes, pod('web-0', { nodeName: 'a1', labels: { app: 'web' } })]);
    expect(verdicts(zoneAnti, cache, ALL)).toEqual([
      "node(s) didn't match pod anti-affinity rules",
      "node(s) didn't match pod anti-affinity rules",
      undefined,
      undefined,
    ]);
  });
  it("honours an existing pod's anti-affinity against a pod without terms", () => {
    const cache = cacheOf([...nodes, antiWeb('web-0', 'a1')]);
    const plain = pod('web-1', { labels: { app: 'web' } });
    expect(verdicts(plain, cache, ALL)).toEqual([
      "node(s) didn't satisfy existing pods anti-affinity rules",
      undefined,
      undefined,
      undefined,
    ]);
    expect(verdicts(pod('db', { labels: { app: 'db' } }), cache, ALL)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
  it('counts terminating pods (upstream snapshot keeps them) and forgets deleted ones', () => {
    const terminating = antiWeb('web-0', 'a1');
    const t: Pod = {
      ...terminating,
      metadata: { ...terminating.metadata, deletionTimestamp: '2025-01-01T00:01:00Z' },
    };
    const cache = cacheOf([...nodes, t]);
    expect(verdicts(antiWeb('web-1'), cache, ['a1'])).toEqual([
      "node(s) didn't match pod anti-affinity rules",
    ]);
    cache.observe({
      type: 'DELETED',
      kind: 'Pod',
      key: 'default/web-0',
      object: t,
      resourceVersion: 2,
    });
    expect(prepareInterPodAffinityFilter(antiWeb('web-1'), view, cache)).toEqual(
      expect.objectContaining({ antiAffinityCounts: new Map() }),
    );
    expect(prepareInterPodAffinityFilter(pod('x'), view, cache)).toBeUndefined();
  });
  it('sees an assumed pod at once', () => {
    const cache = cacheOf(nodes);
    cache.assume(antiWeb('web-0'), 'b1');
    expect(verdicts(antiWeb('web-1'), cache, ['b1'])).toEqual([
      "node(s) didn't match pod anti-affinity rules",
    ]);
  });
});
