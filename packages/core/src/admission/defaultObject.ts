/**
 * Defaulting of any object by kind: the API server's defaulting functions plus the defaulting
 * admission plugins (DESIGN.md point 2).
 * @packageDocumentation
 */
import { produce } from 'immer';
import type { Draft } from 'immer';
import type { ClusterConfig } from '../config.js';
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
  return produce(copy, (draft) => {
    recipe?.(draft, config);
  }) as T;
}

/** A copy of `value` in which every object that is not frozen is copied; frozen subtrees are shared. */
export function cloneUnfrozen(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map(cloneUnfrozen);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = cloneUnfrozen(v);
  return out;
}
