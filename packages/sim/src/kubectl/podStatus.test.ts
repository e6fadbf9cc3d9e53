import { describe, expect, it } from 'vitest';
import type { Pod } from '@kubesim/core';
import { podColumns } from './podStatus.js';
import { runningPod, START } from './fixtures.test-helper.js';

const at = (s: number): number => START + s * 1000;

function withStatus(patch: (p: Pod) => void): Pod {
  const pod = structuredClone(runningPod('web-a', 'node-0', '10.128.0.2'));
  patch(pod);
  return pod;
}

describe('podColumns computes READY, STATUS and RESTARTS like kubectl printPod', () => {
  it('shows a ready running container as 1/1 Running 0', () => {
    expect(podColumns(runningPod('web-a', 'node-0', '10.128.0.2'), at(10))).toEqual({
      ready: '1/1',
      status: 'Running',
      restarts: '0',
    });
  });

  it('shows a pending pod without container statuses as 0/1 Pending', () => {
    const pod = withStatus((p) => {
      p.status = { phase: 'Pending' };
    });
    expect(podColumns(pod, at(0))).toEqual({ ready: '0/1', status: 'Pending', restarts: '0' });
  });

  it('shows the waiting reason: ContainerCreating', () => {
    const pod = withStatus((p) => {
      p.status.phase = 'Pending';
      p.status.containerStatuses = [
        {
          name: 'web',
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: 'ContainerCreating' } },
        },
      ];
    });
    expect(podColumns(pod, at(1)).status).toBe('ContainerCreating');
  });

  it('shows CrashLoopBackOff with the restart count and the age of the last restart', () => {
    const pod = withStatus((p) => {
      p.status.containerStatuses = [
        {
          name: 'web',
          ready: false,
          restartCount: 3,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: {
            terminated: { exitCode: 137, reason: 'Error', finishedAt: '2025-01-01T00:00:40Z' },
          },
        },
      ];
    });
    expect(podColumns(pod, at(65))).toEqual({
      ready: '0/1',
      status: 'CrashLoopBackOff',
      restarts: '3 (25s ago)',
    });
  });

  it('shows Completed and Error from a terminated container reason, ExitCode:N without one', () => {
    const done = (exitCode: number, reason?: string): Pod =>
      withStatus((p) => {
        p.status.phase = exitCode === 0 ? 'Succeeded' : 'Failed';
        p.status.containerStatuses = [
          {
            name: 'web',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode, ...(reason === undefined ? {} : { reason }) } },
          },
        ];
      });
    expect(podColumns(done(0, 'Completed'), at(5)).status).toBe('Completed');
    expect(podColumns(done(1, 'Error'), at(5)).status).toBe('Error');
    expect(podColumns(done(2), at(5)).status).toBe('ExitCode:2');
  });

  it('shows Terminating for a running pod with a deletion timestamp, Unknown when its node is lost', () => {
    const deleting = withStatus((p) => {
      p.metadata.deletionTimestamp = '2025-01-01T00:01:00Z';
    });
    expect(podColumns(deleting, at(40)).status).toBe('Terminating');
    const lost = withStatus((p) => {
      p.metadata.deletionTimestamp = '2025-01-01T00:01:00Z';
      p.status.reason = 'NodeLost';
    });
    expect(podColumns(lost, at(40)).status).toBe('Unknown');
  });

  it('shows Init:0/1 while an init container runs', () => {
    const pod = withStatus((p) => {
      p.spec.initContainers = [{ name: 'init' }];
      p.status.phase = 'Pending';
      p.status.conditions = [{ type: 'Initialized', status: 'False' }];
      p.status.initContainerStatuses = [
        { name: 'init', ready: false, restartCount: 0, state: { running: {} } },
      ];
      p.status.containerStatuses = [
        {
          name: 'web',
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: 'PodInitializing' } },
        },
      ];
    });
    expect(podColumns(pod, at(1))).toEqual({ ready: '0/1', status: 'Init:0/1', restarts: '0' });
  });
});
