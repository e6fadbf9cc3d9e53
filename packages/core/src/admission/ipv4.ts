/**
 * IPv4 addresses as unsigned 32-bit integers, and CIDR parsing for the Service range.
 * @packageDocumentation
 */
import ipaddr from 'ipaddr.js';
import { ConfigError } from '../errors.js';

/**
 * The unsigned 32-bit value of a dotted-quad IPv4 address, or `undefined` when `ip` is not one.
 *
 * Only the canonical four-part decimal form is accepted (`10.96.0.1`), like upstream's
 * `netutils.ParseIPSloppy` for IPv4 (leading zeros are tolerated there and here).
 *
 * @example `ipv4ToInt('10.96.0.10') === 0x0a60000a`
 */
export function ipv4ToInt(ip: string): number | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(ip)) return undefined;
  const octets = ipaddr.IPv4.parse(ip).octets;
  let value = 0;
  for (const octet of octets) value = value * 256 + octet;
  return value;
}

/**
 * The dotted-quad form of an unsigned 32-bit value (taken modulo 2^32).
 *
 * @example `intToIpv4(0x0a60000a) === '10.96.0.10'`
 */
export function intToIpv4(value: number): string {
  const v = ((value % 0x1_0000_0000) + 0x1_0000_0000) % 0x1_0000_0000;
  return [
    Math.floor(v / 0x100_0000) % 256,
    Math.floor(v / 0x1_0000) % 256,
    Math.floor(v / 0x100) % 256,
    v % 256,
  ].join('.');
}

/** An IPv4 CIDR block: the network address as an integer, the prefix length and the block size. */
export interface Ipv4Cidr {
  /** The CIDR as written back in canonical form, e.g. `10.96.0.0/12`. */
  readonly text: string;
  /** Network address (host bits cleared). */
  readonly network: number;
  readonly prefixLength: number;
  /** Number of addresses in the block, network and broadcast included (2^(32 − prefix)). */
  readonly size: number;
}

/**
 * Parses an IPv4 CIDR such as `10.96.0.0/12`. Host bits are cleared, as Go's `net.ParseCIDR`
 * does. Throws {@link ConfigError} on `field` when `cidr` is not an IPv4 CIDR.
 */
export function parseIpv4Cidr(cidr: string, field = 'serviceCIDR'): Ipv4Cidr {
  // Every Store (a fork's too) parses its config's ranges: the valid answers are kept.
  const kept = parsedCidrs.get(cidr);
  if (kept !== undefined) return kept;
  const parsed = parseCidrText(cidr, field);
  if (parsedCidrs.size < 64) parsedCidrs.set(cidr, parsed);
  return parsed;
}

const parsedCidrs = new Map<string, Ipv4Cidr>();

function parseCidrText(cidr: string, field: string): Ipv4Cidr {
  const slash = cidr.indexOf('/');
  const address = ipv4ToInt(slash < 0 ? cidr : cidr.slice(0, slash));
  const prefixText = slash < 0 ? '' : cidr.slice(slash + 1);
  const prefixLength = /^\d{1,2}$/.test(prefixText) ? Number(prefixText) : -1;
  if (address === undefined || prefixLength < 0 || prefixLength > 32) {
    throw new ConfigError(field, `invalid CIDR address: ${cidr} (an IPv4 CIDR like 10.96.0.0/12)`);
  }
  const size = 2 ** (32 - prefixLength);
  const network = address - (address % size);
  return Object.freeze({
    text: `${intToIpv4(network)}/${prefixLength}`,
    network,
    prefixLength,
    size,
  });
}
