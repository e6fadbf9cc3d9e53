/**
 * Test helper (not exported): deterministic ids whose state can be copied, so a fork and a replay
 * draw the same ones.
 * @packageDocumentation
 */
import type { IdSource } from '../sources.js';

/** Counts up from `n`: uids and name suffixes in the shape the real sources give them. */
export class CountingIds implements IdSource {
  constructor(private n = 0) {}
  uid(): string {
    this.n += 1;
    return `00000000-0000-4000-8000-${this.n.toString(16).padStart(12, '0')}`;
  }
  nameSuffix(): string {
    this.n += 1;
    return `s${this.n.toString(36).padStart(4, '0')}`;
  }
  clone(): CountingIds {
    return new CountingIds(this.n);
  }
}
