/**
 * The pod a ReplicaSet creates from its template (kubernetes/kubernetes
 * pkg/controller/controller_utils.go `GetPodFromTemplate`).
 * @packageDocumentation
 */
import type { Pod } from '../../objects/pod.js';
import type { ReplicaSet } from '../../objects/apps.js';
import type { OwnerReference } from '../../objects/meta.js';
import { newControllerRef } from '../shared/index.js';

/**
 * A pod manifest for `rs`: `generateName` `<rs>-` (the store appends 5 random characters),
 * labels, annotations and finalizers of the template, the template's spec, and a controller
 * ownerReference to the ReplicaSet (apps/v1, controller and blockOwnerDeletion true). The
 * template's own name and generateName are ignored, as upstream does. Identity fields are empty:
 * admission allocates them.
 * @example podFromTemplate(rs).metadata.generateName === 'web-7d9f-'
 */
export function podFromTemplate(rs: ReplicaSet): Pod {
  const meta = rs.spec.template.metadata;
  const finalizers = (meta as { finalizers?: readonly string[] } | undefined)?.finalizers;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      // The template's frozen labels, annotations and finalizers are the pod's as they are, and
      // the pods of one ReplicaSet share one frozen ownerReferences list: stored objects are
      // frozen, so nothing is copied per pod (a copy per pod only cost memory).
      ...(meta?.labels !== undefined ? { labels: frozenOr(meta.labels, { ...meta.labels }) } : {}),
      ...(meta?.annotations !== undefined
        ? { annotations: frozenOr(meta.annotations, { ...meta.annotations }) }
        : {}),
      ...(finalizers !== undefined && finalizers.length > 0
        ? { finalizers: frozenOr(finalizers, [...finalizers]) as string[] }
        : {}),
      ownerReferences: controllerRefsOf(rs),
    },
    spec: rs.spec.template.spec,
    status: { phase: 'Pending' },
  };
}

/** `value` itself when frozen (a stored object's part), else `copy`. */
function frozenOr<T extends object>(value: T, copy: T): T {
  return Object.isFrozen(value) ? value : copy;
}

// The ownerReferences list of the pods of a ReplicaSet, kept per frozen spec (a status write of
// the ReplicaSet keeps its spec) and checked against the owner's identity.
const refsKept = new WeakMap<object, { name: string; uid: string; refs: OwnerReference[] }>();

function controllerRefsOf(rs: ReplicaSet): OwnerReference[] {
  const { name, uid } = rs.metadata;
  if (!Object.isFrozen(rs.spec)) return [newControllerRef(rs)];
  const kept = refsKept.get(rs.spec);
  if (kept !== undefined && kept.name === name && kept.uid === uid) return kept.refs;
  const refs = Object.freeze([Object.freeze(newControllerRef(rs))]) as unknown as OwnerReference[];
  refsKept.set(rs.spec, { name, uid, refs });
  return refs;
}
