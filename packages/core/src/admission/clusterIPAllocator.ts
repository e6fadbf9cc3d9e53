/**
 * The ClusterIP allocator of one IPv4 Service range (§2.10–2.12).
 * @packageDocumentation
 */
import { ConfigError } from '../errors.js';
import type { RandomSource } from '../sources.js';
import { AllocationBitmap } from './allocationBitmap.js';
import { AllocationError } from './allocationError.js';
import { intToIpv4, ipv4ToInt, parseIpv4Cidr } from './ipv4.js';
import { clusterIPRangeOffset } from './rangeOffset.js';

/** Smallest accepted Service range, in addresses (a /29). */
const MIN_RANGE_SIZE = 8;
/** Largest accepted Service range: kube-apiserver refuses masks under /12 (maxCIDRBits = 20). */
const MAX_RANGE_SIZE = 2 ** 20;

/**
 * Hands out ClusterIPs from a CIDR the way kube-apiserver does
 * (pkg/registry/core/service/ipallocator/bitmap.go over allocator/bitmap.go).
 *
 * Usable addresses exclude the network and broadcast addresses; index 0 is network + 1. The first
 * {@link ClusterIPAllocator.staticBandSize} addresses (256 for a /12, 16 for a /24) form the static
 * band that dynamic allocation leaves alone until the upper band is full.
 *
 * @example
 * ```ts
 * const ips = new ClusterIPAllocator('10.96.0.0/12', seededRandomSource(1));
 * ips.allocate('10.96.0.1');          // the `kubernetes` Service
 * const ip = ips.allocateNext();      // somewhere in 10.96.1.1 – 10.111.255.254
 * ```
 */
export class ClusterIPAllocator {
  /** The range in canonical form, e.g. `10.96.0.0/12`. */
  readonly cidr: string;
  /** Usable addresses: the CIDR's size minus network and broadcast. */
  readonly size: number;
  /** Addresses at the bottom of the range kept for static requests (§2.12). */
  readonly staticBandSize: number;
  /** Integer value of the address at index 0 (network + 1). */
  private readonly base: number;
  private readonly bits: AllocationBitmap;

  /**
   * @param cidr - an IPv4 CIDR of 8 to 2^20 addresses (/29 to /12)
   * @param random - the chance stream for the random start of each dynamic allocation
   * @throws {@link ConfigError} (`config.serviceCIDR`) when the CIDR is malformed or out of bounds
   */
  constructor(cidr: string, random: RandomSource) {
    const parsed = parseIpv4Cidr(cidr, 'serviceCIDR');
    if (parsed.size > MAX_RANGE_SIZE) {
      throw new ConfigError(
        'serviceCIDR',
        `specified --service-cluster-ip-range is too large; for 32-bit addresses, the mask must be >= 12`,
      );
    }
    if (parsed.size < MIN_RANGE_SIZE) {
      throw new ConfigError(
        'serviceCIDR',
        `${parsed.text} is too small: a Service range needs at least ${MIN_RANGE_SIZE} addresses (/29)`,
      );
    }
    this.cidr = parsed.text;
    this.base = parsed.network + 1;
    this.size = parsed.size - 2;
    this.staticBandSize = clusterIPRangeOffset(parsed.size);
    this.bits = new AllocationBitmap(this.size, this.staticBandSize, random);
  }

  /** Takes the allocations of `other` (same range), for a fork of the store. */
  copyFrom(other: this): void {
    this.bits.copyFrom(other.bits);
  }

  /** Addresses in use. */
  get used(): number {
    return this.bits.used;
  }

  /** Addresses still free. */
  get free(): number {
    return this.bits.free;
  }

  /** The address at `index` (0 = network + 1), e.g. `ipAt(9)` is the kubeadm DNS IP `.10`. */
  ipAt(index: number): string {
    return intToIpv4(this.base + index);
  }

  /** True when `ip` is a usable address of this range (not network, not broadcast). */
  contains(ip: string): boolean {
    return this.indexOf(ip) !== undefined;
  }

  /** True when `ip` is allocated. */
  has(ip: string): boolean {
    const i = this.indexOf(ip);
    return i !== undefined && this.bits.has(i);
  }

  /**
   * Reserves a requested address.
   * @throws {@link AllocationError} `NotInRange` or `AlreadyAllocated`, with upstream's message
   */
  allocate(ip: string): void {
    const i = this.indexOf(ip);
    if (i === undefined) {
      throw new AllocationError(
        'NotInRange',
        `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`,
      );
    }
    if (!this.bits.set(i)) {
      throw new AllocationError('AlreadyAllocated', 'provided IP is already allocated');
    }
  }

  /**
   * Allocates a free address: a random start in the upper band, the first free address from there
   * (wrapping inside the band), then the same in the static band if the upper one is full.
   * @throws {@link AllocationError} `RangeFull` when no address is left
   */
  allocateNext(): string {
    const i = this.bits.next();
    if (i === undefined) throw new AllocationError('RangeFull', 'range is full');
    return intToIpv4(this.base + i);
  }

  /**
   * Returns `ip` to the pool. Releasing a free or out-of-range address is a no-op, as upstream.
   * @returns true when the address was allocated and is now free
   */
  release(ip: string): boolean {
    const i = this.indexOf(ip);
    return i !== undefined && this.bits.clear(i);
  }

  private indexOf(ip: string): number | undefined {
    const value = ipv4ToInt(ip);
    if (value === undefined) return undefined;
    const i = value - this.base;
    return i >= 0 && i < this.size ? i : undefined;
  }
}
