import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors.js';
import { Store } from '../../store/store.js';
import { PodCidrBlocks } from './podCidrBlocks.js';
import { planPodCIDR } from './planPodCIDR.js';

describe('PodCidrBlocks', () => {
  it('a fork and its parent share blocks until one changes them, and never see each other', () => {
    const parent = new PodCidrBlocks('10.0.0.0/22', 24);
    parent.occupy('a', '10.0.0.0/24');
    parent.occupy('b', '10.0.1.0/24');
    const fork = parent.fork();
    const grandchild = fork.fork();
    // The parent changes first: neither fork sees it.
    parent.release('a');
    parent.occupy('c', '10.0.2.0/24');
    expect(parent.lowestFree()).toBe('10.0.0.0/24');
    expect(fork.lowestFree()).toBe('10.0.2.0/24');
    fork.release('b');
    expect(fork.lowestFree()).toBe('10.0.1.0/24');
    expect(grandchild.lowestFree()).toBe('10.0.2.0/24');
    grandchild.occupy('d', '10.0.2.0/24');
    expect(grandchild.lowestFree()).toBe('10.0.3.0/24');
    // Releases go by the node each side holds.
    fork.release('a');
    expect(fork.lowestFree()).toBe('10.0.0.0/24');
    expect(parent.lowestFree()).toBe('10.0.0.0/24');
    parent.occupy('e', '10.0.0.0/24');
    expect(parent.lowestFree()).toBe('10.0.3.0/24');
    expect(grandchild.lowestFree()).toBe('10.0.3.0/24');
  });

  it('splits the default /11 cluster CIDR into 8,192 node /24s, lowest free first', () => {
    const blocks = new PodCidrBlocks('10.128.0.0/11', 24);
    expect(blocks.capacity).toBe(8192);
    expect(blocks.lowestFree()).toBe('10.128.0.0/24');
    expect(blocks.lowestFree()).toBe('10.128.0.0/24'); // reading takes nothing
    blocks.occupy('node-0', '10.128.0.0/24');
    expect(blocks.lowestFree()).toBe('10.128.1.0/24');
  });

  it('reuses a released block first and has none when full', () => {
    const blocks = new PodCidrBlocks('10.0.0.0/22', 24);
    for (const [node, cidr] of [
      ['a', '10.0.0.0/24'],
      ['b', '10.0.1.0/24'],
      ['c', '10.0.2.0/24'],
      ['d', '10.0.3.0/24'],
    ] as const) {
      blocks.occupy(node, cidr);
    }
    expect(blocks.lowestFree()).toBeUndefined();
    blocks.release('c');
    blocks.release('b');
    expect(blocks.lowestFree()).toBe('10.0.1.0/24');
    blocks.occupy('e', '10.0.1.0/24');
    expect(blocks.lowestFree()).toBe('10.0.2.0/24');
  });

  it('honours a CIDR written in a Node manifest and ignores one outside the range', () => {
    const blocks = new PodCidrBlocks('10.0.0.0/22', 24);
    blocks.occupy('x', '10.0.0.0/24');
    blocks.occupy('y', '192.168.0.0/24');
    expect(blocks.lowestFree()).toBe('10.0.1.0/24');
  });

  it('refuses a mask that does not fit the cluster CIDR', () => {
    expect(() => new PodCidrBlocks('10.0.0.0/24', 24)).toThrow(ConfigError);
    expect(() => new PodCidrBlocks('10.0.0.0/24', 31)).toThrow(/nodeCIDRMaskSize/);
  });
});

describe('planPodCIDR', () => {
  const node = (name: string, podCIDR?: string) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: podCIDR === undefined ? {} : { podCIDR, podCIDRs: [podCIDR] },
  });

  it('gives a node without a CIDR the lowest free block, and nothing to a node that has one', () => {
    const store = new Store({ clock: () => 0 });
    store.create(node('a', '10.0.0.0/24'));
    store.create(node('b'));
    const blocks = new PodCidrBlocks('10.0.0.0/23', 24);
    blocks.occupy('a', '10.0.0.0/24');
    const plan = planPodCIDR(store, 'b', blocks);
    expect(plan.actions).toHaveLength(1);
    const action = plan.actions[0];
    expect(
      action?.verb === 'update' && action.object.kind === 'Node' && action.object.spec,
    ).toEqual({
      podCIDR: '10.0.1.0/24',
      podCIDRs: ['10.0.1.0/24'],
    });
    expect(planPodCIDR(store, 'a', blocks).actions).toEqual([]);
    expect(planPodCIDR(store, 'gone', blocks).actions).toEqual([]);
  });

  it('records CIDRNotAvailable when the range is full', () => {
    const store = new Store({ clock: () => 0 });
    store.create(node('c'));
    const blocks = new PodCidrBlocks('10.0.0.0/24', 25);
    blocks.occupy('a', '10.0.0.0/25');
    blocks.occupy('b', '10.0.0.128/25');
    expect(planPodCIDR(store, 'c', blocks).actions).toEqual([
      {
        verb: 'event',
        regarding: { kind: 'Node', key: 'c' },
        type: 'Normal',
        reason: 'CIDRNotAvailable',
        message: 'Node c status is now: CIDRNotAvailable',
      },
    ]);
  });
});
