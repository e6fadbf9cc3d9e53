/**
 * Finding or creating a Deployment's new ReplicaSet and syncing revisions
 * (kubernetes/kubernetes pkg/controller/deployment/sync.go `getAllReplicaSetsAndSyncRevision`,
 * `getNewReplicaSet`; util/deployment_util.go `FindNewReplicaSet`, `EqualIgnoreHash`,
 * `NewRSNewReplicas`).
 * @packageDocumentation
 */
import { deepEqual } from '../../store/deepEqual.js';
import type { Deployment, ReplicaSet } from '../../objects/apps.js';
import type { PodTemplateSpec } from '../../objects/pod.js';
import {
  POD_TEMPLATE_HASH_LABEL,
  computePodTemplateHash,
  controllerRefOf,
  newControllerRef,
} from '../shared/index.js';
import {
  REVISION_ANNOTATION,
  maxRevision,
  withNewReplicaSetAnnotations,
  withReplicasAnnotations,
} from './annotations.js';
import { DeploymentReason, getCondition, newCondition, setCondition } from './conditions.js';
import { maxSurgeOf } from './fenceposts.js';
import type { RolloutWork } from './rolloutWork.js';

/** progressDeadlineSeconds at MaxInt32 means "no deadline" (`HasProgressDeadline`). */
export function hasProgressDeadline(d: Deployment): boolean {
  return d.spec.progressDeadlineSeconds !== 2147483647;
}

function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const labels = Object.fromEntries(
    Object.entries(t.metadata?.labels ?? {}).filter(([k]) => k !== POD_TEMPLATE_HASH_LABEL),
  );
  const { labels: _old, ...meta } = t.metadata ?? {};
  const metadata = Object.keys(labels).length > 0 ? { ...meta, labels } : meta;
  return Object.keys(metadata).length > 0 ? { ...t, metadata } : { spec: t.spec };
}

/**
 * True when two pod templates are equal once the pod-template-hash label is ignored. A structural
 * comparison that stops at shared (stored, frozen) subtrees: no rendering of either template.
 */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  if (!Object.isFrozen(a) || !Object.isFrozen(b)) return deepEqual(withoutHash(a), withoutHash(b));
  // Stored templates are immutable: the answer for a pair is computed once (a Deployment's
  // template is compared with each of its ReplicaSets' on every sync).
  let byB = equalCache.get(a);
  if (byB === undefined) {
    byB = new WeakMap();
    equalCache.set(a, byB);
  }
  let equal = byB.get(b);
  if (equal === undefined) {
    equal = deepEqual(withoutHash(a), withoutHash(b));
    byB.set(b, equal);
  }
  return equal;
}

const equalCache = new WeakMap<PodTemplateSpec, WeakMap<PodTemplateSpec, boolean>>();

