/**
 * A de-duplicating FIFO of keys with O(1) push and shift (a key already queued is not queued
 * twice).
 * @packageDocumentation
 */
export class KeyFifo {
  #items: string[] = [];
  #head = 0;
  readonly #queued = new Set<string>();

  get size(): number {
    return this.#items.length - this.#head;
  }

  has(key: string): boolean {
    return this.#queued.has(key);
  }

  /** Adds `key` unless it is already waiting; true when it was added. */
  add(key: string): boolean {
    if (this.#queued.has(key)) return false;
    this.#queued.add(key);
    this.#items.push(key);
    return true;
  }

  shift(): string | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const key = this.#items[this.#head];
    this.#head += 1;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    if (key !== undefined) this.#queued.delete(key);
    return key;
  }

  /** The waiting keys in order (for diagnostics). */
  /** An independent queue holding the same keys in the same order (for a fork). */
  fork(): KeyFifo {
    const out = new KeyFifo();
    out.#items = this.#items.slice(this.#head);
    for (const key of this.#queued) out.#queued.add(key);
    return out;
  }

  peekAll(limit = 10): string[] {
    return this.#items.slice(this.#head, this.#head + limit);
  }
}
