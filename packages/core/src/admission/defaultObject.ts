/**
 * Defaulting of any object by kind: the API server's defaulting functions plus the defaulting
 * admission plugins (DESIGN.md point 2).
 * @packageDocumentation
 */
import { produce } from 'immer';
import type { Draft } from 'immer';
import type { ClusterConfig } from '../config.js';
import { deepFreeze } from '../store/deepFreeze.js';
import {
  defaultEndpointSlice,
  defaultEndpoints,
  defaultNamespace,
  defaultNode,
  defaultPodDisruptionBudget,
} from './defaultClusterObjects.js';
import { defaultPod } from './defaultPod.js';
import { defaultService } from './defaultService.js';
import { defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './defaultWorkloads.js';

type Recipe = (draft: Draft<Record<string, unknown>>, config: Readonly<ClusterConfig>) => void;

/** One defaulting recipe per kind; kinds not listed (Lease, Event, inert kinds) are kept as written. */
const recipes: Readonly<Record<string, Recipe>> = {
  Pod: defaultPod,
  Service: defaultService,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  Namespace: defaultNamespace,
  Node: defaultNode,
  EndpointSlice: defaultEndpointSlice,
  Endpoints: defaultEndpoints,
  PodDisruptionBudget: defaultPodDisruptionBudget,
};

/**
 * A defaulted deep copy of `obj`, dispatching on its `kind`: every field the API server would
 * default is filled in (Service §2.2, Pod §5.5/§5.9 with the Priority and DefaultTolerationSeconds
 * admission plugins §6.7, Deployment/ReplicaSet/StatefulSet §7.6, Namespace, Node, EndpointSlice,
 * Endpoints, PodDisruptionBudget) so the result satisfies the stored type of its kind.
 *
 * The input is never mutated (nor frozen); the result is a new, deeply frozen object that keeps
 * every field kubesim does not model. Fields already set are kept, so defaulting is idempotent.
 * Validation is not this function's job: run it first.
 *
 * @example
 * ```ts
 * const svc = defaultObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' },
 *   spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }, defaultClusterConfig);
 * // svc.spec: type ClusterIP, sessionAffinity None, internalTrafficPolicy Cluster,
 * //           ports [{ port: 80, protocol: 'TCP', targetPort: 80 }]
 * ```
 */
export function defaultObject<T>(obj: T, config: Readonly<ClusterConfig>): T {
  if (obj === null || typeof obj !== 'object') return obj;
  const kind = (obj as { kind?: unknown }).kind;
  const recipe =
    typeof kind === 'string' && Object.hasOwn(recipes, kind) ? recipes[kind] : undefined;
  // Copy what is not frozen yet: immer shares and freezes untouched subtrees, which would freeze
  // the caller's manifest. Frozen subtrees (from stored objects) are shared as they are, so a
  // controller's write of `{ ...stored, status }` copies almost nothing.
  const copy = cloneUnfrozen(obj) as Record<string, unknown>;
  if (recipe === undefined) return deepFreeze(copy) as T;
  // Fast path: run the recipe on the private copy itself. The recipes only fill in what is
  // missing, so every write lands on an object the copy owns and the result is what immer would
  // build: same keys in the same order, untouched frozen subtrees shared. A write into a shared
  // frozen subtree throws (modules are strict); the copy is then dropped and immer, which copies
  // such a subtree on write, defaults a fresh copy. The recipes touch nothing but their argument,
  // so the abandoned attempt leaves no trace.
  try {
    return defaultInPlace(copy, recipe, thawedKeys[kind as string] ?? [], config) as T;
  } catch {
    // fall through to the copy-on-write path
  }
  return produce(cloneUnfrozen(obj) as Record<string, unknown>, (draft) => {
    recipe(draft, config);
  }) as T;
}

/**
 * Top-level fields that the fast path copies when they are frozen, because the kind's recipe
 * writes into them even when they come from a stored object: a Pod created from a workload's
 * template shares the template's frozen spec, to which Pod defaulting adds fields.
 */
const thawedKeys: Readonly<Record<string, readonly string[]>> = { Pod: ['spec'] };

type Loose = Record<string, unknown>;

const isObject = (v: unknown): v is object => v !== null && typeof v === 'object';

function shallowCopy(v: object): object {
  return Array.isArray(v) ? v.slice() : { ...v };
}

/** Whether `a` and `b` have the same own keys in the same order with identical values. */
function sameShallow(a: object, b: object): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || (a as Loose)[k] !== (b as Loose)[k]) return false;
  }
  return true;
}

/**
 * Runs `recipe` on `copy` (frozen only where shared with a stored object), copying the root and
 * the `thaw` fields first when frozen. A copied object that the recipe left as it was is replaced
 * by its original, so the result shares exactly what immer's result would share.
 */
function defaultInPlace(
  copy: Loose,
  recipe: Recipe,
  thaw: readonly string[],
  config: Readonly<ClusterConfig>,
): Loose {
  const rootFrozen = Object.isFrozen(copy);
  const root = rootFrozen ? { ...copy } : copy;
  const originals: [string, object][] = [];
  for (const key of thaw) {
    const v = root[key];
    if (isObject(v) && Object.isFrozen(v)) {
      root[key] = shallowCopy(v);
      originals.push([key, v]);
    }
  }
  recipe(root, config);
  for (const [key, original] of originals) {
    const v = root[key];
    if (isObject(v) && sameShallow(v, original)) root[key] = original;
  }
  if (rootFrozen && sameShallow(root, copy)) return copy;
  return deepFreeze(root);
}

/** A copy of `value` in which every object that is not frozen is copied; frozen subtrees are shared. */
export function cloneUnfrozen(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    const arr = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) arr[i] = cloneUnfrozen(value[i]);
    return arr;
  }
  // Keys in Object.entries order, without building the [key, value] pairs (a hot path).
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src)) out[k] = cloneUnfrozen(src[k]);
  return out;
}
