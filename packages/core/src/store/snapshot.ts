/**
 * Frozen, read-only views of the store at one instant.
 * @packageDocumentation
 */
import type { ClusterConfig } from '../config.js';
import type { KindTable } from './kindTable.js';
import { ClusterReadModel } from './readModel.js';
import { SecondaryIndexes } from './secondaryIndexes.js';

/**
 * The cluster as it was when `Store.snapshot()` was called. Later writes to the store do not
 * change it: it holds its own copies of the per-kind maps (the objects themselves are frozen and
 * shared, never copied). Its secondary indexes are built on the first indexed query.
 */
export class ClusterSnapshot extends ClusterReadModel {
  /** Cluster settings. */
  readonly config: Readonly<ClusterConfig>;
  /** The store's resourceVersion at the snapshot. */
  readonly resourceVersion: number;
  private readonly tables: ReadonlyMap<string, KindTable>;
  private readonly lazy: { indexes?: SecondaryIndexes } = {};

  /** @internal Built by `Store.snapshot()`. */
  constructor(
    config: Readonly<ClusterConfig>,
    tables: ReadonlyMap<string, KindTable>,
    resourceVersion: number,
  ) {
    super();
    this.config = config;
    this.tables = tables;
    this.resourceVersion = resourceVersion;
    Object.freeze(this);
  }

  /** The kinds that have at least one object, in the store's first-write order. */
  kinds(): readonly string[] {
    return [...this.tables].filter(([, t]) => t.objects.size > 0).map(([k]) => k);
  }

  protected tableOf(kind: string): KindTable | undefined {
    return this.tables.get(kind);
  }

  protected indexes(): SecondaryIndexes {
    let idx = this.lazy.indexes;
    if (idx === undefined) {
      const tables = this.tables;
      idx = new SecondaryIndexes((key) => tables.get('Event')?.objects.get(key));
      for (const [kind, table] of this.tables) {
        for (const [key, obj] of table.objects) idx.add(kind, key, obj);
      }
      this.lazy.indexes = idx;
    }
    return idx;
  }
}
