/**
 * Node selector terms: the matching behind `spec.nodeSelector` and node affinity
 * (k8s.io/component-helpers/scheduling/corev1/nodeaffinity).
 * @packageDocumentation
 */
import type { Node } from '../../objects/node.js';
import type { NodeSelectorRequirement, NodeSelectorTerm, Pod } from '../../objects/pod.js';

// Gt/Lt values must parse as a 64-bit integer (upstream `strconv.ParseInt`); anything else never matches.
const INTEGER = /^[+-]?\d+$/;

function parseInteger(s: string): bigint | undefined {
  return INTEGER.test(s) ? BigInt(s) : undefined;
}

/**
 * True when `value` (undefined when the key is absent) satisfies one requirement. `In` and
 * `NotIn` compare strings (`NotIn` holds for an absent key), `Exists`/`DoesNotExist` test
 * presence, `Gt`/`Lt` compare integers and fail for an absent key or a non-integer on either side.
 * An unknown operator never matches.
 */
export function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false;
      const have = parseInteger(value);
      const want = parseInteger(values[0] ?? '');
      if (have === undefined || want === undefined) return false;
      return r.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/**
 * True when `node` satisfies one term: every label expression and every field expression hold.
 * The only field is `metadata.name`. A term with no expressions matches nothing (upstream
 * treats an empty term as matching no objects).
 */
export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!requirementMatches(r, labels[r.key])) return false;
  for (const r of fields) {
    const value = r.key === 'metadata.name' ? node.metadata.name : undefined;
    if (!requirementMatches(r, value)) return false;
  }
  return true;
}

/** True when some term matches (terms are ORed). An empty list matches nothing. */
export function termsMatch(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  return terms.some((t) => termMatches(t, node));
}

/**
 * The pod's required node placement: every `spec.nodeSelector` label equal, AND (when present)
 * one of the required node affinity terms matching (upstream `GetRequiredNodeAffinity().Match`).
 * @example
 * // nodeSelector { disk: 'ssd' } → only nodes labelled disk=ssd
 */
export function podMatchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const selector = pod.spec.nodeSelector;
  if (selector !== undefined) {
    const labels = node.metadata.labels ?? {};
    for (const k in selector) {
      if (labels[k] !== selector[k]) return false;
    }
  }
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required === undefined) return true;
  return termsMatch(required.nodeSelectorTerms ?? [], node);
}

/**
 * The PreferredDuringScheduling score before normalisation: the sum of the weights of the
 * preferred terms the node matches (upstream NodeAffinity `Score`).
 */
export function preferredAffinityWeight(pod: Pod, node: Node): number {
  let sum = 0;
  for (const p of pod.spec.affinity?.nodeAffinity
    ?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    const weight = p.weight ?? 0;
    if (weight === 0 || p.preference === undefined) continue;
    if (termMatches(p.preference, node)) sum += weight;
  }
  return sum;
}
