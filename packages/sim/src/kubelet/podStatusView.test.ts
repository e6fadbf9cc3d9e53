import { describe, expect, it } from 'vitest';
import type { Condition, Pod } from '@kubesim/core';
import { podConditions } from './podStatusView.js';

const T0 = '2025-01-01T00:00:00Z';
const T1 = '2025-01-01T00:00:05Z';
const running = { sandboxReady: true, initPending: [], unready: [], phase: 'Running' } as const;

function podWith(conditions: Condition[]): Pod {
  return { metadata: {}, spec: {}, status: { conditions } } as unknown as Pod;
}

describe('pod conditions the kubelet writes', () => {
  it('keeps an unchanged condition as the very object it read, and stamps a changed one', () => {
    const first = podConditions(podWith([]), running, T0);
    const again = podConditions(podWith(first), { ...running, unready: ['web'] }, T1);
    const byType = (list: Condition[], type: string) => list.find((c) => c.type === type);
    expect(byType(again, 'Initialized')).toBe(byType(first, 'Initialized'));
    expect(byType(again, 'Ready')).not.toBe(byType(first, 'Ready'));
    expect(byType(again, 'Ready')?.lastTransitionTime).toBe(T1);
  });

  it('writes a condition whose keys are in another order afresh, in its own order', () => {
    // Same values, but lastTransitionTime before lastProbeTime: its JSON differs, so not reused.
    const foreign: Condition = {
      type: 'Initialized',
      status: 'True',
      lastTransitionTime: T0,
      lastProbeTime: null,
    };
    const out = podConditions(podWith([foreign]), running, T1);
    const initialized = out.find((c) => c.type === 'Initialized');
    expect(initialized).not.toBe(foreign);
    expect(initialized).toEqual(foreign);
    expect(Object.keys(initialized ?? {})).toEqual([
      'type',
      'status',
      'lastProbeTime',
      'lastTransitionTime',
    ]);
  });
});
