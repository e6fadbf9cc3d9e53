import { describe, it, expect } from 'vitest';
import { DEFAULT_START_TIME_MS, formatTimestamp } from '../../time.js';
import type { Pod } from '../../objects/pod.js';
import { POD_DELETION_COST_ANNOTATION, podsToDelete } from './rankPodsForDeletion.js';

const T0 = DEFAULT_START_TIME_MS;
const NOW = T0 + 1_000_000;

interface P {
  name: string;
  node?: string;
  phase?: Pod['status']['phase'];
  readyAt?: number;
  createdAt?: number;
  cost?: string;
  restarts?: number;
}

function pod(o: P): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name,
      namespace: 'default',
      uid: `uid-${o.name}`,
      resourceVersion: '1',
      creationTimestamp: formatTimestamp(o.createdAt ?? T0),
      ...(o.cost !== undefined ? { annotations: { [POD_DELETION_COST_ANNOTATION]: o.cost } } : {}),
    },
    spec: {
      containers: [{ name: 'c' }],
      ...(o.node !== undefined ? { nodeName: o.node } : {}),
    } as Pod['spec'],
    status: {
      phase: o.phase ?? 'Running',
      conditions:
        o.readyAt === undefined
          ? [{ type: 'Ready', status: 'False' }]
          : [{ type: 'Ready', status: 'True', lastTransitionTime: formatTimestamp(o.readyAt) }],
      containerStatuses: [
        { name: 'c', ready: o.readyAt !== undefined, restartCount: o.restarts ?? 0, state: {} },
      ],
    },
  };
}

const firstVictim = (pods: Pod[], related: Pod[] = []): string | undefined =>
  podsToDelete(pods, related, 1, NOW)[0]?.metadata.name;

describe('podsToDelete ranking (§7.3)', () => {
  it('deletes an unscheduled pod before a scheduled one', () => {
    expect(firstVictim([pod({ name: 'a', node: 'n1' }), pod({ name: 'b' })])).toBe('b');
  });

  it('deletes Pending before Unknown before Running', () => {
    const pods = [
      pod({ name: 'run', node: 'n1', phase: 'Running' }),
      pod({ name: 'unk', node: 'n1', phase: 'Unknown' }),
      pod({ name: 'pend', node: 'n1', phase: 'Pending' }),
    ];
    expect(podsToDelete(pods, [], 2, NOW).map((p) => p.metadata.name)).toEqual(['pend', 'unk']);
  });

  it('deletes a not-ready pod before a ready one', () => {
    const pods = [pod({ name: 'ready', node: 'n1', readyAt: T0 }), pod({ name: 'nr', node: 'n1' })];
    expect(firstVictim(pods)).toBe('nr');
  });

  it('deletes the lower pod-deletion-cost first, ignoring unreadable costs', () => {
    const pods = [
      pod({ name: 'expensive', node: 'n1', readyAt: T0, cost: '100' }),
      pod({ name: 'cheap', node: 'n1', readyAt: T0, cost: '-5' }),
      pod({ name: 'garbage', node: 'n1', readyAt: T0, cost: 'abc' }),
    ];
    expect(podsToDelete(pods, [], 2, NOW).map((p) => p.metadata.name)).toEqual([
      'cheap',
      'garbage',
    ]);
  });

  it('deletes the pod with more active related pods on its node first', () => {
    const a = pod({ name: 'a', node: 'crowded', readyAt: T0 });
    const b = pod({ name: 'b', node: 'quiet', readyAt: T0 });
    const sibling = pod({ name: 'sibling', node: 'crowded', readyAt: T0 });
    expect(firstVictim([b, a], [a, b, sibling])).toBe('a');
  });

  it('deletes the pod Ready for a shorter time first when their log2 buckets differ', () => {
    const pods = [
      pod({ name: 'old', node: 'n1', readyAt: T0 }),
      pod({ name: 'young', node: 'n1', readyAt: NOW - 1_000 }),
    ];
    expect(firstVictim(pods)).toBe('young');
  });

  it('breaks ties within one log2 bucket by UID, not by exact time', () => {
    // 600 s and 601 s ago fall in the same log2 bucket of nanoseconds.
    const pods = [
      pod({ name: 'b', node: 'n1', readyAt: NOW - 600_000 }),
      pod({ name: 'a', node: 'n1', readyAt: NOW - 601_000 }),
    ];
    expect(firstVictim(pods)).toBe('a');
  });

  it('deletes the pod with more restarts first', () => {
    const pods = [
      pod({ name: 'stable', node: 'n1', readyAt: T0 }),
      pod({ name: 'flappy', node: 'n1', readyAt: T0, restarts: 4 }),
    ];
    expect(firstVictim(pods)).toBe('flappy');
  });

  it('deletes the newer pod first', () => {
    const pods = [
      pod({ name: 'older', node: 'n1', readyAt: T0, createdAt: T0 }),
      pod({ name: 'newer', node: 'n1', readyAt: T0, createdAt: NOW - 2_000 }),
    ];
    expect(firstVictim(pods)).toBe('newer');
  });

  it('returns every pod when asked for all of them', () => {
    const pods = [pod({ name: 'a' }), pod({ name: 'b' })];
    expect(podsToDelete(pods, [], 5, NOW)).toHaveLength(2);
  });
});
