import { describe, expect, it } from 'vitest';
import { ObjectReplay } from './objectReplay.js';

describe('ObjectReplay', () => {
  it('follows an object from ADDED through MODIFIED to DELETED', () => {
    const r = new ObjectReplay(['Pod']);
    const base = { seq: 0, t: 0, cause: 'user', kind: 'Pod', key: 'default/a' };
    expect(r.step({ ...base, type: 'ADDED', object: { v: 1 } })).toEqual({
      before: undefined,
      after: { v: 1 },
    });
    expect(
      r.step({ ...base, type: 'MODIFIED', patches: [{ op: 'replace', path: ['v'], value: 2 }] }),
    ).toEqual({ before: { v: 1 }, after: { v: 2 } });
    expect(r.step({ ...base, type: 'DELETED' })).toEqual({ before: { v: 2 }, after: undefined });
    expect(r.step({ ...base, kind: 'Node', key: 'n', type: 'ADDED', object: {} })).toBeUndefined();
  });
});
