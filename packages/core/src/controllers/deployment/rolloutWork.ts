/**
 * The in-memory state of one Deployment sync. Upstream's sync functions write to the API as they
 * go and keep working on the objects they read; kubesim records each write in this working set
 * instead, so later steps of the same sync see the ReplicaSets as written, and the plan lists
 * the writes in the order they were first made (one write per object).
 * @packageDocumentation
 */
import type { Action } from '../plan.js';
import type { ClusterView } from '../../store/view.js';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../objects/apps.js';
import { epochMsAt, timestampAt } from '../shared/index.js';
import { maxSurgeOf } from './fenceposts.js';
import { withReplicasAnnotations } from './annotations.js';

type Write = { verb: 'create' | 'update'; rs: ReplicaSet };

/** Creation time then name: upstream's `ReplicaSetsByCreationTimestamp`. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp;
  const tb = b.metadata.creationTimestamp;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** One Deployment sync in progress. */
export class RolloutWork {
  /** The Deployment as read; never modified. */
  readonly d: Deployment;
  readonly view: ClusterView;
  /** Virtual ms since the start, and the matching epoch ms and RFC 3339 stamp. */
  readonly now: number;
  readonly nowMs: number;
  readonly stamp: string;
  /** The Deployment's status as this sync has changed it so far (upstream's `d.Status`). */
  status: DeploymentStatus;
  /** The ReplicaSets of the Deployment, as written so far, by name. */
  private readonly sets = new Map<string, ReplicaSet>();
  private readonly writes = new Map<string, Write>();
  private readonly events: Action[] = [];
  /** Name of the new ReplicaSet once found or created. */
  newName: string | undefined;
  /** The revision the Deployment's own annotation should show. */
  revision: string | undefined;
  /** Set when the sync must stop (a hash collision). */
  halted = false;
  /** Bumped by every recorded write (create or update). */
  version = 0;
  /**
   * The write version and status after a `syncNewReplicaSet` that found the new ReplicaSet and
   * wrote nothing: a later call on the same state would redo exactly the same (no-op) work.
   */
  newRSSyncedAt: { readonly version: number; readonly status: DeploymentStatus } | undefined;
  // `all()` and `oldRSs()` as last built; dropped on every write (a sync reads them many times
  // and writes rarely). The arrays are never changed once handed out.
  private allMemo: readonly ReplicaSet[] | undefined;
  private oldMemo: readonly ReplicaSet[] | undefined;
  private oldMemoAll: readonly ReplicaSet[] | undefined;
  private oldMemoName: string | undefined;

  constructor(view: ClusterView, d: Deployment, now: number, claimed: readonly ReplicaSet[]) {
    this.view = view;
    this.d = d;
    this.now = now;
    this.nowMs = epochMsAt(view.config, now);
    this.stamp = timestampAt(view.config, now);
    this.status = d.status;
    for (const rs of claimed) this.sets.set(rs.metadata.name, rs);
  }

  /** Every ReplicaSet, oldest first. */
  all(): readonly ReplicaSet[] {
    let all = this.allMemo;
    if (all === undefined) {
      all = [...this.sets.values()].sort(byCreation);
      this.allMemo = all;
    }
    return all;
  }

  /** The new ReplicaSet, if found or created. */
  newRS(): ReplicaSet | undefined {
    return this.newName === undefined ? undefined : this.sets.get(this.newName);
  }

  /** Every ReplicaSet but the new one, oldest first. */
  oldRSs(): readonly ReplicaSet[] {
    const all = this.all();
    const name = this.newName;
    let old = this.oldMemo;
    if (old === undefined || this.oldMemoAll !== all || this.oldMemoName !== name) {
      old = all.filter((rs) => rs.metadata.name !== name);
      this.oldMemo = old;
      this.oldMemoAll = all;
      this.oldMemoName = name;
    }
    return old;
  }

  /** The current version of `rs`. */
  current(rs: ReplicaSet): ReplicaSet {
    return this.sets.get(rs.metadata.name) ?? rs;
  }

  /** Records a create of `rs`. */
  create(rs: ReplicaSet): void {
    this.version++;
    this.allMemo = undefined;
    this.sets.set(rs.metadata.name, rs);
    this.writes.set(rs.metadata.name, { verb: 'create', rs });
  }

  /** Records an update of `rs` (merged with an earlier write of the same object). */
  update(rs: ReplicaSet): void {
    this.version++;
    this.allMemo = undefined;
    this.sets.set(rs.metadata.name, rs);
    const earlier = this.writes.get(rs.metadata.name);
    this.writes.set(rs.metadata.name, { verb: earlier?.verb ?? 'update', rs });
  }

  /**
   * `scaleReplicaSet`: sets `spec.replicas` and the desired/max-replicas annotations, writing
   * when either changes; records a ScalingReplicaSet event when the size changed. Returns true
   * when the size changed.
   */
  scaleTo(rs: ReplicaSet, size: number, operation?: 'up' | 'down'): boolean {
    const cur = this.current(rs);
    const from = cur.spec.replicas;
    const annotated = withReplicasAnnotations(
      cur,
      this.d.spec.replicas,
      this.d.spec.replicas + maxSurgeOf(this.d),
    );
    if (from === size && annotated === cur) return false;
    this.update({ ...annotated, spec: { ...annotated.spec, replicas: size } });
    if (from === size) return false;
    const op = operation ?? (size > from ? 'up' : 'down');
    this.events.push({
      verb: 'event',
      regarding: {
        kind: 'Deployment',
        key: `${this.d.metadata.namespace}/${this.d.metadata.name}`,
        uid: this.d.metadata.uid,
      },
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: `Scaled ${op} replica set ${cur.metadata.name} from ${from} to ${size}`,
    });
    return true;
  }

  /** `scaleReplicaSetAndRecordEvent`: nothing at all when the size is already `size`. */
  scaleIfNeeded(rs: ReplicaSet, size: number): boolean {
    if (this.current(rs).spec.replicas === size) return false;
    return this.scaleTo(rs, size);
  }

  /** The ReplicaSet writes, in first-write order, then the recorded events. */
  actions(): Action[] {
    const out: Action[] = [];
    for (const w of this.writes.values()) out.push({ verb: w.verb, object: w.rs });
    for (const e of this.events) out.push(e);
    return out;
  }
}
