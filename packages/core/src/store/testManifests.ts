/**
 * Manifests for the store's tests (internal).
 * @packageDocumentation
 */
import type { DeploymentInput, ReplicaSetInput } from '../objects/apps.js';
import type { NamespaceInput } from '../objects/node.js';
import type { PodInput } from '../objects/pod.js';
import type { ServiceInput } from '../objects/service.js';

/** A valid Pod manifest. */
export function podManifest(
  name: string,
  o: {
    namespace?: string;
    labels?: Record<string, string>;
    nodeName?: string;
    grace?: number;
    owner?: { kind: string; name: string; uid: string };
  } = {},
): PodInput & { kind: 'Pod' } {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(o.namespace === undefined ? {} : { namespace: o.namespace }),
      ...(o.labels === undefined ? {} : { labels: o.labels }),
      ...(o.owner === undefined
        ? {}
        : { ownerReferences: [{ apiVersion: 'apps/v1', controller: true, ...o.owner }] }),
    },
    spec: {
      containers: [{ name: 'app', image: 'nginx' }],
      ...(o.nodeName === undefined ? {} : { nodeName: o.nodeName }),
      ...(o.grace === undefined ? {} : { terminationGracePeriodSeconds: o.grace }),
    },
  };
}

/** A valid ClusterIP Service manifest. */
export function serviceManifest(
  name: string,
  selector: Record<string, string> | undefined,
  o: { namespace?: string; type?: string } = {},
): ServiceInput & { kind: 'Service' } {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(o.namespace === undefined ? {} : { namespace: o.namespace }) },
    spec: {
      ...(selector === undefined ? {} : { selector }),
      ...(o.type === undefined ? {} : { type: o.type }),
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    },
  };
}

/** A valid Namespace manifest. */
export function namespaceManifest(name: string): NamespaceInput & { kind: 'Namespace' } {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** A valid Deployment manifest selecting `app=<name>`. */
export function deploymentManifest(
  name: string,
  replicas = 1,
): DeploymentInput & { kind: 'Deployment' } {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
    },
  };
}

/** A valid ReplicaSet manifest owned by `owner`. */
export function replicaSetManifest(
  name: string,
  app: string,
  owner: { kind: string; name: string; uid: string },
): ReplicaSetInput & { kind: 'ReplicaSet' } {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      labels: { app },
      ownerReferences: [{ apiVersion: 'apps/v1', controller: true, ...owner }],
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
    },
  };
}
