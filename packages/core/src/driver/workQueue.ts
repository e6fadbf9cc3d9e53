/**
 * A de-duplicating FIFO of keys, like client-go's workqueue without rate limiting: a key already
 * waiting is not added twice; a key taken out may be added again. The one work queue of the
 * controllers: the sync driver's here, and each controller runtime's in the simulation.
 * @packageDocumentation
 */

/**
 * A de-duplicating FIFO of string keys with O(1) add and take.
 * @example
 * ```ts
 * const q = new WorkQueue();
 * q.add('default/web'); q.add('default/api'); q.add('default/web'); // web waits once
 * q.take(); // 'default/web'
 * ```
 */
export class WorkQueue {
  private items: string[] = [];
  private head = 0;
  private readonly waiting = new Set<string>();

  /** Adds `key` at the back unless it is already waiting; true when it was added. */
  add(key: string): boolean {
    if (this.waiting.has(key)) return false;
    this.waiting.add(key);
    this.items.push(key);
    return true;
  }

  /** Takes the key at the front, or undefined when idle. */
  take(): string | undefined {
    if (this.head >= this.items.length) return undefined;
    const key = this.items[this.head];
    this.head += 1;
    // Compact now and then so a long run does not keep every key ever queued.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (key !== undefined) this.waiting.delete(key);
    return key;
  }

  /** True when `key` is waiting. */
  has(key: string): boolean {
    return this.waiting.has(key);
  }

  /** Number of keys waiting. */
  get size(): number {
    return this.items.length - this.head;
  }

  /** The first `limit` waiting keys in order (for diagnostics). */
  peek(limit = 10): string[] {
    return this.items.slice(this.head, this.head + limit);
  }

  /** An independent queue holding the same keys in the same order (for a fork). */
  fork(): WorkQueue {
    const out = new WorkQueue();
    out.items = this.items.slice(this.head);
    for (const key of out.items) out.waiting.add(key);
    return out;
  }
}
