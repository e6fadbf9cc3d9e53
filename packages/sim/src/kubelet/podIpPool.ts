/**
 * Pod addresses from a node's pod CIDR, as a host-local IPAM plugin hands them out.
 * @packageDocumentation
 */
import { intToIpv4, ipv4ToInt, parseIpv4Cidr } from '@kubesim/core';
import type { Ipv4Cidr } from '@kubesim/core';

/**
 * The addresses of one node's pod CIDR. {@link PodIpPool.allocate} returns the lowest free host
 * address, skipping the network address, `.1` (the gateway, as the bridge CNI plugin reserves it)
 * and the broadcast address; an address is reused only after {@link PodIpPool.release}.
 *
 * @example
 * ```ts
 * const pool = new PodIpPool('10.128.3.0/24');
 * pool.allocate(); // '10.128.3.2'
 * pool.allocate(); // '10.128.3.3'
 * ```
 * @throws ConfigError (field `podCIDR`) when the CIDR is not IPv4.
 */
export class PodIpPool {
  /** The parsed CIDR. */
  readonly cidr: Ipv4Cidr;
  readonly #used = new Set<number>();
  /** Every address below this one is in use. */
  #lowestCandidate: number;

  constructor(cidr: string) {
    this.cidr = parseIpv4Cidr(cidr, 'podCIDR');
    this.#lowestCandidate = this.cidr.network + 2;
  }

  /** An independent pool with the same addresses in use (for a fork). */
  fork(): PodIpPool {
    const out = new PodIpPool(this.cidr.text);
    for (const a of this.#used) out.#used.add(a);
    out.#lowestCandidate = this.#lowestCandidate;
    return out;
  }

  /** Addresses handed out and not released. */
  get inUse(): number {
    return this.#used.size;
  }

  /** The lowest free address, now taken; `undefined` when the range is exhausted. */
  allocate(): string | undefined {
    const last = this.cidr.network + this.cidr.size - 2;
    for (let a = this.#lowestCandidate; a <= last; a++) {
      if (this.#used.has(a)) continue;
      this.#used.add(a);
      this.#lowestCandidate = a + 1;
      return intToIpv4(a);
    }
    this.#lowestCandidate = last + 1;
    return undefined;
  }

  /** Frees `ip` for reuse; false when it was not allocated from this pool. */
  release(ip: string): boolean {
    const a = ipv4ToInt(ip);
    if (a === undefined || !this.#used.delete(a)) return false;
    if (a < this.#lowestCandidate) this.#lowestCandidate = a;
    return true;
  }
}
