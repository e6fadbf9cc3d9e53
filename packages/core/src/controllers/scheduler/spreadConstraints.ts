/**
 * Which topology spread constraints apply to a pod: its own, or the system defaults
 * (pkg/scheduler/framework/plugins/podtopologyspread/plugin.go `systemDefaultConstraints`,
 * `buildDefaultConstraints`; helper `DefaultSelector`).
 * @packageDocumentation
 */
import { labelSelectorToSelector } from '../../selector/labelSelectorToSelector.js';
import { selectorFromSet } from '../../selector/selectorFromSet.js';
import type { ClusterView } from '../../store/view.js';
import type { OwnerReference } from '../../objects/meta.js';
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
  const out = [...serviceSelectors(ns, pod.metadata.labels, view)];
  for (const ref of pod.metadata.ownerReferences ?? []) {
    const selector = ownerSelector(ref, ns, view);
    if (selector !== undefined) out.push(selector);
  }
  return out;
}

/** The non-empty selectors of the Services in `namespace` selecting `labels`, in key order. */
function serviceSelectors(
  namespace: string,
  labels: Readonly<Record<string, string>> | undefined,
  view: ClusterView,
): Selector[] {
  const out: Selector[] = [];
  for (const svc of view.servicesSelecting(namespace, labels)) {
    const sel = svc.spec.selector;
    if (sel !== undefined && Object.keys(sel).length > 0) out.push(compiled(sel, selectorFromSet));
  }
  return out;
}

/** The selector of the ReplicaSet or StatefulSet `ref` names, when it is in the view and selects something. */
function ownerSelector(
  ref: OwnerReference,
  namespace: string,
  view: ClusterView,
): Selector | undefined {
  if (ref.kind !== 'ReplicaSet' && ref.kind !== 'StatefulSet') return undefined;
  const owner = view.get(ref.kind, `${namespace}/${ref.name}`);
  if (owner === undefined || owner.metadata.uid !== ref.uid) return undefined;
  const selector = labelSelectorToSelector(owner.spec.selector); // cached by object in core
  return selector.empty || selector.matchesNothing ? undefined : selector;
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
  return [...keptSpreadConstraints(pod, view, mode, undefined)];
}

/**
 * {@link spreadConstraintsOf}, as a kept array the caller must not change. With `servicesEpoch`
 * (the scheduler cache's {@link servicesEpochOf}: renewed whenever a Service appears, goes or
 * changes its selector) the system defaults are kept per frozen pod-labels object and view, and
 * a pod pays only for its owners' lookups; without it they are built afresh.
 */
export function keptSpreadConstraints(
  pod: Pod,
  view: ClusterView,
  mode: 'DoNotSchedule' | 'ScheduleAnyway',
  servicesEpoch: object | undefined,
): readonly SpreadConstraint[] {
  const own = pod.spec.topologySpreadConstraints;
  if (own !== undefined && own.length > 0) return ownConstraints(own, mode);
  if (mode === 'DoNotSchedule') return NO_CONSTRAINTS;
  const labels = pod.metadata.labels;
  if (servicesEpoch === undefined || labels === undefined) {
    return systemDefaults(defaultSpreadSelectors(pod, view));
  }
  return keptDefaults(pod, labels, view, servicesEpoch);
}

const NO_CONSTRAINTS: readonly SpreadConstraint[] = Object.freeze([]);

type OwnConstraints = NonNullable<Pod['spec']['topologySpreadConstraints']>;

/** A pod's own constraints by mode, kept per (frozen) constraint list. */
const keptOwn = new WeakMap<OwnConstraints, Record<string, readonly SpreadConstraint[]>>();

