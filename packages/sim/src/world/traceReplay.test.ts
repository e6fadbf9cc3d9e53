import { describe, expect, it } from 'vitest';
import { applyPatches, enablePatches, type Objectish } from 'immer';
import { createSimulation } from '../simulation/createSimulation.js';
import { objectAfter } from './applyTracePatches.js';
import type { TraceEntry } from './trace.js';

enablePatches();

const KINDS = ['Node', 'Pod', 'ReplicaSet', 'Deployment', 'Service', 'EndpointSlice'] as const;

const manifests = (replicas: number): string => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
`;

const idOf = (kind: string, o: { metadata: { namespace?: string; name: string } }): string =>
  `${kind}|${o.metadata.namespace === undefined ? o.metadata.name : `${o.metadata.namespace}/${o.metadata.name}`}`;

/** Every object the trace leaves, rebuilt by `step` from ADDED objects and MODIFIED patches. */
function replay(
  entries: readonly TraceEntry[],
  step: (before: unknown, e: TraceEntry) => unknown,
): Map<string, unknown> {
  const objects = new Map<string, unknown>();
  for (const e of entries) {
    if (e.kind === undefined || e.key === undefined) continue;
    const id = `${e.kind}|${e.key}`;
    const after = step(objects.get(id), e);
    if (after === undefined) objects.delete(id);
    else objects.set(id, after);
  }
  return objects;
}

describe('the trace replays to the stored objects (element-level array patches)', () => {
  // Seed pinned: a run whose slices see endpoints inserted, removed and changed in place.
  it('rebuilds every object with applyTracePatches and with immer applyPatches', () => {
    const sim = createSimulation({ seed: 11 });
    sim.addNodes(3, { zones: ['a', 'b', 'c'] });
    sim.apply(manifests(30));
    sim.settle();
    sim.apply(manifests(24));
    sim.runFor('30s');
    sim.faults.crashNode('node-1');
    sim.runFor('7m');
    sim.apply(manifests(31));
    sim.settle();

    const entries = sim.trace.entries;
    const sliceArrayOps = entries
      .filter((e) => e.kind === 'EndpointSlice' && e.type === 'MODIFIED')
      .flatMap((e) => e.patches ?? [])
      .filter((p) => p.path[0] === 'endpoints' && typeof p.path[1] === 'number');
    expect(sliceArrayOps.some((p) => p.op === 'add' && p.path.length === 2)).toBe(true);
    expect(sliceArrayOps.some((p) => p.op === 'remove' && p.path.length === 2)).toBe(true);
    expect(sliceArrayOps.some((p) => p.op === 'replace' && p.path.length > 2)).toBe(true);

    const ours = replay(entries, (before, e) => objectAfter(before, e));
    const immers = replay(entries, (before, e) =>
      e.type === 'MODIFIED'
        ? applyPatches(before as Objectish, e.patches ?? [])
        : objectAfter(before, e),
    );
    // Every object the trace names is rebuilt exactly; objects made before the trace began
    // (the `kubernetes` Service and its endpoints) are not in it.
    const traced = new Set(entries.map((e) => `${e.kind}|${e.key}`));
    const snap = sim.snapshot();
    let compared = 0;
    for (const kind of KINDS) {
      const stored = snap.list(kind).filter((o) => traced.has(idOf(kind, o)));
      for (const o of stored) {
        expect(ours.get(idOf(kind, o))).toEqual(o);
        expect(immers.get(idOf(kind, o))).toEqual(o);
      }
      compared += stored.length;
      expect([...ours.keys()].filter((id) => id.startsWith(`${kind}|`))).toHaveLength(
        stored.length,
      );
    }
    expect(compared).toBeGreaterThan(40);
  });
});
