/**
 * The store's engine room: tables, the global resourceVersion counter, transactions and the two
 * primitives every write ends in ({@link StoreCore.write} and {@link StoreCore.erase}).
 * Internal: the public face is {@link Store}.
 * @packageDocumentation
 */
import type { ClusterConfig } from '../config.js';
import { InvalidArgumentError } from '../errors.js';
import { paranoidByDefault } from '../config.js';
import type { Service } from '../objects/service.js';
import type { IdSource, RandomSource } from '../sources.js';
import { formatTimestamp } from '../time.js';
import { deepFreeze, withMetadata } from './deepFreeze.js';
import { ServiceAllocators } from './deps.js';
import { ObjectTables } from './objectTables.js';
import { EventDelivery, TransactionLog } from './transactionLog.js';
import type { Savepoint } from './transactionLog.js';
import type { StoredObject } from './types.js';
import type { StoreEvent } from './view.js';

/** Internal state of one store. */
export class StoreCore {
  /** The objects and indexes (replaced only by {@link StoreCore.adopt}). */
  tables = new ObjectTables();
  readonly log = new TransactionLog();
  readonly delivery = new EventDelivery();
  readonly allocators: ServiceAllocators;
  private rv = 0;
  /** Depth of {@link StoreCore.trusted} calls; writes are kubesim's own while above 0. */
  private trust = 0;
  /** Validate every write, trusted ones too (`config.paranoid` or the process-wide default). */
  readonly paranoid: boolean;

  constructor(
    readonly config: Readonly<ClusterConfig>,
    readonly ids: IdSource,
    random: RandomSource,
    private readonly clock: () => number,
  ) {
    this.allocators = new ServiceAllocators(config, random);
    this.paranoid = config.paranoid || paranoidByDefault();
  }

  /**
   * Takes `parent`'s objects (each kind's table shared copy-on-write, indexes copied), its
   * resourceVersion and its Service allocations: this core becomes a fork of `parent`. Its own
   * ids, chance and clock stay. Watchers are not carried over.
   * @throws InvalidArgumentError when `parent` is inside a transaction or delivering events.
   */
  adopt(parent: StoreCore): void {
    if (parent.log.depth !== 0 || parent.delivery.busy) {
      throw new InvalidArgumentError(
        'store',
        'cannot be forked inside a transaction or a watch callback; fork between writes',
      );
    }
    this.tables = parent.tables.fork();
    this.rv = parent.rv;
    this.allocators.copyFrom(parent.allocators);
  }

  /** True when the write being made must be validated: a user's, or any under paranoid. */
  get validating(): boolean {
    return this.trust === 0 || this.paranoid;
  }

  /** Runs `fn` with its writes marked as kubesim's own (trusted: not validated unless paranoid). */
  trusted<T>(fn: () => T): T {
    this.trust += 1;
    try {
      return fn();
    } finally {
      this.trust -= 1;
    }
  }

  /** Runs `fn` with its writes marked as a user's (validated), inside a trusted scope too. */
  untrusted<T>(fn: () => T): T {
    const saved = this.trust;
    this.trust = 0;
    try {
      return fn();
    } finally {
      this.trust = saved;
    }
  }

  /** Virtual now as epoch milliseconds. */
  nowMs(): number {
    return this.config.startTime + this.clock();
  }

  /** Virtual now as an RFC 3339 timestamp. */
  nowTimestamp(): string {
    return formatTimestamp(this.nowMs());
  }

  /** The resourceVersion of the last committed or pending change. */
  resourceVersion(): number {
    return this.rv;
  }

  /** Takes the next resourceVersion for a write about to be made. */
  nextResourceVersion(): number {
    this.rv += 1;
    return this.rv;
  }

  /** The live object of `kind` at the (normalised) `key`. */
  get(kind: string, key: string): StoredObject | undefined {
    return this.tables.get(kind, key);
  }

  /**
   * Stores `obj` (its `metadata.resourceVersion` already set to `String(rv)`), deep-freezes it,
   * journals the change and queues the ADDED or MODIFIED event. The journal entry is written
   * before the tables change, so a failure inside the change itself is still rolled back.
   */
  write(kind: string, key: string, obj: StoredObject, rv: number): StoredObject {
    deepFreeze(obj);
    const previous = this.tables.get(kind, key);
    this.log.journal.push({ kind, key, previous, next: obj });
    this.tables.put(kind, key, obj);
    const ev: StoreEvent =
      previous === undefined
        ? { type: 'ADDED', kind, key, object: obj, resourceVersion: rv }
        : { type: 'MODIFIED', kind, key, object: obj, oldObject: previous, resourceVersion: rv };
    this.log.pending.push(ev);
    return obj;
  }

  /**
   * Removes the object for good: a DELETED event carrying its last state at a new
   * resourceVersion, and its Service allocations released.
   */
  erase(kind: string, key: string): StoredObject | undefined {
    const previous = this.tables.get(kind, key);
    if (previous === undefined) return undefined;
    const rv = this.nextResourceVersion();
    const last = withMetadata(previous, { resourceVersion: String(rv) });
    this.log.journal.push({ kind, key, previous, next: undefined });
    this.tables.put(kind, key, undefined);
    this.log.pending.push({
      type: 'DELETED',
      kind,
      key,
      object: last,
      oldObject: previous,
      resourceVersion: rv,
    });
    if (kind === 'Service') this.allocators.releaseService(previous as Service);
    return last;
  }

  /**
   * Runs `fn` all-or-nothing. If it throws, every change since entry (objects, indexes, the
   * resourceVersion counter, allocations, queued events) is undone and the error rethrown. Nested
   * calls take a savepoint inside the outer transaction; only the outermost commits, delivering
   * its events in write order.
   */
  transaction<T>(fn: () => T): T {
    const outermost = this.log.depth === 0;
    const sp = this.log.savepoint(this.rv);
    // The allocators nest their own transactions the same way (a savepoint per begin).
    this.allocators.begin();
    this.log.depth += 1;
    let result: T;
    try {
      result = fn();
    } catch (error) {
      this.log.depth -= 1;
      this.rollbackTo(sp, outermost);
      throw error;
    }
    this.log.depth -= 1;
    this.allocators.commit();
    if (outermost) {
      this.delivery.deliver(this.log.drain());
    }
    return result;
  }

  private rollbackTo(sp: Savepoint, outermost: boolean): void {
    for (const entry of this.log.unwindTo(sp))
      this.tables.put(entry.kind, entry.key, entry.previous);
    this.rv = sp.resourceVersion;
    this.allocators.rollback();
    if (outermost) this.log.drain();
  }
}
