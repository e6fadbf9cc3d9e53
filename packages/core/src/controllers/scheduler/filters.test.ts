import { describe, expect, it } from 'vitest';
import type { Taint } from '../../objects/node.js';
import type { Toleration } from '../../objects/pod.js';
import {
  nodeAffinityFilter,
  nodeNameFilter,
  nodePortsFilter,
  nodeResourcesFitFilter,
  nodeUnschedulableFilter,
  taintTolerationFilter,
} from './filters.js';
import { podHostPorts, podRequests } from './podRequests.js';
import { toleratesTaint } from './tolerations.js';
import { cacheOf, infoOf, node, pod } from './schedulerFixtures.test-helper.js';

describe('NodeName', () => {
  it('accepts any node for an unnamed pod and only the named node otherwise', () => {
    const cache = cacheOf([node('n1'), node('n2')]);
    expect(nodeNameFilter(pod('p'), infoOf(cache, 'n1'))).toBeUndefined();
    const named = pod('p', { spec: { nodeName: 'n2' } });
    expect(nodeNameFilter(named, infoOf(cache, 'n2'))).toBeUndefined();
    expect(nodeNameFilter(named, infoOf(cache, 'n1'))?.reasons).toEqual([
      "node(s) didn't match the requested node name",
    ]);
  });
});

describe('NodeUnschedulable', () => {
  const cache = cacheOf([node('cordoned', { unschedulable: true }), node('open')]);
  it('rejects a cordoned node as unresolvable', () => {
    const f = nodeUnschedulableFilter(pod('p'), infoOf(cache, 'cordoned'));
    expect(f).toEqual({
      plugin: 'NodeUnschedulable',
      reasons: ['node(s) were unschedulable'],
      unresolvable: true,
    });
    expect(nodeUnschedulableFilter(pod('p'), infoOf(cache, 'open'))).toBeUndefined();
  });
  it('lets a pod tolerating node.kubernetes.io/unschedulable:NoSchedule through', () => {
    const tolerant = pod('p', {
      tolerations: [
        { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      ],
    });
    expect(nodeUnschedulableFilter(tolerant, infoOf(cache, 'cordoned'))).toBeUndefined();
  });
});

describe('toleration matching matrix', () => {
  const taint: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  const cases: [string, Toleration, boolean][] = [
    [
      'Equal with same key and value',
      { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
      true,
    ],
    ['default operator is Equal', { key: 'dedicated', value: 'gpu' }, true],
    ['Equal with another value', { key: 'dedicated', operator: 'Equal', value: 'cpu' }, false],
    ['Exists ignores the value', { key: 'dedicated', operator: 'Exists' }, true],
    ['Exists with another key', { key: 'other', operator: 'Exists' }, false],
    ['empty key with Exists matches every taint', { operator: 'Exists' }, true],
    // Upstream ToleratesTaint skips the key check for an empty key and then compares values
    // (validation refuses such a toleration, but the matcher must agree with upstream's).
    ['empty key with Equal compares values only', { operator: 'Equal', value: 'gpu' }, true],
    ['empty key with Equal and another value', { operator: 'Equal', value: 'cpu' }, false],
    ['empty effect matches every effect', { key: 'dedicated', value: 'gpu' }, true],
    [
      'another effect does not match',
      { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
      false,
    ],
    ['unknown operator never matches', { key: 'dedicated', operator: 'Gt', value: 'gpu' }, false],
  ];
  it.each(cases)('%s', (_name, toleration, expected) => {
    expect(toleratesTaint(toleration, taint)).toBe(expected);
  });
});

describe('TaintToleration filter', () => {
  const cache = cacheOf([
    node('unreachable', {
      taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }],
    }),
    node('soft', { taints: [{ key: 'spot', value: 'yes', effect: 'PreferNoSchedule' }] }),
    node('gpu', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
  ]);
  it('rejects an untolerated NoExecute taint and names it like upstream', () => {
    expect(taintTolerationFilter(pod('p'), infoOf(cache, 'unreachable'))?.reasons).toEqual([
      'node(s) had untolerated taint {node.kubernetes.io/unreachable: }',
    ]);
  });
  it('names the taint value', () => {
    expect(taintTolerationFilter(pod('p'), infoOf(cache, 'gpu'))?.reasons).toEqual([
      'node(s) had untolerated taint {dedicated: gpu}',
    ]);
  });
  it('ignores PreferNoSchedule taints', () => {
    expect(taintTolerationFilter(pod('p'), infoOf(cache, 'soft'))).toBeUndefined();
  });
  it('accepts a tolerated taint', () => {
    const p = pod('p', { tolerations: [{ key: 'dedicated', operator: 'Exists' }] });
    expect(taintTolerationFilter(p, infoOf(cache, 'gpu'))).toBeUndefined();
  });
});

describe('NodeAffinity filter', () => {
  const cache = cacheOf([
    node('big', { labels: { cores: '64', disk: 'ssd' } }),
    node('small', { labels: { cores: '8', disk: 'hdd' } }),
    node('odd', { labels: { cores: 'many' } }),
  ]);
  const withTerms = (terms: object[]) =>
    pod('p', {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms },
          },
        },
      },
    });
  const fits = (p: ReturnType<typeof pod>) =>
    ['big', 'small', 'odd'].filter((n) => nodeAffinityFilter(p, infoOf(cache, n)) === undefined);

  it('Gt and Lt compare integers and never match a missing or non-integer label', () => {
    expect(
      fits(withTerms([{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['16'] }] }])),
    ).toEqual(['big']);
    expect(
      fits(withTerms([{ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['16'] }] }])),
    ).toEqual(['small']);
    expect(
      fits(withTerms([{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['64'] }] }])),
    ).toEqual([]);
  });
  it('ORs terms and ANDs expressions', () => {
    const p = withTerms([
      {
        matchExpressions: [
          { key: 'disk', operator: 'In', values: ['ssd'] },
          { key: 'cores', operator: 'Lt', values: ['10'] },
        ],
      },
      { matchExpressions: [{ key: 'cores', operator: 'DoesNotExist' }] },
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['odd'] }] },
    ]);
    expect(fits(p)).toEqual(['odd']);
  });
  it('NotIn holds for an absent key; Exists needs the key', () => {
    expect(
      fits(
        withTerms([{ matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['hdd'] }] }]),
      ),
    ).toEqual(['big', 'odd']);
    expect(fits(withTerms([{ matchExpressions: [{ key: 'disk', operator: 'Exists' }] }]))).toEqual([
      'big',
      'small',
    ]);
  });
  it('requires nodeSelector AND affinity', () => {
    const p = pod('p', {
      spec: {
        nodeSelector: { disk: 'ssd' },
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['16'] }] },
              ],
            },
          },
        },
      },
    });
    expect(fits(p)).toEqual([]);
    expect(fits(pod('q', { spec: { nodeSelector: { disk: 'ssd' } } }))).toEqual(['big']);
    expect(nodeAffinityFilter(p, infoOf(cache, 'big'))?.reasons).toEqual([
      "node(s) didn't match Pod's node affinity/selector",
    ]);
  });
});

