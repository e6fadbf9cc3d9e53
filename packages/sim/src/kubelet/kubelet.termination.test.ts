import { describe, it, expect } from 'vitest';
import type { Pod } from '@kubesim/core';
import { Kubelet } from './kubelet.js';
import { TestHost, condition } from './testHost.test-helper.js';

function setup(): { host: TestHost; kubelet: Kubelet } {
  const host = new TestHost();
  host.addNode('node-1');
  const kubelet = new Kubelet(host, 'node-1', { podCIDR: '10.128.3.0/24' });
  host.register(kubelet);
  return { host, kubelet };
}

/** The last status written before the pod was removed. */
function finalStatus(host: TestHost, name: string): Pod | undefined {
  return host.statusWrites(name).at(-1)?.pod;
}

describe('Kubelet graceful termination', () => {
  it('runs preStop, sends TERM, and removes the pod when the app has exited', () => {
    const { host, kubelet } = setup();
    host.createPod('web', 'node-1', {
      behavior: '{ preStopDuration: 5s, terminationDelay: 3s }',
      container: { readinessProbe: { httpGet: { port: 80 } } },
    });
    host.at(10_000, () => {
      host.store.delete('Pod', 'default/web');
    });
    host.runUntil(17_999);
    // still running and Ready while it shuts down
    expect(kubelet.isContainerRunning('web')).toBe(true);
    expect(condition(host.pod('web'), 'Ready')?.status).toBe('True');
    host.runUntil(60_000);
    expect(host.removedAt('web')).toBe(18_000);
    const last = finalStatus(host, 'web');
    expect(last?.status.phase).toBe('Succeeded');
    expect(condition(last, 'Ready')?.status).toBe('False');
    expect(last?.status.containerStatuses?.[0]?.state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(kubelet.podIP('web')).toBeUndefined();
    expect(host.pending).toBe(0);
  });

  it('takes the preStop duration from lifecycle.preStop.sleep', () => {
    const { host } = setup();
    host.createPod('sleepy', 'node-1', {
      container: { lifecycle: { preStop: { sleep: { seconds: 7 } } } },
    });
    host.at(10_000, () => {
      host.store.delete('Pod', 'default/sleepy');
    });
    host.runUntil(60_000);
    expect(host.removedAt('sleepy')).toBe(17_000);
  });

  it('kills an app that outlives the grace period (exit 137, Failed)', () => {
    const { host } = setup();
    host.createPod('stubborn', 'node-1', { behavior: '{ terminationDelay: 60s }' });
    host.at(10_000, () => {
      host.store.delete('Pod', 'default/stubborn');
    });
    host.runUntil(100_000);
    expect(host.removedAt('stubborn')).toBe(40_000);
    const last = finalStatus(host, 'stubborn');
    expect(last?.status.phase).toBe('Failed');
    expect(last?.status.containerStatuses?.[0]?.state.terminated?.exitCode).toBe(137);
  });

  it('grants the one-off 2 s when preStop overruns the grace period', () => {
    const { host } = setup();
    host.createPod('hook', 'node-1', {
      behavior: '{ preStopDuration: 40s, terminationDelay: 10s }',
      spec: { terminationGracePeriodSeconds: 30 },
    });
    host.at(10_000, () => {
      host.store.delete('Pod', 'default/hook');
    });
    host.runUntil(100_000);
    // TERM at 40 s (grace cut the hook off), KILL 2 s later
    expect(host.removedAt('hook')).toBe(42_000);
    expect(
      finalStatus(host, 'hook')?.status.containerStatuses?.[0]?.state.terminated?.exitCode,
    ).toBe(137);
  });

  it('uses the grace period of the delete request', () => {
    const { host } = setup();
    host.createPod('quick', 'node-1', { behavior: '{ terminationDelay: 60s }' });
    host.at(10_000, () => {
      host.store.delete('Pod', 'default/quick', { gracePeriodSeconds: 5 });
    });
    host.runUntil(100_000);
    expect(host.removedAt('quick')).toBe(15_000);
  });

  it('removes a pod deleted before it started at once, writing no status', () => {
    const { host } = setup();
    host.createPod('early', 'node-1');
    host.at(200, () => {
      host.store.delete('Pod', 'default/early');
    });
    host.runUntil(10_000);
    expect(host.removedAt('early')).toBe(200);
    // the only MODIFIED event is the API's deletion mark: the kubelet wrote no status
    expect(host.statusWrites('early').map((w) => w.pod.status)).toEqual([{ phase: 'Pending' }]);
    expect(host.pending).toBe(0);
  });

  it('marks a pod deleted while starting Failed and removes it at once', () => {
    const { host } = setup();
    host.createPod('half', 'node-1');
    host.at(700, () => {
      host.store.delete('Pod', 'default/half');
    });
    host.runUntil(10_000);
    expect(host.removedAt('half')).toBe(700);
    expect(finalStatus(host, 'half')?.status.phase).toBe('Failed');
  });

  it('does not restart a container that exits during shutdown, and frees its address', () => {
    const { host } = setup();
    host.createPod('a', 'node-1', { behavior: '{ crashAfter: 12s, terminationDelay: 20s }' });
    host.at(10_000, () => {
      host.store.delete('Pod', 'default/a');
    });
    host.runUntil(100_000);
    // TERM at 10 s; the app would exit at 30 s: removed then (the crash timer ends with the shutdown)
    expect(host.removedAt('a')).toBe(30_000);
    expect(finalStatus(host, 'a')?.status.containerStatuses?.[0]?.restartCount).toBe(0);
    host.createPod('b', 'node-1');
    host.runUntil(101_000);
    expect(host.pod('b')?.status.podIP).toBe('10.128.3.2');
  });
});

describe('Kubelet power loss', () => {
  it('stops containers without writing, then restarts them in place on restart', () => {
    const { host, kubelet } = setup();
    host.createPod('web', 'node-1');
    host.runUntil(5000);
    const before = host.store.resourceVersion;
    kubelet.stop(5000);
    expect(kubelet.isContainerRunning('web')).toBe(false);
    host.runUntil(50_000);
    expect(host.store.resourceVersion).toBe(before);
    expect(host.pending).toBe(0);
    kubelet.restart();
    host.runUntil(51_000);
    expect(kubelet.isContainerRunning('web')).toBe(true);
    const s = host.pod('web')?.status.containerStatuses?.[0];
    expect(s?.restartCount).toBe(1);
    expect(host.pod('web')?.status.podIP).toBe('10.128.3.2');
    expect(kubelet.lastLeaseRenewal(65_000)).toBe(60_000);
  });
});
