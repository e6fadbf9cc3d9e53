/**
 * Which pods a PodDisruptionBudget covers, and which budgets cover a pod (policy/v1 selector
 * semantics: an absent or null selector selects no pod, `{}` selects every pod in the namespace).
 * @packageDocumentation
 */
import { KubesimError } from '../../errors.js';
import { labelSelectorToSelector } from '../../selector/labelSelectorToSelector.js';
import { nothingSelector } from '../../selector/requirementSelector.js';
import type { ClusterView } from '../../store/view.js';
import type { OwnerReference } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';
import type { PodDisruptionBudget } from '../../objects/apps.js';
import type { Selector } from '../../selector/types.js';

// Stored objects are frozen and replaced on every write, so a compiled selector can be cached by
// object identity without ever going stale.
const compiled = new WeakMap<PodDisruptionBudget, Selector>();

/**
 * The pod selector of `pdb`. `spec.selector` absent (or null) selects nothing; `{}` selects every
 * pod of the budget's namespace (policy/v1 `LabelSelectorAsSelector`). A selector that does not
 * compile matches nothing, as in kubernetes pkg/registry/core/pod/storage/eviction.go
 * `getPodDisruptionBudgets`.
 * @example pdbSelector(pdb).matches({ app: 'web' })
 */
export function pdbSelector(pdb: PodDisruptionBudget): Selector {
  const cached = compiled.get(pdb);
  if (cached !== undefined) return cached;
  let selector: Selector;
  try {
    selector = labelSelectorToSelector(pdb.spec.selector);
  } catch (err) {
    if (!(err instanceof KubesimError)) throw err;
    selector = nothingSelector;
  }
  compiled.set(pdb, selector);
  return selector;
}

/** `namespace/name` of a namespaced object. */
export function keyOf(obj: { metadata: { namespace: string; name: string } }): string {
  return `${obj.metadata.namespace}/${obj.metadata.name}`;
}

/** Splits a store key; a bare `name` means namespace `default` (API.md). */
export function splitPodKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0
    ? { namespace: 'default', name: key }
    : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/**
 * The pods `pdb` covers, sorted by key: every pod of its namespace its selector matches, whatever
 * their phase (disruption.go `getPodsForPdb` lists them all).
 */
export function podsOfPdb(view: ClusterView, pdb: PodDisruptionBudget): readonly Pod[] {
  // A manifest's `selector: null` may reach us as null despite the stored type.
  const raw: unknown = pdb.spec.selector;
  if (raw === undefined || raw === null) return [];
  return view.list('Pod', { namespace: pdb.metadata.namespace, selector: pdbSelector(pdb) });
}

/** The budgets of the pod's namespace whose selector matches `labels`, sorted by key. */
export function pdbsForLabels(
  view: ClusterView,
  namespace: string,
  labels: Readonly<Record<string, string>> | undefined,
): PodDisruptionBudget[] {
  return view
    .list('PodDisruptionBudget', { namespace })
    .filter((pdb) => pdbSelector(pdb).matches(labels));
}

/** The budgets covering `pod` (see {@link pdbsForLabels}). */
export function pdbsForPod(view: ClusterView, pod: Pod): PodDisruptionBudget[] {
  return pdbsForLabels(view, pod.metadata.namespace, pod.metadata.labels);
}

/** The controller ownerReference of an object (`metav1.GetControllerOf`), if any. */
export function controllerOf(obj: {
  metadata: { ownerReferences?: readonly OwnerReference[] };
}): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller === true);
}
