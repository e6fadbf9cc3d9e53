import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReplicaSet } from '../../objects/apps.js';
import { REVISION_ANNOTATION, revisionOf } from './annotations.js';

const withRevision = (raw: string): ReplicaSet =>
  ({ metadata: { annotations: { [REVISION_ANNOTATION]: raw } } }) as unknown as ReplicaSet;

describe('revisionOf', () => {
  it('reads the revision exactly when it matches /^-?\\d+$/, else 0', () => {
    const reference = (raw: string): number => (/^-?\d+$/.test(raw) ? Number(raw) : 0);
    for (const raw of ['', '-', '0', '-0', '12', '-3', '1.5', ' 1', '1\n', '１', '--1', '1e3']) {
      expect(revisionOf(withRevision(raw))).toBe(reference(raw));
    }
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^-?\d{1,20}$/)), (raw) => {
        expect(revisionOf(withRevision(raw))).toBe(reference(raw));
      }),
    );
  });
});
