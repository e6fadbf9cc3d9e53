/**
 * Which topology spread constraints apply to a pod: its own, or the system defaults
 * (pkg/scheduler/framework/plugins/podtopologyspread/plugin.go `systemDefaultConstraints`,
 * `buildDefaultConstraints`; helper `DefaultSelector`).
 * @packageDocumentation
 */
import { labelSelectorToSelector } from '../../selector/labelSelectorToSelector.js';
import { selectorFromSet } from '../../selector/selectorFromSet.js';
import type { ClusterView } from '../../store/view.js';
import type { Pod } from '../../objects/pod.js';
import type { Selector } from '../../selector/types.js';

/** The well-known hostname label. */
export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
/** The well-known zone label. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** A constraint ready to evaluate: its selector is the AND of `selectors`. */
export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selectors: readonly Selector[];
  /** `minDomains` (1 when unset). */
  readonly minDomains: number;
}

/**
 * The system default constraints (hostname maxSkew 3, zone maxSkew 5, both ScheduleAnyway) for
 * pods without constraints of their own.
 */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly { maxSkew: number; topologyKey: string }[] = [
  { maxSkew: 3, topologyKey: HOSTNAME_LABEL },
  { maxSkew: 5, topologyKey: ZONE_LABEL },
];

/**
 * The selectors the pod's Services and owning ReplicaSet/StatefulSet use, ANDed by the caller.
 * Empty when the pod belongs to none (then no default spreading applies). Upstream finds the
 * ReplicaSets and StatefulSets by selector; kubesim follows the pod's ownerReferences, and an
 * owner missing from the view contributes nothing.
 */
export function defaultSpreadSelectors(pod: Pod, view: ClusterView): Selector[] {
  const ns = pod.metadata.namespace;
  const out: Selector[] = [];
  for (const svc of view.servicesSelecting(ns, pod.metadata.labels)) {
    const sel = svc.spec.selector;
    if (sel !== undefined && Object.keys(sel).length > 0) out.push(compiled(sel, selectorFromSet));
  }
  for (const ref of pod.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'ReplicaSet' && ref.kind !== 'StatefulSet') continue;
    const owner = view.get(ref.kind, `${ns}/${ref.name}`);
    if (owner === undefined || owner.metadata.uid !== ref.uid) continue;
    const selector = labelSelectorToSelector(owner.spec.selector); // cached by object in core
    if (!selector.empty && !selector.matchesNothing) out.push(selector);
  }
  return out;
}

/** Service selectors compiled from stored (immutable) objects, so each is compiled once. */
const compiledSelectors = new WeakMap<object, Selector>();

function compiled(
  source: Readonly<Record<string, string>>,
  compile: (s: Readonly<Record<string, string>>) => Selector,
): Selector {
  let selector = compiledSelectors.get(source);
  if (selector === undefined) {
    selector = compile(source);
    compiledSelectors.set(source, selector);
  }
  return selector;
}

/**
 * The pod's constraints with `whenUnsatisfiable` equal to `mode` (a missing value counts as
 * DoNotSchedule). For `ScheduleAnyway`, a pod with no constraints at all gets the system
 * defaults, keyed on {@link defaultSpreadSelectors}.
 */
export function spreadConstraintsOf(
  pod: Pod,
  view: ClusterView,
  mode: 'DoNotSchedule' | 'ScheduleAnyway',
): SpreadConstraint[] {
  const own = pod.spec.topologySpreadConstraints ?? [];
  if (own.length > 0) {
    return own
      .filter((c) => (c.whenUnsatisfiable ?? 'DoNotSchedule') === mode)
      .map((c) => ({
        maxSkew: c.maxSkew ?? 1,
        topologyKey: c.topologyKey ?? '',
        selectors: [labelSelectorToSelector(c.labelSelector)],
        minDomains: c.minDomains ?? 1,
      }));
  }
  if (mode === 'DoNotSchedule') return [];
  const selectors = defaultSpreadSelectors(pod, view);
  if (selectors.length === 0) return [];
  return SYSTEM_DEFAULT_CONSTRAINTS.map((c) => ({
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    selectors,
    minDomains: 1,
  }));
}

/** True when the node carries every constraint's topology key. */
export function hasAllTopologyKeys(
  labels: Readonly<Record<string, string>> | undefined,
  constraints: readonly SpreadConstraint[],
): boolean {
  if (labels === undefined) return constraints.length === 0;
  for (const c of constraints) if (labels[c.topologyKey] === undefined) return false;
  return true;
}

/** True when `labels` match every selector of the constraint. */
export function selectorsMatch(
  selectors: readonly Selector[],
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  return selectors.every((s) => s.matches(labels));
}
