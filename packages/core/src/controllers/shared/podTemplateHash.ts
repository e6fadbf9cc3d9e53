/**
 * The `pod-template-hash` of a Deployment's pod template (kubernetes/kubernetes
 * pkg/controller/controller_utils.go `ComputeHash`; k8s.io/apimachinery util/rand `SafeEncodeString`).
 * Upstream hashes a spew dump of the Go struct; kubesim hashes a canonical JSON rendering, so the
 * values differ from a real cluster's but keep every property that matters: stable for the same
 * template, different when it changes, and shaped like upstream's (`[bcdf…2456789]+`, up to 10 chars).
 * @packageDocumentation
 */

/** Label added to a Deployment's ReplicaSets, their selectors and their pods. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** Upstream's SafeEncodeString alphabet: no vowels, no 0/1/3 (no bad words, no look-alikes). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * JSON with object keys sorted at every level and `undefined` members dropped, so that two equal
 * values always render to the same text whatever their key order.
 * @example canonicalJson({ b: 1, a: [ { d: 2, c: 3 } ] }) === '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Plain indexed loops: a template is rendered about once per rollout, so this mostly runs
  // unoptimised, where array callbacks and iterators cost the most.
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    let out = '[';
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += ',';
      const v = items[i];
      // A hole renders as nothing (as `map` then `join` render it), an undefined item as null.
      if (v !== undefined) out += canonicalJson(v);
      else if (i in items) out += 'null';
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const v = record[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/**
 * FNV-1a, 32 bits, over bytes (Go's `hash/fnv` `New32a`). Returns an unsigned integer.
 * @example fnv1a32(new Uint8Array()) === 0x811c9dc5
 */
export function fnv1a32(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i] as number;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** {@link fnv1a32} over the UTF-8 bytes of `text`, without encoding it when it is ASCII. */
function fnv1a32OfText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return fnv1a32(new TextEncoder().encode(text));
    hash ^= c;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Upstream's `rand.SafeEncodeString`: each character c becomes `SAFE_ALPHABET[code(c) % 27]`.
 * @example safeEncodeString('0') === '4'
 */
export function safeEncodeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length] ?? '';
  }
  return out;
}

/**
 * The pod-template-hash of `template`: FNV-1a 32 over its canonical JSON (UTF-8), then, when
 * `collisionCount` is set, over 8 more bytes holding it as a little-endian uint32 (as upstream
 * writes it), rendered as the decimal string of the hash through {@link safeEncodeString}.
 * @example computePodTemplateHash(deployment.spec.template, deployment.status.collisionCount)
 */
export function computePodTemplateHash(template: unknown, collisionCount?: number): string {
  let hash = templateDigest(template);
  if (collisionCount !== undefined) {
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv1a32(extra, hash);
  }
  return safeEncodeString(String(hash));
}

// Stored templates are frozen values: hash each one once (controllers recompute it every sync).
const digests = new WeakMap<object, number>();

function templateDigest(template: unknown): number {
  const cacheable = typeof template === 'object' && template !== null && Object.isFrozen(template);
  if (cacheable) {
    const cached = digests.get(template);
    if (cached !== undefined) return cached;
  }
  const digest = fnv1a32OfText(canonicalJson(template));
  if (cacheable) digests.set(template, digest);
  return digest;
}
