/**
 * Every kind's table plus the secondary indexes over them, changed together by one primitive.
 * @packageDocumentation
 */
import { KindTable } from './kindTable.js';
import { SecondaryIndexes } from './secondaryIndexes.js';
import type { StoredObject } from './types.js';

/** The mutable collections of the store (DESIGN.md point 3: owned by the engine, never copied). */
export class ObjectTables {
  private readonly tables: Map<string, KindTable>;
  /** Secondary indexes, always in step with the tables. */
  readonly indexes: SecondaryIndexes;

  /** Empty tables, or (for {@link ObjectTables.fork}) `tables` with a copy of `parent`'s indexes. */
  constructor(tables?: Map<string, KindTable>, parent?: SecondaryIndexes) {
    this.tables = tables ?? new Map<string, KindTable>();
    // The Event index checks its candidates against the stored Events: these tables' own.
    const readEvent = (key: string): StoredObject | undefined =>
      this.tables.get('Event')?.objects.get(key);
    this.indexes = parent === undefined ? new SecondaryIndexes(readEvent) : parent.clone(readEvent);
  }

  /**
   * Independent tables with the same objects, for a fork of the store: each kind's table is
   * shared copy-on-write ({@link KindTable.fork}); the indexes are copied.
   */
  fork(): ObjectTables {
    const tables = new Map<string, KindTable>();
    for (const [kind, table] of this.tables) tables.set(kind, table.fork());
    return new ObjectTables(tables, this.indexes);
  }

  /** The table of `kind`, if any object of that kind was ever stored. */
  table(kind: string): KindTable | undefined {
    return this.tables.get(kind);
  }

  /** The object of `kind` at `key`. */
  get(kind: string, key: string): StoredObject | undefined {
    return this.tables.get(kind)?.objects.get(key);
  }

  /**
   * Stores `next` at `key` (or removes the object when `next` is undefined), re-indexing it.
   * Returns the previous object.
   */
  put(kind: string, key: string, next: StoredObject | undefined): StoredObject | undefined {
    let table = this.tables.get(kind);
    if (table === undefined) {
      if (next === undefined) return undefined;
      table = new KindTable();
      this.tables.set(kind, table);
    }
    const previous = table.objects.get(key);
    if (next === undefined) {
      if (previous !== undefined) this.indexes.remove(kind, key, previous);
      table.delete(key);
    } else {
      table.set(key, next);
      if (previous === undefined) this.indexes.add(kind, key, next);
      else this.indexes.replace(kind, key, previous, next);
    }
    return previous;
  }

  /** Copies of every table (objects shared, maps and key orders copied), for a snapshot. */
  cloneTables(): Map<string, KindTable> {
    const out = new Map<string, KindTable>();
    for (const [kind, table] of this.tables) out.set(kind, table.clone());
    return out;
  }
}
