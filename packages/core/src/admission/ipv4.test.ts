import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { intToIpv4, ipv4ToInt, parseIpv4Cidr } from './ipv4.js';

describe('ipv4ToInt / intToIpv4', () => {
  it('round-trips every 32-bit value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), (n) => {
        expect(ipv4ToInt(intToIpv4(n))).toBe(n);
      }),
    );
  });

  it('reads dotted quads and refuses everything else', () => {
    expect(ipv4ToInt('10.96.0.10')).toBe(0x0a60000a);
    expect(ipv4ToInt('255.255.255.255')).toBe(0xffff_ffff);
    expect(ipv4ToInt('10.96.0')).toBeUndefined();
    expect(ipv4ToInt('256.0.0.1')).toBeUndefined();
    expect(ipv4ToInt('fd00::1')).toBeUndefined();
    expect(ipv4ToInt('None')).toBeUndefined();
  });
});

describe('parseIpv4Cidr', () => {
  it('clears host bits and reports the size', () => {
    expect(parseIpv4Cidr('10.96.5.7/12')).toEqual({
      text: '10.96.0.0/12',
      network: 0x0a600000,
      prefixLength: 12,
      size: 2 ** 20,
    });
  });

  it('refuses malformed CIDRs with a ConfigError naming the field', () => {
    expect(() => parseIpv4Cidr('10.96.0.0/33', 'serviceCIDR')).toThrow(ConfigError);
    expect(() => parseIpv4Cidr('10.96.0.0', 'serviceCIDR')).toThrow('config.serviceCIDR');
  });
});
