// deepEqual must not count a key the other object lacks as present because its name is an
// Object.prototype member (`constructor`, `toString`, `valueOf`, all valid label keys): a store
// update removing such a label was once dropped as a no-op write.
import { describe, it, expect } from 'vitest';
import { deepEqual } from './deepEqual.js';
import { Store } from './store.js';
import { podManifest } from './testManifests.js';

describe('deepEqual and prototype-named keys', () => {
  it('deepEqual({}, { constructor: "x" }) is false', () => {
    expect(deepEqual({ constructor: 'x' }, {})).toBe(false);
    expect(deepEqual({}, { constructor: 'x' })).toBe(false);
  });

  it('an update removing the label "constructor" is stored', () => {
    const store = new Store();
    const v1 = store.create(podManifest('web', { labels: { app: 'web', constructor: 'x' } }));
    const next = store.update({ ...v1, metadata: { ...v1.metadata, labels: { app: 'web' } } });
    expect(next.metadata.labels).toEqual({ app: 'web' });
    expect(store.get('Pod', 'web')?.metadata.labels).toEqual({ app: 'web' });
  });
});
