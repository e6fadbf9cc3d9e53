/**
 * The pod a ReplicaSet creates from its template (kubernetes/kubernetes
 * pkg/controller/controller_utils.go `GetPodFromTemplate`).
 * @packageDocumentation
 */
import type { Pod } from '../../objects/pod.js';
import type { ReplicaSet } from '../../objects/apps.js';
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
      ...(meta?.labels !== undefined ? { labels: { ...meta.labels } } : {}),
      ...(meta?.annotations !== undefined ? { annotations: { ...meta.annotations } } : {}),
      ...(finalizers !== undefined && finalizers.length > 0 ? { finalizers: [...finalizers] } : {}),
      ownerReferences: [newControllerRef(rs)],
    },
    spec: rs.spec.template.spec,
    status: { phase: 'Pending' },
  };
}
