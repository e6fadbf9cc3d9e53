/**
 * Stable revision names for a StatefulSet's pod template.
 * @packageDocumentation
 */
import { NAME_SUFFIX_ALPHABET } from '../../sources.js';
import type { PodTemplateSpec } from '../../objects/pod.js';
import type { StatefulSet } from '../../objects/apps.js';

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a of a string's UTF-8 bytes, as an unsigned integer.
 * @example fnv32a('') === 0x811c9dc5
 */
export function fnv32a(text: string): number {
  let hash = FNV32_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, FNV32_PRIME) >>> 0;
  }
  return hash;
}

/** JSON with object keys sorted at every depth, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/**
 * Maps each character of `s` into upstream's name alphabet by its code modulo 27, like
 * apimachinery's `rand.SafeEncodeString` (so a hash reads like `5d8c9f7b6`, never a word).
 */
function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i += 1) {
    out += NAME_SUFFIX_ALPHABET[s.charCodeAt(i) % NAME_SUFFIX_ALPHABET.length] ?? '';
  }
  return out;
}

/**
 * The hash part of a revision name: FNV-1a of the template's canonical JSON, its decimal form
 * safe-encoded, as upstream names ControllerRevisions (`history.HashControllerRevision`). The
 * exact bytes hashed differ from upstream (Go's object printer); the properties that matter hold:
 * equal templates give equal hashes, and the result is a valid label value.
 * @example templateHash(template) // e.g. '7c9d5b8f4'
 */
export function templateHash(template: PodTemplateSpec): string {
  return safeEncode(String(fnv32a(canonicalJson(template))));
}

/**
 * The revision name of the set's current template, `<sts>-<hash>`: the value of
 * `status.updateRevision` and of each new pod's `controller-revision-hash` label. Like upstream,
 * a set name longer than 52 characters yields a label value over 63 characters, which pod
 * admission refuses.
 * @example revisionName(cassandra) // 'cassandra-' + templateHash(cassandra.spec.template)
 */
export function revisionName(set: StatefulSet): string {
  return `${set.metadata.name}-${templateHash(set.spec.template)}`;
}