describe('NodeResourcesFit', () => {
  it('rejects when the request exceeds allocatable minus requested, per resource', () => {
    // 4 cpu / 16Gi allocatable, 3500m and 15Gi already requested.
    const cache = cacheOf([node('n1'), pod('a', { nodeName: 'n1', cpu: '3500m', memory: '15Gi' })]);
    const info = infoOf(cache, 'n1');
    expect(nodeResourcesFitFilter(podRequests(pod('p', { cpu: '500m' })), info)).toBeUndefined();
    expect(nodeResourcesFitFilter(podRequests(pod('p', { cpu: '501m' })), info)?.reasons).toEqual([
      'Insufficient cpu',
    ]);
    expect(
      nodeResourcesFitFilter(podRequests(pod('p', { cpu: '1', memory: '2Gi' })), info)?.reasons,
    ).toEqual(['Insufficient cpu', 'Insufficient memory']);
  });
  it('enforces the 110-pod limit by default, even for pods without requests', () => {
    const pods = Array.from({ length: 110 }, (_, i) => pod(`p${i}`, { nodeName: 'n1' }));
    const full = cacheOf([node('n1'), ...pods]);
    expect(infoOf(full, 'n1').podCount).toBe(110);
    expect(nodeResourcesFitFilter(podRequests(pod('x')), infoOf(full, 'n1'))?.reasons).toEqual([
      'Too many pods',
    ]);
    const almost = cacheOf([node('n1'), ...pods.slice(1)]);
    expect(nodeResourcesFitFilter(podRequests(pod('x')), infoOf(almost, 'n1'))).toBeUndefined();
  });
  it('reads status.allocatable.pods when set', () => {
    const cache = cacheOf([
      node('n1', { pods: '2' }),
      pod('a', { nodeName: 'n1' }),
      pod('b', { nodeName: 'n1' }),
    ]);
    expect(nodeResourcesFitFilter(podRequests(pod('x')), infoOf(cache, 'n1'))?.reasons).toEqual([
      'Too many pods',
    ]);
  });
});

describe('NodePorts', () => {
  const cache = cacheOf([node('n1'), pod('web', { nodeName: 'n1', hostPort: 8080 })]);
  it('rejects a host port already bound on the node', () => {
    const f = nodePortsFilter(podHostPorts(pod('p', { hostPort: 8080 })), infoOf(cache, 'n1'));
    expect(f?.reasons).toEqual(["node(s) didn't have free ports for the requested pod ports"]);
    expect(
      nodePortsFilter(podHostPorts(pod('p', { hostPort: 8081 })), infoOf(cache, 'n1')),
    ).toBeUndefined();
  });
  it('treats a specific IP as conflicting with 0.0.0.0', () => {
    const p = pod('p', {
      spec: {
        containers: [
          {
            name: 'c',
            ports: [{ containerPort: 1, hostPort: 8080, hostIP: '10.0.0.1', protocol: 'TCP' }],
          },
        ],
      },
    });
    expect(nodePortsFilter(podHostPorts(p), infoOf(cache, 'n1'))).toBeDefined();
    const udp = pod('u', {
      spec: {
        containers: [{ name: 'c', ports: [{ containerPort: 1, hostPort: 8080, protocol: 'UDP' }] }],
      },
    });
    expect(nodePortsFilter(podHostPorts(udp), infoOf(cache, 'n1'))).toBeUndefined();
  });
});
