/**
 * A de-duplicating FIFO of keys, like client-go's workqueue without rate limiting: a key already
 * waiting is not added twice; a key taken out may be added again. Internal to the driver.
 * @packageDocumentation
 */

/** A de-duplicating FIFO of string keys. */
export class WorkQueue {
  private items: string[] = [];
  private head = 0;
  private readonly waiting = new Set<string>();

  /** Adds `key` at the back unless it is already waiting. */
  add(key: string): void {
    if (this.waiting.has(key)) return;
    this.waiting.add(key);
    this.items.push(key);
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

  /** Number of keys waiting. */
  get size(): number {
    return this.items.length - this.head;
  }
}