function ownConstraints(
  own: OwnConstraints,
  mode: 'DoNotSchedule' | 'ScheduleAnyway',
): readonly SpreadConstraint[] {
  const kept = keptOwn.get(own)?.[mode];
  if (kept !== undefined) return kept;
  const built = own
    .filter((c) => (c.whenUnsatisfiable ?? 'DoNotSchedule') === mode)
    .map((c) => ({
      maxSkew: c.maxSkew ?? 1,
      topologyKey: c.topologyKey ?? '',
      selectors: [labelSelectorToSelector(c.labelSelector)],
      minDomains: c.minDomains ?? 1,
    }));
  // Only a frozen list (a stored pod's) is kept: nothing can change it afterwards.
  if (Object.isFrozen(own)) keptOwn.set(own, { ...keptOwn.get(own), [mode]: built });
  return built;
}

/** The system default constraints over `selectors` (none when there is no selector). */
function systemDefaults(selectors: readonly Selector[]): readonly SpreadConstraint[] {
  if (selectors.length === 0) return NO_CONSTRAINTS;
  return SYSTEM_DEFAULT_CONSTRAINTS.map((c) => ({
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    selectors,
    minDomains: 1,
  }));
}

/**
 * The system defaults for pods of one owner (or one labels object), valid for one view, services
 * epoch, namespace and labels: the Services' selectors (the dear part: an index walk and a sort
 * per pod), and the last owner selectors seen with them and the constraints built from both.
 */
interface KeptDefaults {
  readonly view: ClusterView;
  readonly epoch: object;
  readonly namespace: string;
  /** The labels the Services were matched against (compared by content). */
  readonly labels: Readonly<Record<string, string>>;
  readonly services: readonly Selector[];
  owners: readonly Selector[];
  constraints: readonly SpreadConstraint[] | undefined;
}

/**
 * By the first owner's selector (compiled once per frozen ReplicaSet/StatefulSet selector, so
 * shared by the pods of one owner, each with its own labels object), else by the pod's frozen
 * labels object. Nothing here is a fork's own state: an entry holds only for its view (a fork
 * has its own store), epoch (renewed by each fork on its own Service changes), namespace and
 * labels, and the owner part is checked for every pod.
 */
const keptDefaultsByKey = new WeakMap<object, KeptDefaults>();

/** The owner selectors of the pod in hand (reused across calls; read before the next). */
const ownerScratch: Selector[] = [];

function keptDefaults(
  pod: Pod,
  labels: Readonly<Record<string, string>>,
  view: ClusterView,
  epoch: object,
): readonly SpreadConstraint[] {
  const ns = pod.metadata.namespace;
  // The owners are looked up for every pod (a ReplicaSet can be replaced under the same labels).
  ownerScratch.length = 0;
  for (const ref of pod.metadata.ownerReferences ?? []) {
    const selector = ownerSelector(ref, ns, view);
    if (selector !== undefined) ownerScratch.push(selector);
  }
  const key: object = ownerScratch[0] ?? labels;
  let kept = keptDefaultsByKey.get(key);
  if (
    kept === undefined ||
    kept.view !== view ||
    kept.epoch !== epoch ||
    kept.namespace !== ns ||
    !sameLabels(kept.labels, labels)
  ) {
    kept = {
      view,
      epoch,
      namespace: ns,
      labels,
      services: serviceSelectors(ns, labels, view),
      owners: [],
      constraints: undefined,
    };
    // Only frozen labels (a stored pod's) are kept: nothing can change them afterwards.
    if (Object.isFrozen(labels)) keptDefaultsByKey.set(key, kept);
  }
  // The kept constraints hold while the owners give the same selectors in the same order.
  if (kept.constraints === undefined || !sameSelectors(kept.owners, ownerScratch)) {
    kept.owners = ownerScratch.slice();
    kept.constraints = systemDefaults([...kept.services, ...kept.owners]);
  }
  return kept.constraints;
}

function sameSelectors(a: readonly Selector[], b: readonly Selector[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when both label sets have the same pairs. */
function sameLabels(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (!Object.hasOwn(a, k)) continue;
    if (!Object.hasOwn(b, k) || a[k] !== b[k]) return false;
    n += 1;
  }
  for (const k in b) if (Object.hasOwn(b, k)) n -= 1;
  return n === 0;
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
