/**
 * One running 64-bit content hash (two 32-bit lanes: FNV-1a and a MurmurHash2-multiplied lane
 * with a shift), fed text incrementally. The simulation's trace hash and the OpenAPI documents'
 * content hashes are both this function; neither is a cryptographic hash.
 * @packageDocumentation
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MURMUR_M = 0x5bd1e995;

/**
 * An incremental hash over UTF-16 code units: `mix` any number of texts, then read `hex()`.
 * Equal sequences of mixed text give equal hashes, however the text was split.
 * @example new RunningHash().mix('ab').hex() === new RunningHash().mix('a').mix('b').hex()
 */
export class RunningHash {
  #h1 = FNV_OFFSET;
  #h2 = FNV_PRIME ^ MURMUR_M;

  /** Feeds `text` from index `from` (default 0) into the hash; returns this hash. */
  mix(text: string, from = 0): this {
    lane1 = this.#h1;
    lane2 = this.#h2;
    mixText(text, from);
    this.#h1 = lane1 >>> 0;
    this.#h2 = lane2 >>> 0;
    return this;
  }

  /**
   * Feeds the text of `JSON.stringify(value)` into the hash without building it (the same hash
   * as `mix(JSON.stringify(value))`); returns this hash. For a value whose JSON text is undefined
   * (undefined, a function, a symbol) nothing is fed. Walking the value and hashing as it goes
   * is about twice as fast as serialising then hashing, and leaves no text behind.
   */
  mixJson(value: unknown): this {
    lane1 = this.#h1;
    lane2 = this.#h2;
    const v = toJsonValue(value, '');
    if (!skipped(v)) mixValue(v);
    this.#h1 = lane1 >>> 0;
    this.#h2 = lane2 >>> 0;
    return this;
  }

  /** The hash so far: 16 lower-case hex digits. */
  hex(): string {
    return this.#h1.toString(16).padStart(8, '0') + this.#h2.toString(16).padStart(8, '0');
  }

  /** An independent hash in the same state (mixing into either does not change the other). */
  copy(): RunningHash {
    const out = new RunningHash();
    out.#h1 = this.#h1;
    out.#h2 = this.#h2;
    return out;
  }
}

// The lanes of the hash being fed by `mix` or `mixJson` (module variables: the walk below is recursive,
// and passing two numbers in and out of every call costs more than these slots).
let lane1 = 0;
let lane2 = 0;

function mixCode(c: number): void {
  lane1 = Math.imul(lane1 ^ c, FNV_PRIME);
  const h2 = Math.imul(lane2 ^ c, MURMUR_M);
  lane2 = h2 ^ (h2 >>> 15);
}

/** Feeds `text` from index `from` into the lanes: the one loop `mix` and `mixJson` share. */
function mixText(text: string, from = 0): void {
  let h1 = lane1;
  let h2 = lane2;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = Math.imul(h2 ^ c, MURMUR_M);
    h2 ^= h2 >>> 15;
  }
  lane1 = h1;
  lane2 = h2;
}

/** A JSON string literal: hashed as it is read when no character needs an escape. */
function mixQuoted(s: string): void {
  let h1 = Math.imul(lane1 ^ 34, FNV_PRIME);
  let h2 = Math.imul(lane2 ^ 34, MURMUR_M);
  h2 ^= h2 >>> 15;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) {
      // Control characters, quotes, backslashes, surrogates: JSON's own escaping, from the start.
      mixText(JSON.stringify(s));
      return;
    }
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = Math.imul(h2 ^ c, MURMUR_M);
    h2 ^= h2 >>> 15;
  }
  h1 = Math.imul(h1 ^ 34, FNV_PRIME);
  h2 = Math.imul(h2 ^ 34, MURMUR_M);
  lane1 = h1;
  lane2 = h2 ^ (h2 >>> 15);
}

/** Values JSON leaves out of an object (and writes as null in an array). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** JSON.stringify's first step for a property: an object's (or bigint's) own `toJSON(key)`. */
function toJsonValue(v: unknown, key: string | number): unknown {
  if ((typeof v === 'object' && v !== null) || typeof v === 'bigint') {
    const toJSON = (v as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') {
      // It may feed another hash: keep this one's lanes.
      const h1 = lane1;
      const h2 = lane2;
      const out: unknown = toJSON.call(v, String(key));
      lane1 = h1;
      lane2 = h2;
      return out;
    }
  }
  return v;
}

/** Feeds the JSON text of `v` (after toJSON; not a skipped value). */
function mixValue(v: unknown): void {
  if (typeof v === 'string') mixQuoted(v);
  else if (typeof v === 'number') mixText(Number.isFinite(v) ? String(v) : 'null');
  else if (typeof v === 'boolean') mixText(v ? 'true' : 'false');
  else if (v === null) mixText('null');
  else if (Array.isArray(v)) {
    mixCode(91); // [
    for (let i = 0; i < v.length; i++) {
      if (i > 0) mixCode(44); // ,
      const x = toJsonValue(v[i], i);
      if (skipped(x)) mixText('null');
      else mixValue(x);
    }
    mixCode(93); // ]
  } else if (typeof v === 'object') {
    const proto: unknown = Object.getPrototypeOf(v);
    if (
      proto !== Object.prototype &&
      proto !== null &&
      typeof (v as { toJSON?: unknown }).toJSON !== 'function'
    ) {
      // Boxed primitives, rawJSON, class instances: JSON's own text (a toJSON was applied above;
      // one on what it returned is not applied again, so such a value is walked below).
      const text = JSON.stringify(v) as string | undefined;
      mixText(text ?? 'null');
      return;
    }
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record);
    let first = true;
    mixCode(123); // {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const x = toJsonValue(record[k], k);
      if (skipped(x)) continue;
      if (first) first = false;
      else mixCode(44);
      mixQuoted(k);
      mixCode(58); // :
      mixValue(x);
    }
    mixCode(125); // }
  } else {
    // A bigint (JSON throws, as it would).
    mixText(JSON.stringify(v));
  }
}
