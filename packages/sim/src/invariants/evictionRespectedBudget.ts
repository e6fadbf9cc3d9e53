/**
 * Safety: the Eviction API admitted only what the budgets allowed (§8.4–8.6).
 * @packageDocumentation
 */
import {
  canIgnorePdb,
  KubesimError,
  labelSelectorToSelector,
  type Pod,
  type PodDisruptionBudget,
  unhealthyPodMayGo,
} from '@kubesim/core';
import { TraceMirror } from './_internals/traceMirror.js';
import { EVICTION_RESPECTED_BUDGET } from './names.js';
import type { Invariant, Violation } from './types.js';

function evictedByApi(pod: Pod | undefined): boolean {
  return (pod?.status.conditions ?? []).some(
    (c) =>
      c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'EvictionByEvictionAPI',
  );
}

/** The budget's selector matches `pod`; a selector that does not compile matches nothing. */
function selects(pdb: PodDisruptionBudget, pod: Pod): boolean {
  if (pdb.metadata.namespace !== pod.metadata.namespace) return false;
  try {
    return labelSelectorToSelector(pdb.spec.selector).matches(pod.metadata.labels);
  } catch (err) {
    if (err instanceof KubesimError) return false;
    throw err;
  }
}

/**
 * Safety invariant `eviction-respected-budget`, read from the trace:
 * - every `disruptedPods` entry a budget gains (the API spending a disruption) was added while
 *   that budget's status, just before, had `disruptionsAllowed ≥ 1`;
 * - every pod that got the `DisruptionTarget` condition with reason `EvictionByEvictionAPI` was
 *   exempt (terminal, Pending or already terminating; no budget selects it; unready under the
 *   unhealthy-pod policy), or had a disruption spent for it at that same instant by the one budget
 *   that selects it (several budgets selecting it: the API must refuse, 500).
 * @example const inv = evictionRespectedBudget(); sim.evict('default/web-0'); inv.check(sim, 'step')
 */
export function evictionRespectedBudget(): Invariant {
  const mirror = new TraceMirror(['Pod', 'PodDisruptionBudget']);
  /** `namespace/pod` → instant a budget spent a disruption on it. */
  const spentAt = new Map<string, number>();
  return {
    name: EVICTION_RESPECTED_BUDGET,
    kind: 'safety',
    description:
      'Every eviction the API admitted happened while the matching budget allowed a disruption, or was exempt from budgets.',
    check(sim) {
      const out: Violation[] = [];
      const flag = (t: number, message: string, subjects: string[]): void => {
        out.push({ invariant: EVICTION_RESPECTED_BUDGET, t, message, subjects });
      };
      mirror.advance(sim, (c) => {
        const t = c.entry.t;
        if (c.kind === 'PodDisruptionBudget') {
          const before = c.before as PodDisruptionBudget | undefined;
          const after = c.after as PodDisruptionBudget | undefined;
          if (after === undefined) return;
          const old = before?.status.disruptedPods ?? {};
          for (const podName of Object.keys(after.status.disruptedPods ?? {})) {
            if (Object.hasOwn(old, podName)) continue;
            const podKey = `${after.metadata.namespace}/${podName}`;
            spentAt.set(podKey, t);
            const allowed = before?.status.disruptionsAllowed ?? 0;
            if (allowed < 1) {
              flag(
                t,
                `budget ${c.key} admitted the eviction of ${podKey} with disruptionsAllowed ${allowed}`,
                [c.key, podKey],
              );
            }
          }
          return;
        }
        const before = c.before as Pod | undefined;
        const after = c.after as Pod | undefined;
        if (before === undefined || !evictedByApi(after) || evictedByApi(before)) return;
        if (canIgnorePdb(before)) return;
        const ns = before.metadata.namespace;
        const budgets = mirror
          .objects('PodDisruptionBudget')
          .values() as Iterable<PodDisruptionBudget>;
        const pdbs = [...budgets].filter((p) => selects(p, before));
        if (pdbs.length === 0) return;
        if (pdbs.length > 1) {
          flag(
            t,
            `pod ${c.key} was evicted although ${pdbs.length} budgets select it (the API refuses with 500)`,
            [c.key],
          );
          return;
        }
        const pdb = pdbs[0];
        if (pdb === undefined || unhealthyPodMayGo(before, pdb)) return;
        if (spentAt.get(c.key) === t) return;
        flag(
          t,
          `pod ${c.key} was evicted without spending a disruption of budget ${ns}/${pdb.metadata.name}`,
          [c.key, `${ns}/${pdb.metadata.name}`],
        );
      });
      return out;
    },
  };
}
