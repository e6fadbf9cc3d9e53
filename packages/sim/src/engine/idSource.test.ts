import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { NAME_SUFFIX_ALPHABET } from '@kubesim/core';
import { createIdSource } from './idSource.js';
import { RandomStreams } from './randomStreams.js';

const UID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createIdSource', () => {
  it('gives RFC 4122 version-4-shaped uids', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const ids = createIdSource(new RandomStreams(seed));
        for (let i = 0; i < 10; i++) expect(ids.uid()).toMatch(UID_V4);
      }),
    );
  });

  it('gives 5-character suffixes over the upstream alphabet', () => {
    const ids = createIdSource(new RandomStreams('names'));
    const alphabet = new RegExp(`^[${NAME_SUFFIX_ALPHABET}]{5}$`);
    for (let i = 0; i < 200; i++) expect(ids.nameSuffix()).toMatch(alphabet);
  });

  it('replays the same ids for the same seed', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const a = createIdSource(new RandomStreams(seed));
        const b = createIdSource(new RandomStreams(seed));
        expect([a.uid(), a.nameSuffix(), a.uid()]).toEqual([b.uid(), b.nameSuffix(), b.uid()]);
      }),
    );
  });

  it('keeps name suffixes independent of how many uids were drawn', () => {
    const a = createIdSource(new RandomStreams(11));
    const b = createIdSource(new RandomStreams(11));
    for (let i = 0; i < 5; i++) b.uid();
    expect([a.nameSuffix(), a.nameSuffix()]).toEqual([b.nameSuffix(), b.nameSuffix()]);
  });

  it('does not repeat uids in a long run', () => {
    const ids = createIdSource(new RandomStreams(0));
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(ids.uid());
    expect(seen.size).toBe(10_000);
  });

  it('uses every alphabet character', () => {
    const ids = createIdSource(new RandomStreams(3));
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) for (const c of ids.nameSuffix()) seen.add(c);
    expect(seen.size).toBe(NAME_SUFFIX_ALPHABET.length);
  });
});
