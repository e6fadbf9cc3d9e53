/**
 * Building a StatefulSet's pod for one ordinal (upstream `newStatefulSetPod`, `updateIdentity`,
 * `setPodRevision` in stateful_set_utils.go).
 * @packageDocumentation
 */
import type { OwnerReference } from '../../objects/meta.js';
import type { Pod, PodTemplateSpec } from '../../objects/pod.js';
import type { StatefulSet } from '../../objects/apps.js';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  POD_INDEX_LABEL,
  STATEFULSET_POD_NAME_LABEL,
  statefulPodName,
} from './statefulSetLabels.js';

/** The controller ownerReference a StatefulSet puts on its pods. */
export function controllerRefOf(set: StatefulSet): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    name: set.metadata.name,
    uid: set.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The identity labels of the set's pod with `ordinal` (pod-name and pod-index). */
export function identityLabels(set: StatefulSet, ordinal: number): Record<string, string> {
  return {
    [STATEFULSET_POD_NAME_LABEL]: statefulPodName(set, ordinal),
    [POD_INDEX_LABEL]: String(ordinal),
  };
}

/**
 * The pod to create for `ordinal` from `template` at `revision`: named `<sts>-<ordinal>`, with
 * `hostname` = its name and `subdomain` = `spec.serviceName` (so the headless Service gives it
 * `<pod>.<svc>.<ns>.svc.<zone>`), the template's labels plus the identity labels and
 * `controller-revision-hash`, and a controller ownerReference. volumeClaimTemplates are not
 * turned into volumes or PersistentVolumeClaims: kubesim does not simulate storage.
 * @example newStatefulSetPod(cassandra, cassandra.spec.template, 0, 'cassandra-5d8c9f7b6').metadata.name === 'cassandra-0'
 */
export function newStatefulSetPod(
  set: StatefulSet,
  template: PodTemplateSpec,
  ordinal: number,
  revision: string,
): Pod {
  const name = statefulPodName(set, ordinal);
  const annotations = template.metadata?.annotations;
  const serviceName = set.spec.serviceName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      // Identity and versioning fields are the API server's to allocate.
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: {
        ...template.metadata?.labels,
        ...identityLabels(set, ordinal),
        [CONTROLLER_REVISION_HASH_LABEL]: revision,
      },
      ...(annotations !== undefined ? { annotations: { ...annotations } } : {}),
      ownerReferences: [controllerRefOf(set)],
    },
    spec: {
      ...template.spec,
      ...claimVolumes(set, template, name),
      hostname: name,
      ...(serviceName !== undefined && serviceName !== '' ? { subdomain: serviceName } : {}),
    },
    status: { phase: 'Pending' },
  };
}

/**
 * One volume per volumeClaimTemplate, bound to the pod's claim `<template>-<pod>`, replacing a
 * template volume of the same name (stateful_set_utils.go `updateStorage`). The claims themselves
 * are not simulated.
 */
function claimVolumes(
  set: StatefulSet,
  template: PodTemplateSpec,
  podName: string,
): { volumes?: unknown[] } {
  const claims = (set.spec.volumeClaimTemplates ?? [])
    .map((c) => (c as { metadata?: { name?: unknown } }).metadata?.name)
    .filter((n): n is string => typeof n === 'string' && n !== '');
  if (claims.length === 0) return {};
  const own = ((template.spec as { volumes?: unknown[] }).volumes ?? []).filter(
    (v) => !claims.includes(String((v as { name?: unknown }).name)),
  );
  return {
    volumes: [
      ...own,
      ...claims.map((claim) => ({
        name: claim,
        persistentVolumeClaim: { claimName: `${claim}-${podName}` },
      })),
    ],
  };
}

/**
 * The template a live pod was made from: its labels without the per-pod ones, its spec without
 * what identity and scheduling added (hostname, subdomain, nodeName). kubesim keeps no
 * ControllerRevision objects, so this is how a pod below the partition is recreated at the
 * current revision after a rollout has moved the set's template on.
 */
export function templateFromPod(pod: Pod): PodTemplateSpec {
  const perPod = new Set([
    STATEFULSET_POD_NAME_LABEL,
    POD_INDEX_LABEL,
    CONTROLLER_REVISION_HASH_LABEL,
  ]);
  const labels = Object.fromEntries(
    Object.entries(pod.metadata.labels ?? {}).filter(([k]) => !perPod.has(k)),
  );
  const spec = { ...pod.spec };
  delete spec.hostname;
  delete spec.subdomain;
  delete spec.nodeName;
  const annotations = pod.metadata.annotations;
  return {
    metadata: { labels, ...(annotations !== undefined ? { annotations } : {}) },
    spec,
  };
}
