/**
 * The addresses a simulated cloud hands to load balancers.
 * @packageDocumentation
 */
import { intToIpv4, ipv4ToInt, parseIpv4Cidr } from '../../admission/ipv4.js';
import { ConfigError } from '../../errors.js';

/** An ordered range of IPv4 addresses. */
export interface AddressPool {
  /** The pool as written. */
  readonly text: string;
  /** First address (integer). */
  readonly first: number;
  /** Number of addresses. */
  readonly size: number;
}

/**
 * Parses a pool: a CIDR (`198.51.100.0/24`, network and broadcast addresses left out when the
 * block has more than two) or an inclusive range (`198.51.100.10-198.51.100.20`).
 * @throws ConfigError (field `loadBalancer.addressPool`) when it is neither.
 * @example
 * ```ts
 * parseAddressPool('198.51.100.0/30'); // 198.51.100.1 and .2
 * ```
 */
export function parseAddressPool(text: string): AddressPool {
  const field = 'loadBalancer.addressPool';
  const dash = text.indexOf('-');
  if (dash >= 0) {
    const a = ipv4ToInt(text.slice(0, dash).trim());
    const b = ipv4ToInt(text.slice(dash + 1).trim());
    if (a === undefined || b === undefined || b < a) {
      throw new ConfigError(
        field,
        `invalid address range: ${text} (write first-last, e.g. 198.51.100.10-198.51.100.20)`,
      );
    }
    return { text, first: a, size: b - a + 1 };
  }
  const cidr = parseIpv4Cidr(text, field);
  if (cidr.size <= 2) return { text, first: cidr.network, size: cidr.size };
  return { text, first: cidr.network + 1, size: cidr.size - 2 };
}

/** Whether `ip` lies in the pool. */
export function poolContains(pool: AddressPool, ip: string): boolean {
  const v = ipv4ToInt(ip);
  return v !== undefined && v >= pool.first && v < pool.first + pool.size;
}

/** The lowest address of the pool not in `used`, or undefined when all are taken. */
export function firstFreeAddress(pool: AddressPool, used: ReadonlySet<string>): string | undefined {
  for (let i = 0; i < pool.size; i++) {
    const ip = intToIpv4(pool.first + i);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}
