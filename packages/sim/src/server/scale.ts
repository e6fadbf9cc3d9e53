/**
 * The scale subresource as autoscaling/v1 Scale (pkg/registry/apps/deployment/storage ScaleREST).
 * @packageDocumentation
 */
import { customScaleOf, type CustomResourceScale, type StoredObject } from '@kubesim/core';
import type { ResourceInfo } from './resources.js';
import { formatLabelSelector } from './tableColumns.js';

/**
 * The Scale of a Deployment, ReplicaSet or StatefulSet, or of a custom object through the paths
 * its CRD's scale subresource names (`custom`).
 */
export function scaleOf(
  _r: ResourceInfo,
  obj: StoredObject,
  custom?: CustomResourceScale,
): Record<string, unknown> {
  if (custom !== undefined) {
    const c = customScaleOf(custom, obj);
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: metaOf(obj),
      spec: { replicas: c.specReplicas },
      status: {
        replicas: c.statusReplicas,
        ...(c.selector !== undefined ? { selector: c.selector } : {}),
      },
    };
  }
  const o = obj as unknown as {
    metadata: StoredObject['metadata'];
    spec?: { replicas?: number; selector?: Parameters<typeof formatLabelSelector>[0] };
    status?: { replicas?: number };
  };
  const sel = formatLabelSelector(o.spec?.selector);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: metaOf(obj),
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, ...(sel !== '<none>' ? { selector: sel } : {}) },
  };
}

function metaOf(obj: StoredObject): Record<string, unknown> {
  return {
    name: obj.metadata.name,
    namespace: obj.metadata.namespace,
    uid: obj.metadata.uid,
    resourceVersion: obj.metadata.resourceVersion,
    creationTimestamp: obj.metadata.creationTimestamp,
  };
}
