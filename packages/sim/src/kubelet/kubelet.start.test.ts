import { describe, it, expect } from 'vitest';
import { Kubelet } from './kubelet.js';
import { TestHost, condition, firstWhen, ts } from './testHost.test-helper.js';
import type { Pod } from '@kubesim/core';

function setup(opts: { podCIDR?: string } = { podCIDR: '10.128.3.0/24' }): {
  host: TestHost;
  kubelet: Kubelet;
} {
  const host = new TestHost();
  host.addNode('node-1');
  const kubelet = new Kubelet(host, 'node-1', opts);
  host.register(kubelet);
  return { host, kubelet };
}

const readiness = { readinessProbe: { httpGet: { path: '/ready', port: 8080 } } };
const isReady = (p: Pod): boolean => condition(p, 'Ready')?.status === 'True';

describe('Kubelet pod start', () => {
  it('assigns the lowest free address after the sandbox delay, then runs and readies the pod', () => {
    const { host, kubelet } = setup();
    host.createPod('web', 'node-1');
    host.runUntil(499);
    expect(host.pod('web')?.status.podIP).toBeUndefined();
    host.runUntil(500);
    const pending = host.pod('web');
    expect(pending?.status.phase).toBe('Pending');
    expect(pending?.status.podIP).toBe('10.128.3.2');
    expect(pending?.status.podIPs).toEqual([{ ip: '10.128.3.2' }]);
    expect(pending?.status.hostIP).toBe('172.16.0.11');
    expect(pending?.status.startTime).toBe(ts(500));
    expect(condition(pending, 'PodReadyToStartContainers')?.status).toBe('True');
    expect(condition(pending, 'Initialized')?.status).toBe('True');
    expect(condition(pending, 'PodScheduled')?.status).toBe('True');
    expect(condition(pending, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
    });
    expect(pending?.status.containerStatuses?.[0]?.state.waiting?.reason).toBe('ContainerCreating');
    expect(kubelet.isContainerRunning('default/web')).toBe(false);

    host.runUntil(1000);
    const running = host.pod('web');
    expect(running?.status.phase).toBe('Running');
    expect(running?.status.containerStatuses?.[0]).toMatchObject({
      name: 'app',
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: ts(1000) } },
    });
    expect(condition(running, 'ContainersReady')?.status).toBe('True');
    expect(condition(running, 'Ready')).toMatchObject({
      status: 'True',
      lastTransitionTime: ts(1000),
    });
    expect(condition(running, 'Initialized')?.lastTransitionTime).toBe(ts(500));
    expect(kubelet.isContainerRunning('web')).toBe(true);
    expect(kubelet.podIP('web')).toBe('10.128.3.2');
    // one write at the sandbox, one when running and ready
    expect(host.statusWrites('web').map((w) => w.t)).toEqual([500, 1000]);
  });

  it('gives each pod its own address and reuses one only once it is freed', () => {
    const { host } = setup();
    host.createPod('a', 'node-1');
    host.createPod('b', 'node-1');
    host.runUntil(2000);
    expect(host.pod('a')?.status.podIP).toBe('10.128.3.2');
    expect(host.pod('b')?.status.podIP).toBe('10.128.3.3');
    host.store.delete('Pod', 'default/a');
    host.runUntil(3000);
    expect(host.pod('a')).toBeUndefined();
    host.createPod('c', 'node-1');
    host.runUntil(4000);
    expect(host.pod('c')?.status.podIP).toBe('10.128.3.2');
  });

  it('is ready at container start without a readiness probe, and with a default probe that passes', () => {
    const { host } = setup();
    host.createPod('plain', 'node-1');
    host.createPod('probed', 'node-1', { container: readiness });
    host.runUntil(60_000);
    expect(firstWhen(host.statusWrites('plain'), isReady)).toBe(1000);
    // the first probe tick is at container start (initialDelaySeconds 0)
    expect(firstWhen(host.statusWrites('probed'), isReady)).toBe(1000);
  });

  it('becomes ready at the first probe tick after readyAfter', () => {
    const { host } = setup();
    host.createPod('slow', 'node-1', { behavior: '{ readyAfter: 15s }', container: readiness });
    host.runUntil(60_000);
    // probes at 1 s + k × 10 s: 1, 11, 21 → first success at 21 s
    expect(firstWhen(host.statusWrites('slow'), isReady)).toBe(21_000);
    expect(host.pod('slow')?.status.containerStatuses?.[0]?.ready).toBe(true);
  });

  it('turns NotReady at the failureThreshold-th failing tick and Ready at the next passing one', () => {
    const { host } = setup();
    host.createPod('flaky', 'node-1', {
      behavior: '{"readinessFailing": [{"from": "30s", "for": "45s"}]}',
      container: readiness,
    });
    host.createPod('blip', 'node-1', {
      behavior: '{ readinessFailing: [{ from: 30s, for: 15s }] }',
      container: readiness,
    });
    host.runUntil(200_000);
    const writes = host.statusWrites('flaky');
    // probes at 1 s + k × 10 s; failing in [31 s, 76 s): a tick at the very start of the window
    // sees it, so failures at 31, 41, 51 → NotReady at 51 s; 61 and 71 fail too; success at 81 s
    const notReady = firstWhen(writes, (p) => !isReady(p), 1000);
    expect(notReady).toBe(51_000);
    expect(firstWhen(writes, isReady, 51_000)).toBe(81_000);
    expect(condition(writes.find((w) => w.t === 51_000)?.pod, 'Ready')?.lastTransitionTime).toBe(
      ts(51_000),
    );
    // failing in [31 s, 46 s): two consecutive failures (31, 41) stay below the threshold of 3
    expect(firstWhen(host.statusWrites('blip'), (p) => !isReady(p), 1000)).toBeUndefined();
  });

  it('schedules nothing more for a healthy Ready pod', () => {
    const { host } = setup();
    host.createPod('steady', 'node-1', { container: readiness });
    host.runUntil(1000);
    expect(isReady(host.pod('steady') as Pod)).toBe(true);
    host.runUntil(1001);
    expect(host.pendingLabels()).toEqual([]);
    expect(host.pending).toBe(0);
  });

  it('keeps pods Pending with a FailedCreatePodSandBox event until the node has a podCIDR', () => {
    const { host, kubelet } = setup({});
    host.createPod('early', 'node-1');
    host.runUntil(5000);
    expect(host.pod('early')?.status.phase).toBe('Pending');
    expect(host.pod('early')?.status.podIP).toBeUndefined();
    const ev = host.events('early').find((e) => e.reason === 'FailedCreatePodSandBox');
    expect(ev?.type).toBe('Warning');
    expect(ev?.message).toMatch(/podCIDR/);
    kubelet.setPodCIDR('10.128.7.0/24');
    host.runUntil(5500);
    expect(host.pod('early')?.status.podIP).toBe('10.128.7.2');
    host.runUntil(6000);
    expect(host.pod('early')?.status.phase).toBe('Running');
  });

  it('records BehaviorInvalid and runs an invalid behaviour as the default', () => {
    const { host } = setup();
    host.createPod('typo', 'node-1', { behavior: '{ readyAftr: 5s }', container: readiness });
    host.runUntil(2000);
    const ev = host.events('typo').find((e) => e.reason === 'BehaviorInvalid');
    expect(ev?.type).toBe('Warning');
    expect(ev?.message).toMatch(/readyAftr/);
    expect(isReady(host.pod('typo') as Pod)).toBe(true);
  });

  it('runs init containers one after another before the main containers', () => {
    const { host } = setup();
    host.createPod('init', 'node-1', {
      spec: {
        initContainers: [
          { name: 'migrate', image: 'm' },
          { name: 'warm', image: 'w' },
        ],
      },
    });
    host.runUntil(500);
    expect(condition(host.pod('init'), 'Initialized')).toMatchObject({
      status: 'False',
      message: 'containers with incomplete status: [migrate warm]',
    });
    host.runUntil(1500);
    const writes = host.statusWrites('init');
    expect(firstWhen(writes, (p) => condition(p, 'Initialized')?.status === 'True')).toBe(1500);
    expect(
      host.pod('init')?.status.initContainerStatuses?.map((s) => s.state.terminated?.reason),
    ).toEqual(['Completed', 'Completed']);
    host.runUntil(2000);
    expect(host.pod('init')?.status.phase).toBe('Running');
  });

  it('holds Ready False while a readiness gate is not True', () => {
    const { host } = setup();
    host.createPod('gated', 'node-1', {
      spec: { readinessGates: [{ conditionType: 'example.com/lb' }] },
    });
    host.runUntil(2000);
    expect(condition(host.pod('gated'), 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ReadinessGatesNotReady',
    });
    expect(condition(host.pod('gated'), 'ContainersReady')?.status).toBe('True');
    const live = host.pod('gated') as Pod;
    host.store.updateStatus({
      ...live,
      status: {
        ...live.status,
        conditions: [...(live.status.conditions ?? []), { type: 'example.com/lb', status: 'True' }],
      },
    });
    host.runUntil(2001);
    expect(condition(host.pod('gated'), 'Ready')).toMatchObject({
      status: 'True',
      lastTransitionTime: ts(2000),
    });
    expect(host.pod('gated')?.status.conditions?.[0]?.type).toBe('example.com/lb');
  });
});

describe('Kubelet lease', () => {
  it('creates the node Lease once and computes renewals every 10 s from its start', () => {
    const host = new TestHost();
    host.addNode('node-1');
    host.runUntil(7000);
    const kubelet = new Kubelet(host, 'node-1', { podCIDR: '10.128.1.0/24' });
    host.runUntil(7000);
    const lease = host.store.get('Lease', 'kube-node-lease/node-1');
    expect(lease?.spec).toMatchObject({ holderIdentity: 'node-1', leaseDurationSeconds: 40 });
    expect(lease?.spec.renewTime).toBe('2025-01-01T00:00:07.000000Z');
    expect(lease?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'node-1' });
    expect(host.pending).toBe(0);
    expect(kubelet.lastLeaseRenewal(6999)).toBeUndefined();
    expect(kubelet.lastLeaseRenewal(31_000)).toBe(27_000);
    kubelet.stop(40_000);
    expect(kubelet.lastLeaseRenewal(100_000)).toBe(37_000);
    expect(kubelet.alive).toBe(false);
  });
});
