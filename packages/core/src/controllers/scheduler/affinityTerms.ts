/**
 * Inter-pod affinity terms as the scheduler evaluates them (pkg/scheduler/framework/types.go
 * `AffinityTerm`, `newAffinityTerm`, `getAffinityTerms`, `getWeightedAffinityTerms`).
 * `spec.affinity.podAffinity`/`podAntiAffinity` are untyped in `@kubesim/core`, so they are read
 * defensively here: malformed entries are skipped.
 * @packageDocumentation
 */
import { labelSelectorToSelector } from '../../selector/labelSelectorToSelector.js';
import type { Pod } from '../../objects/pod.js';
import type { Selector } from '../../selector/types.js';

/** One term, ready to match pods. */
export interface AffinityTerm {
  /** The pod label selector (a null labelSelector matches nothing). */
  readonly selector: Selector;
  /** Namespaces listed, or the owning pod's own when neither list nor namespaceSelector is set. */
  readonly namespaces: ReadonlySet<string>;
  /** The namespaceSelector; undefined when null/absent (upstream `labels.Nothing()`). */
  readonly namespaceSelector: Selector | undefined;
  readonly topologyKey: string;
  /** The preferred term's weight; 1 for required terms. */
  readonly weight: number;
}

/** The four term lists of one pod (upstream `PodInfo` fields of the same names). */
export interface PodAffinityTerms {
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  readonly preferredAffinity: readonly AffinityTerm[];
  readonly preferredAntiAffinity: readonly AffinityTerm[];
}

/** Resolves a namespace's labels (undefined when unknown). */
export type NamespaceLabels = (namespace: string) => Readonly<Record<string, string>> | undefined;

type Raw = Readonly<Record<string, unknown>>;

function isRecord(x: unknown): x is Raw {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function arrayOf(x: unknown): readonly unknown[] {
  return Array.isArray(x) ? (x as unknown[]) : [];
}

function selectorOf(x: unknown): Selector | undefined {
  return isRecord(x) ? labelSelectorToSelector(x) : undefined;
}

/**
 * Builds a term from a raw `PodAffinityTerm` of a pod in `namespace` (upstream `newAffinityTerm`).
 * `matchLabelKeys`/`mismatchLabelKeys` are not applied (kubesim approximation).
 */
export function affinityTermOf(
  raw: unknown,
  namespace: string,
  weight: number,
): AffinityTerm | undefined {
  if (!isRecord(raw)) return undefined;
  const topologyKey = raw['topologyKey'];
  if (typeof topologyKey !== 'string' || topologyKey === '') return undefined;
  const listed = arrayOf(raw['namespaces']).filter((n): n is string => typeof n === 'string');
  const namespaceSelector = selectorOf(raw['namespaceSelector']);
  const namespaces = new Set(listed);
  if (namespaces.size === 0 && namespaceSelector === undefined) namespaces.add(namespace);
  return {
    selector: selectorOf(raw['labelSelector']) ?? labelSelectorToSelector(null),
    namespaces,
    namespaceSelector,
    topologyKey,
    weight,
  };
}

function required(group: unknown, namespace: string): AffinityTerm[] {
  if (!isRecord(group)) return [];
  return arrayOf(group['requiredDuringSchedulingIgnoredDuringExecution']).flatMap((t) => {
    const term = affinityTermOf(t, namespace, 1);
    return term === undefined ? [] : [term];
  });
}

function preferred(group: unknown, namespace: string): AffinityTerm[] {
  if (!isRecord(group)) return [];
  return arrayOf(group['preferredDuringSchedulingIgnoredDuringExecution']).flatMap((w) => {
    if (!isRecord(w)) return [];
    const weight = typeof w['weight'] === 'number' ? w['weight'] : 0;
    const term = affinityTermOf(w['podAffinityTerm'], namespace, weight);
    return term === undefined || weight === 0 ? [] : [term];
  });
}

/** The pod's inter-pod affinity terms; undefined when it has none at all. */
export function podAffinityTermsOf(pod: Pod): PodAffinityTerms | undefined {
  const a = pod.spec.affinity;
  if (a?.podAffinity === undefined && a?.podAntiAffinity === undefined) return undefined;
  const ns = pod.metadata.namespace;
  const terms: PodAffinityTerms = {
    requiredAffinity: required(a.podAffinity, ns),
    requiredAntiAffinity: required(a.podAntiAffinity, ns),
    preferredAffinity: preferred(a.podAffinity, ns),
    preferredAntiAffinity: preferred(a.podAntiAffinity, ns),
  };
  const total =
    terms.requiredAffinity.length +
    terms.requiredAntiAffinity.length +
    terms.preferredAffinity.length +
    terms.preferredAntiAffinity.length;
  return total === 0 ? undefined : terms;
}

/** True when the term's namespaces cover `namespace` (upstream `AffinityTerm.Matches`, namespace half). */
export function termCoversNamespace(
  term: AffinityTerm,
  namespace: string,
  nsLabels: NamespaceLabels,
): boolean {
  if (term.namespaces.has(namespace)) return true;
  const s = term.namespaceSelector;
  if (s === undefined || s.matchesNothing) return false;
  return s.empty || s.matches(namespaceLabelsWithName(namespace, nsLabels));
}

/** The namespace's labels plus the `kubernetes.io/metadata.name` label the API server sets. */
function namespaceLabelsWithName(
  namespace: string,
  nsLabels: NamespaceLabels,
): Record<string, string> {
  return { ...nsLabels(namespace), 'kubernetes.io/metadata.name': namespace };
}

/** Upstream `AffinityTerm.Matches`: namespace covered and labels selected. */
export function termMatches(
  term: AffinityTerm,
  namespace: string,
  labels: Readonly<Record<string, string>> | undefined,
  nsLabels: NamespaceLabels,
): boolean {
  return termCoversNamespace(term, namespace, nsLabels) && term.selector.matches(labels);
}
