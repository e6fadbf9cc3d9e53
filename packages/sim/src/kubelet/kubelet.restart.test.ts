import { describe, it, expect } from 'vitest';
import type { Pod } from '@kubesim/core';
import { parseTimestamp } from '@kubesim/core';
import { Kubelet } from './kubelet.js';
import { TestHost, condition, firstWhen } from './testHost.test-helper.js';
import type { StatusWrite } from './testHost.test-helper.js';

function setup(): { host: TestHost; kubelet: Kubelet } {
  const host = new TestHost();
  host.addNode('node-1');
  const kubelet = new Kubelet(host, 'node-1', { podCIDR: '10.128.3.0/24' });
  host.register(kubelet);
  return { host, kubelet };
}

const ms = (t: string | undefined): number =>
  (parseTimestamp(t ?? '') ?? NaN) - parseTimestamp('2025-01-01T00:00:00Z')!;

/** Seconds from each exit to the following start, read from the status at each new restartCount. */
function restartGaps(writes: readonly StatusWrite[]): number[] {
  const gaps: number[] = [];
  let seen = 0;
  for (const w of writes) {
    const s = w.pod.status.containerStatuses?.[0];
    if (s === undefined || s.restartCount <= seen || s.state.running === undefined) continue;
    seen = s.restartCount;
    gaps.push((ms(s.state.running.startedAt) - ms(s.lastState?.terminated?.finishedAt)) / 1000);
  }
  return gaps;
}

describe('Kubelet restarts', () => {
  it('restarts a crashing container after 0, 10, 20, 40, 80, 160, 300, 300 s', () => {
    const { host } = setup();
    host.createPod('crash', 'node-1', { behavior: '{ crashAfter: 1s, exitCode: 3 }' });
    host.runUntil(1000 + 8 * 1000 + (10 + 20 + 40 + 80 + 160 + 300 + 300) * 1000 + 1);
    const writes = host.statusWrites('crash');
    expect(restartGaps(writes)).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
    const last = host.pod('crash')?.status.containerStatuses?.[0];
    expect(last?.lastState?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(host.pod('crash')?.status.podIP).toBe('10.128.3.2');
    expect(host.pod('crash')?.status.phase).toBe('Running');
  });

  it('reports CrashLoopBackOff, not ready, while the back-off runs', () => {
    const { host, kubelet } = setup();
    host.createPod('crash', 'node-1', { behavior: '{ crashAfter: 1s }' });
    // start 1 s, exit 2 s → restart at once; exit 3 s → waits 10 s
    host.runUntil(5000);
    const pod = host.pod('crash') as Pod;
    const s = pod.status.containerStatuses?.[0];
    expect(s?.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(s?.ready).toBe(false);
    expect(s?.restartCount).toBe(1);
    expect(s?.lastState?.terminated).toMatchObject({
      exitCode: 1,
      finishedAt: '2025-01-01T00:00:03Z',
    });
    expect(condition(pod, 'Ready')?.status).toBe('False');
    expect(pod.status.phase).toBe('Running');
    expect(kubelet.isContainerRunning('crash')).toBe(false);
    expect(host.events('crash').some((e) => e.reason === 'BackOff')).toBe(true);
    host.runUntil(13_000);
    expect(kubelet.isContainerRunning('crash')).toBe(true);
    expect(host.pod('crash')?.status.containerStatuses?.[0]?.restartCount).toBe(2);
  });

  it('forgets the back-off after a run longer than 10 minutes', () => {
    const { host, kubelet } = setup();
    host.createPod('app', 'node-1');
    const kill = (t: number): void => {
      host.at(t, () => {
        kubelet.killContainer('app');
      });
    };
    kill(2000); // restart at once
    kill(3000); // +10 s → 13 s
    kill(14_000); // +20 s → 34 s
    kill(34_000 + 11 * 60_000); // ran 11 min: at once again
    kill(34_000 + 11 * 60_000 + 1000); // then 10 s
    host.runUntil(34_000 + 11 * 60_000 + 20_000);
    expect(restartGaps(host.statusWrites('app'))).toEqual([0, 10, 20, 0, 10]);
  });

  it('fails a restartPolicy Never pod whose container exits non-zero, and frees nothing else', () => {
    const { host } = setup();
    host.createPod('job', 'node-1', {
      behavior: '{ crashAfter: 5s, exitCode: 2 }',
      spec: { restartPolicy: 'Never' },
    });
    host.runUntil(60_000);
    const pod = host.pod('job') as Pod;
    expect(pod.status.phase).toBe('Failed');
    expect(pod.status.containerStatuses?.[0]?.state.terminated).toMatchObject({ exitCode: 2 });
    expect(pod.status.containerStatuses?.[0]?.restartCount).toBe(0);
    expect(condition(pod, 'Ready')?.status).toBe('False');
    expect(firstWhen(host.statusWrites('job'), (p) => p.status.phase === 'Failed')).toBe(6000);
    expect(host.pending).toBe(0);
  });

  it('completes an OnFailure pod whose container exits 0', () => {
    const { host } = setup();
    host.createPod('task', 'node-1', {
      behavior: '{ crashAfter: 5s, exitCode: 0 }',
      spec: { restartPolicy: 'OnFailure' },
    });
    host.runUntil(60_000);
    const pod = host.pod('task') as Pod;
    expect(pod.status.phase).toBe('Succeeded');
    expect(condition(pod, 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });

  it('kills a container at the liveness failureThreshold-th failing tick and restarts it', () => {
    const { host } = setup();
    host.createPod('sick', 'node-1', {
      behavior: '{ livenessFailing: [{ from: 20s }] }',
      container: { livenessProbe: { httpGet: { path: '/healthz', port: 8080 } } },
    });
    host.runUntil(100_000);
    const writes = host.statusWrites('sick');
    // start 1 s; failing from 21 s: ticks 21, 31, 41 → killed at 41 s and restarted at once;
    // the next run fails from 61 s: 61, 71, 81 → killed at 81 s, back-off 10 s → 91 s
    const restarts = writes.filter((w, i) => {
      const prev = writes[i - 1]?.pod.status.containerStatuses?.[0]?.restartCount ?? 0;
      return (w.pod.status.containerStatuses?.[0]?.restartCount ?? 0) > prev;
    });
    expect(restarts.map((w) => w.t)).toEqual([41_000, 91_000]);
    expect(restarts[0]?.pod.status.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(
      137,
    );
    expect(
      host.events('sick').some((e) => e.reason === 'Unhealthy' && /Liveness/.test(e.message)),
    ).toBe(true);
  });

  it('fails readiness on demand for a while, detected by the probe period', () => {
    const { host, kubelet } = setup();
    host.createPod('web', 'node-1', { container: { readinessProbe: { httpGet: { port: 80 } } } });
    host.at(5000, () => {
      kubelet.failReadiness('web', 40_000);
    });
    host.runUntil(100_000);
    const writes = host.statusWrites('web');
    const ready = (p: Pod): boolean => condition(p, 'Ready')?.status === 'True';
    // failing in [5 s, 45 s): ticks 11, 21, 31 → NotReady at 31 s; next success at 51 s
    expect(firstWhen(writes, (p) => !ready(p), 1000)).toBe(31_000);
    expect(firstWhen(writes, ready, 31_000)).toBe(51_000);
  });
});
