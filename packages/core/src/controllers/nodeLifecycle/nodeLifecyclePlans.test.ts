import { describe, expect, it } from 'vitest';
import { applyAction } from '../../driver/applyAction.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import { Store } from '../../store/store.js';
import type { Action } from '../plan.js';
import {
  planLiftNoExecuteTaints,
  planNoExecuteTaint,
  planNodeRecovered,
  planNodeUnknown,
} from './nodeLifecyclePlans.js';
import { TAINT_NODE_UNREACHABLE, nodeReadyStatus } from './taintKeys.js';

const STAMP = '2026-01-01T00:01:10Z';

function cluster(): Store {
  const store = new Store({ clock: () => 0 });
  store.create({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1' },
    spec: {},
    status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }] },
  });
  const pod = store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] },
  });
  store.updateStatus({
    ...pod,
    status: { ...pod.status, phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  });
  return store;
}

const verbs = (actions: readonly Action[]): string[] =>
  actions.map((a) =>
    a.verb === 'event' ? `event ${a.reason}` : `${a.verb} ${'object' in a ? a.object.kind : ''}`,
  );

function applyAll(store: Store, actions: readonly Action[]): void {
  for (const a of actions) expect(applyAction(store, a)).toBe('done');
}

describe('node lifecycle plans', () => {
  it('marks a Ready node Unknown, taints it NoSchedule, records the event and readies its pods False', () => {
    const store = cluster();
    const plan = planNodeUnknown(store, 'n1', STAMP);
    expect(verbs(plan.actions)).toEqual([
      'updateStatus Node',
      'update Node',
      'event NodeNotReady',
      'updateStatus Pod',
    ]);
    applyAll(store, plan.actions); // the taint write follows the status write without a conflict
    const node = store.get('Node', 'n1') as Node;
    expect(nodeReadyStatus(node)).toBe('Unknown');
    expect(node.spec.taints).toEqual([{ key: TAINT_NODE_UNREACHABLE, effect: 'NoSchedule' }]);
    const pod = store.get('Pod', 'default/p') as Pod;
    expect(pod.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(pod.status.phase).toBe('Running');
    // A second pass changes nothing.
    expect(planNodeUnknown(store, 'n1', STAMP).actions).toEqual([]);
  });

  it('recovers a node: Ready again, its NoSchedule and NoExecute taints gone', () => {
    const store = cluster();
    applyAll(store, planNodeUnknown(store, 'n1', STAMP).actions);
    applyAll(store, planNoExecuteTaint(store, 'n1', STAMP).actions);
    expect((store.get('Node', 'n1') as Node).spec.taints?.map((t) => t.effect)).toEqual([
      'NoSchedule',
      'NoExecute',
    ]);
    const plan = planNodeRecovered(store, 'n1', STAMP);
    expect(verbs(plan.actions)).toEqual(['updateStatus Node', 'update Node']);
    applyAll(store, plan.actions);
    const node = store.get('Node', 'n1') as Node;
    expect(nodeReadyStatus(node)).toBe('True');
    expect(node.spec.taints).toBeUndefined();
  });

  it('lifts every NoExecute taint when all zones are fully disrupted, and plans nothing for a gone node', () => {
    const store = cluster();
    applyAll(store, planNodeUnknown(store, 'n1', STAMP).actions);
    applyAll(store, planNoExecuteTaint(store, 'n1', STAMP).actions);
    const lift = planLiftNoExecuteTaints(store.list('Node'));
    expect(verbs(lift.actions)).toEqual(['update Node']);
    applyAll(store, lift.actions);
    expect((store.get('Node', 'n1') as Node).spec.taints?.map((t) => t.effect)).toEqual([
      'NoSchedule',
    ]);
    expect(planNodeUnknown(store, 'gone', STAMP).actions).toEqual([]);
    expect(planNoExecuteTaint(store, 'gone', STAMP).actions).toEqual([]);
  });
});
