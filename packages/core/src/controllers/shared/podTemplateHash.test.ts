import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  canonicalJson,
  computePodTemplateHash,
  fnv1a32,
  safeEncodeString,
} from './podTemplateHash.js';

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
