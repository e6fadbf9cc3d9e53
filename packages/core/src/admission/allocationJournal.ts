/**
 * An undo log of allocator operations, with nested savepoints (internal to admission).
 * @packageDocumentation
 */
import { AllocationError } from './allocationError.js';

/** One recorded operation and how to undo it. */
interface Entry {
  readonly undo: () => void;
}

/**
 * Records an undo action for every allocate and release. `begin()` opens a savepoint;
 * `commit()` closes it and hands its entries to the enclosing transaction (a nested begin joins
 * the outer one); `rollback()` undoes back to the latest savepoint. Outside any transaction,
 * entries are only kept while {@link AllocationJournal.mark} / {@link AllocationJournal.undoTo}
 * scopes need them.
 */
export class AllocationJournal {
  private readonly entries: Entry[] = [];
  private readonly savepoints: number[] = [];

  /** Open transactions. */
  get depth(): number {
    return this.savepoints.length;
  }

  /** Records the undo action of an operation that just happened. */
  record(undo: () => void): void {
    this.entries.push({ undo });
  }

  /** The current position, to undo back to with {@link AllocationJournal.undoTo}. */
  mark(): number {
    return this.entries.length;
  }

  /** Undoes every operation recorded after `mark`, newest first. */
  undoTo(mark: number): void {
    while (this.entries.length > mark) this.entries.pop()?.undo();
  }

  /** Drops entries no transaction needs any more (call after a scope outside any transaction). */
  settle(): void {
    if (this.savepoints.length === 0) this.entries.length = 0;
  }

  /** Opens a savepoint. */
  begin(): void {
    this.savepoints.push(this.entries.length);
  }

  /**
   * Closes the latest savepoint, keeping its work (the outer transaction may still roll it back).
   * @throws {@link AllocationError} `NoTransaction` without a matching `begin()`
   */
  commit(): void {
    if (this.savepoints.pop() === undefined) throw noTransaction('commit');
    this.settle();
  }

  /**
   * Undoes everything since the latest `begin()` and closes that savepoint.
   * @throws {@link AllocationError} `NoTransaction` without a matching `begin()`
   */
  rollback(): void {
    const mark = this.savepoints.pop();
    if (mark === undefined) throw noTransaction('rollback');
    this.undoTo(mark);
    this.settle();
  }
}

function noTransaction(op: string): AllocationError {
  return new AllocationError('NoTransaction', `${op}() without a matching begin()`);
}
