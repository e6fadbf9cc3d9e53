import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  canonicalJson,
  computePodTemplateHash,
  fnv1a32,
  safeEncodeString,
} from './podTemplateHash.js';

/** The straightforward renderings the faster ones must match exactly. */
function referenceCanonicalJson(value: unknown): string {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    return `[${value.map((v: unknown) => (v === undefined ? 'null' : referenceCanonicalJson(v))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((k) => record[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${referenceCanonicalJson(record[k])}`);
  return `{${members.join(',')}}`;
}

function referenceFnv(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
  return hash;
}

const template = (image: string): unknown => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image }] },
});

describe('pod-template-hash', () => {
  it('matches the published FNV-1a 32 test vectors', () => {
    expect(fnv1a32(new Uint8Array())).toBe(0x811c9dc5);
    expect(fnv1a32(new TextEncoder().encode('a'))).toBe(0xe40c292c);
    expect(fnv1a32(new TextEncoder().encode('foobar'))).toBe(0xbf9cf968);
  });

  it('encodes each character through the 27-letter safe alphabet', () => {
    // '0' is 48, 48 % 27 = 21 → '4'; '9' is 57, 57 % 27 = 3 → 'f'.
    expect(safeEncodeString('09')).toBe('4f');
  });

  it('is stable for the same template whatever its key order', () => {
    const a = {
      spec: { containers: [{ image: 'nginx:1', name: 'c' }] },
      metadata: { labels: { app: 'web' } },
    };
    expect(computePodTemplateHash(a)).toBe(computePodTemplateHash(template('nginx:1')));
    expect(canonicalJson(a)).toBe(canonicalJson(template('nginx:1')));
  });

  it('changes when the template changes or the collision count is set', () => {
    const h1 = computePodTemplateHash(template('nginx:1'));
    expect(computePodTemplateHash(template('nginx:2'))).not.toBe(h1);
    expect(computePodTemplateHash(template('nginx:1'), 1)).not.toBe(h1);
    expect(computePodTemplateHash(template('nginx:1'), 1)).not.toBe(
      computePodTemplateHash(template('nginx:1'), 2),
    );
  });

  it('renders and hashes exactly as the straightforward implementation', () => {
    // Sparse arrays, undefined members and items, non-ASCII and lone surrogates included.
    // eslint-disable-next-line no-sparse-arrays
    const odd = { b: [1, , undefined, 'é'], a: undefined, c: { '\ud800': 'x\u2028', d: -0 } };
    expect(canonicalJson(odd)).toBe(referenceCanonicalJson(odd));
    const text = (v: unknown): Uint8Array => new TextEncoder().encode(referenceCanonicalJson(v));
    const digest = (v: unknown): string => safeEncodeString(String(referenceFnv(text(v))));
    expect(computePodTemplateHash(odd)).toBe(digest(odd));
    fc.assert(
      fc.property(fc.anything({ withSparseArray: true, withObjectString: true }), (value) => {
        expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
        expect(fnv1a32(text(value))).toBe(referenceFnv(text(value)));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(computePodTemplateHash(value)).toBe(digest(value));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(computePodTemplateHash({ s })).toBe(digest({ s }));
      }),
    );
  });

  it('always yields a valid label value of safe characters', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.nat(), { nil: undefined }), (value, count) => {
        const h = computePodTemplateHash(value, count);
        expect(h).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
        expect(computePodTemplateHash(JSON.parse(JSON.stringify(value)), count)).toBe(h);
      }),
    );
  });
});
