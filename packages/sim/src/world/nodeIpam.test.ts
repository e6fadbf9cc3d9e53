import { describe, expect, it } from 'vitest';
import { ConfigError } from '@kubesim/core';
import { NodeIpam } from './nodeIpam.js';

describe('NodeIpam', () => {
  it('splits the default /11 cluster CIDR into 8,192 node /24s, lowest first', () => {
    const ipam = new NodeIpam('10.128.0.0/11', 24);
    expect(ipam.capacity).toBe(8192);
    expect(ipam.allocate('node-0')).toBe('10.128.0.0/24');
    expect(ipam.allocate('node-1')).toBe('10.128.1.0/24');
    expect(ipam.allocate('node-0')).toBe('10.128.0.0/24'); // idempotent per node
  });

  it('reuses a released block and returns undefined when full', () => {
    const ipam = new NodeIpam('10.0.0.0/23', 24);
    expect(ipam.allocate('a')).toBe('10.0.0.0/24');
    expect(ipam.allocate('b')).toBe('10.0.1.0/24');
    expect(ipam.allocate('c')).toBeUndefined();
    ipam.release('a');
    expect(ipam.allocate('c')).toBe('10.0.0.0/24');
  });

  it('honours a CIDR written in a Node manifest', () => {
    const ipam = new NodeIpam('10.0.0.0/22', 24);
    ipam.occupy('x', '10.0.0.0/24');
    expect(ipam.allocate('y')).toBe('10.0.1.0/24');
  });

  it('refuses a mask that does not fit the cluster CIDR', () => {
    expect(() => new NodeIpam('10.0.0.0/24', 24)).toThrow(ConfigError);
    expect(() => new NodeIpam('10.0.0.0/24', 31)).toThrow(/nodeCIDRMaskSize/);
  });
});
