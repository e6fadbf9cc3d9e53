/**
 * The scale subresource as autoscaling/v1 Scale (pkg/registry/apps/deployment/storage ScaleREST).
 * @packageDocumentation
 */
import type { StoredObject } from '@kubesim/core';
import type { ResourceInfo } from './resources.js';
import { formatLabelSelector } from './tableColumns.js';

/** The Scale of a Deployment, ReplicaSet or StatefulSet. */
export function scaleOf(_r: ResourceInfo, obj: StoredObject): Record<string, unknown> {
  const o = obj as unknown as {
    metadata: StoredObject['metadata'];
    spec?: { replicas?: number; selector?: Parameters<typeof formatLabelSelector>[0] };
    status?: { replicas?: number };
  };
  const sel = formatLabelSelector(o.spec?.selector);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, ...(sel !== '<none>' ? { selector: sel } : {}) },
  };
}