/** The oldest ReplicaSet whose template equals the Deployment's (ignoring the hash label). */
export function findNewReplicaSet(
  d: Deployment,
  oldestFirst: readonly ReplicaSet[],
): ReplicaSet | undefined {
  return oldestFirst.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/**
 * The size the new ReplicaSet may grow to (§7.9): RollingUpdate → up to `replicas + maxSurge`
 * pods over all ReplicaSets and never past `replicas`; Recreate → `replicas`.
 */
export function newRSNewReplicas(
  d: Deployment,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet,
): number {
  if (d.spec.strategy.type !== 'RollingUpdate') return d.spec.replicas;
  const current = all.reduce((n, rs) => n + rs.spec.replicas, 0);
  const maxTotal = d.spec.replicas + maxSurgeOf(d);
  if (current >= maxTotal) return newRS.spec.replicas;
  const up = Math.min(maxTotal - current, d.spec.replicas - newRS.spec.replicas);
  return newRS.spec.replicas + up;
}

function syncExisting(work: RolloutWork, existing: ReplicaSet, newRevision: number): void {
  const d = work.d;
  const annotated = withNewReplicaSetAnnotations(d, existing, newRevision);
  if (annotated !== existing || annotated.spec.minReadySeconds !== d.spec.minReadySeconds) {
    // Upstream returns right after this update; the Deployment's revision follows next sync.
    work.update({
      ...annotated,
      spec: { ...annotated.spec, minReadySeconds: d.spec.minReadySeconds },
    });
    return;
  }
  const revision = existing.metadata.annotations?.[REVISION_ANNOTATION];
  if (revision !== undefined) work.revision = revision;
  if (hasProgressDeadline(d) && getCondition(work.status, 'Progressing') === undefined) {
    const msg = `Found new replica set "${existing.metadata.name}"`;
    work.status = setCondition(
      work.status,
      newCondition('Progressing', 'True', DeploymentReason.FoundNewReplicaSet, msg, work.stamp),
    );
  }
}

function createNew(work: RolloutWork, newRevision: number): void {
  const d = work.d;
  const hash = computePodTemplateHash(d.spec.template, d.status.collisionCount);
  const name = `${d.metadata.name}-${hash}`;
  const labels = { ...d.spec.template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash };
  const clash = work.view.get('ReplicaSet', `${d.metadata.namespace}/${name}`);
  if (clash !== undefined) {
    if (
      controllerRefOf(clash)?.uid === d.metadata.uid &&
      equalIgnoreHash(clash.spec.template, d.spec.template)
    ) {
      work.newName = name;
      return;
    }
    // A hash collision: bump collisionCount so the next sync hashes to another name.
    work.status = { ...work.status, collisionCount: (work.status.collisionCount ?? 0) + 1 };
    work.halted = true;
    return;
  }
  const draft: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels,
      ownerReferences: [newControllerRef(d)],
    },
    spec: {
      replicas: 0,
      minReadySeconds: d.spec.minReadySeconds,
      selector: {
        ...d.spec.selector,
        matchLabels: { ...d.spec.selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash },
      },
      template: { ...d.spec.template, metadata: { ...d.spec.template.metadata, labels } },
    },
    status: { replicas: 0 },
  };
  const replicas = newRSNewReplicas(d, [...work.oldRSs(), draft], draft);
  const sized = { ...draft, spec: { ...draft.spec, replicas } };
  const rs = withReplicasAnnotations(
    withNewReplicaSetAnnotations(d, sized, newRevision),
    d.spec.replicas,
    d.spec.replicas + maxSurgeOf(d),
  );
  work.create(rs);
  work.newName = name;
  work.revision = String(newRevision);
  if (hasProgressDeadline(d)) {
    const msg = `Created new replica set "${name}"`;
    work.status = setCondition(
      work.status,
      newCondition('Progressing', 'True', DeploymentReason.NewReplicaSetCreated, msg, work.stamp),
    );
  }
}

/**
 * Finds the new ReplicaSet (syncing its annotations, minReadySeconds and the Deployment's
 * revision), or creates it when `create` is set: named `<deployment>-<pod-template-hash>`, the
 * hash label added to its selector and template, revision max(old) + 1, sized by
 * {@link newRSNewReplicas}. A name taken by a foreign ReplicaSet bumps `status.collisionCount`
 * and halts the sync.
 */
export function syncNewReplicaSet(work: RolloutWork, create: boolean): void {
  // A second call (upstream syncs revisions again in each strategy) on the state a first one
  // left unchanged finds the same ReplicaSet and changes nothing again.
  const synced = work.newRSSyncedAt;
  if (synced !== undefined && synced.version === work.version && synced.status === work.status) {
    return;
  }
  const existing = findNewReplicaSet(work.d, work.all());
  work.newName = existing?.metadata.name;
  const newRevision = maxRevision(work.oldRSs()) + 1;
  if (existing !== undefined) {
    const version = work.version;
    syncExisting(work, existing, newRevision);
    if (work.version === version) work.newRSSyncedAt = { version, status: work.status };
  } else if (create) createNew(work, newRevision);
}
