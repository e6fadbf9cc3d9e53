/**
 * The annotations a Deployment keeps on its ReplicaSets (kubernetes/kubernetes
 * pkg/controller/deployment/util/deployment_util.go `SetNewReplicaSetAnnotations`,
 * `SetReplicasAnnotations`, `MaxRevision`).
 * @packageDocumentation
 */
import type { Deployment, ReplicaSet } from '../../objects/apps.js';

/** Revision of a ReplicaSet (and, mirrored, of its Deployment). */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** Earlier revisions a ReplicaSet held (set when it is rolled back to). */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** `spec.replicas` of the Deployment when it last scaled the ReplicaSet. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
/** `replicas + maxSurge` of the Deployment when it last scaled the ReplicaSet. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';

// Deployment annotations never copied to its ReplicaSets (deployment_util.go annotationsToSkip).
const SKIPPED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

/** True when `raw` matches `/^-?\d+$/` (an optional minus, then ASCII digits only). */
function isIntText(raw: string): boolean {
  let i = raw.charCodeAt(0) === 45 ? 1 : 0;
  if (i === raw.length) return false;
  for (; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function intAnnotation(rs: ReplicaSet, name: string): number | undefined {
  const raw = rs.metadata.annotations?.[name];
  return raw !== undefined && isIntText(raw) ? Number(raw) : undefined;
}

/** The ReplicaSet's revision, 0 when missing or unreadable. */
export function revisionOf(rs: ReplicaSet): number {
  return intAnnotation(rs, REVISION_ANNOTATION) ?? 0;
}

/** The highest revision among `sets` (0 for none). */
export function maxRevision(sets: readonly ReplicaSet[]): number {
  return sets.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

/** The desired-replicas annotation, when readable. */
export function desiredReplicasOf(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

/** The max-replicas annotation, when readable. */
export function maxReplicasOf(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, MAX_REPLICAS_ANNOTATION);
}

/** `rs` with desired-replicas and max-replicas set; the same object when they already are. */
export function withReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): ReplicaSet {
  const a = rs.metadata.annotations ?? {};
  if (
    a[DESIRED_REPLICAS_ANNOTATION] === String(desired) &&
    a[MAX_REPLICAS_ANNOTATION] === String(max)
  ) {
    return rs;
  }
  const annotations = {
    ...a,
    [DESIRED_REPLICAS_ANNOTATION]: String(desired),
    [MAX_REPLICAS_ANNOTATION]: String(max),
  };
  return { ...rs, metadata: { ...rs.metadata, annotations } };
}

/** True when `annotations` already hold every Deployment annotation copied to ReplicaSets. */
function hasDeploymentAnnotations(d: Deployment, annotations: Record<string, string>): boolean {
  const own = d.metadata.annotations;
  if (own === undefined) return true;
  for (const k in own) {
    if (!SKIPPED.has(k) && annotations[k] !== own[k]) return false;
  }
  return true;
}

/**
 * The annotations of the Deployment's new ReplicaSet: the Deployment's own (minus the skipped
 * ones) over the ReplicaSet's, and the revision raised to `newRevision` when it is lower. A
 * ReplicaSet that already had a lower revision (a rollback to it) records the old one in
 * revision-history. Returns `rs` itself when nothing changes.
 */
export function withNewReplicaSetAnnotations(
  d: Deployment,
  rs: ReplicaSet,
  newRevision: number,
): ReplicaSet {
  const before = rs.metadata.annotations ?? {};
  // Usual case: the revision is current and the Deployment's annotations are all there already.
  if (revisionOf(rs) >= newRevision && hasDeploymentAnnotations(d, before)) return rs;
  const next: Record<string, string> = { ...before };
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (!SKIPPED.has(k)) next[k] = v;
  }
  const oldRaw = before[REVISION_ANNOTATION];
  const oldRevision = revisionOf(rs);
  if (oldRevision < newRevision) {
    next[REVISION_ANNOTATION] = String(newRevision);
    if (oldRaw !== undefined) {
      const history = before[REVISION_HISTORY_ANNOTATION];
      next[REVISION_HISTORY_ANNOTATION] = history === undefined ? oldRaw : `${history},${oldRaw}`;
    }
  }
  const same =
    Object.keys(next).length === Object.keys(before).length &&
    Object.entries(next).every(([k, v]) => before[k] === v);
  return same ? rs : { ...rs, metadata: { ...rs.metadata, annotations: next } };
}
