/**
 * The NodePort allocator (§2.8–2.9).
 * @packageDocumentation
 */
import { ConfigError } from '../errors.js';
import type { RandomSource } from '../sources.js';
import { AllocationBitmap } from './allocationBitmap.js';
import { AllocationError } from './allocationError.js';
import { nodePortRangeOffset } from './rangeOffset.js';

/**
 * Parses a port range as kube-apiserver's `--service-node-port-range` does
 * (`k8s.io/apimachinery/pkg/util/net.ParsePortRange`): `base-last` inclusive, `base+offset`, or a
 * single port.
 */
function parsePortRange(range: string): { base: number; size: number } {
  const m = /^(\d{1,5})(?:([-+])(\d{1,5}))?$/.exec(range.trim());
  const bad = (): ConfigError =>
    new ConfigError('nodePortRange', `unable to parse port range: ${range} (e.g. 30000-32767)`);
  if (m === null) throw bad();
  const base = Number(m[1]);
  const other = m[3] === undefined ? undefined : Number(m[3]);
  const last = other === undefined ? base : m[2] === '+' ? base + other : other;
  if (base < 1 || last > 65535 || last < base) throw bad();
  return { base, size: last - base + 1 };
}

/**
 * Hands out node ports the way kube-apiserver does
 * (pkg/registry/core/service/portallocator/allocator.go over allocator/bitmap.go). For the
 * default range `30000-32767` the static band is 30000–30085 (86 ports); dynamic allocation
 * starts at a random port in 30086–32767 and scans forward, wrapping inside that band.
 *
 * @example
 * ```ts
 * const ports = new NodePortAllocator('30000-32767', seededRandomSource(1));
 * ports.allocate(30080);             // a requested port
 * const p = ports.allocateNext();    // 30086 … 32767 while that band has room
 * ```
 */
export class NodePortAllocator {
  /** The range as upstream prints it, e.g. `30000-32767`. */
  readonly range: string;
  /** First port of the range. */
  readonly base: number;
  /** Number of ports in the range. */
  readonly size: number;
  /** Ports at the bottom of the range kept for static requests (86 for the default range). */
  readonly staticBandSize: number;
  private readonly bits: AllocationBitmap;

  /**
   * @param range - `base-last` (inclusive), `base+offset` or a single port
   * @param random - the chance stream for the random start of each dynamic allocation
   * @throws {@link ConfigError} (`config.nodePortRange`) when the range cannot be parsed
   */
  constructor(range: string, random: RandomSource) {
    const { base, size } = parsePortRange(range);
    this.base = base;
    this.size = size;
    this.range = `${base}-${base + size - 1}`;
    this.staticBandSize = nodePortRangeOffset(size);
    this.bits = new AllocationBitmap(size, this.staticBandSize, random);
  }

  /** Takes the allocations of `other` (same range), for a fork of the store. */
  copyFrom(other: this): void {
    this.bits.copyFrom(other.bits);
  }

  /** Ports in use. */
  get used(): number {
    return this.bits.used;
  }

  /** Ports still free. */
  get free(): number {
    return this.bits.free;
  }

  /** True when `port` lies in the range. */
  contains(port: number): boolean {
    return Number.isInteger(port) && port >= this.base && port < this.base + this.size;
  }

  /** True when `port` is allocated. */
  has(port: number): boolean {
    return this.contains(port) && this.bits.has(port - this.base);
  }

  /**
   * Reserves a requested port.
   * @throws {@link AllocationError} `NotInRange` or `AlreadyAllocated`, with upstream's message
   */
  allocate(port: number): void {
    if (!this.contains(port)) {
      throw new AllocationError(
        'NotInRange',
        `provided port is not in the valid range. The range of valid ports is ${this.range}`,
      );
    }
    if (!this.bits.set(port - this.base)) {
      throw new AllocationError('AlreadyAllocated', 'provided port is already allocated');
    }
  }

  /**
   * Allocates a free port: random start in the upper band, first free port from there (wrapping),
   * then the static band if the upper one is full.
   * @throws {@link AllocationError} `RangeFull` when no port is left
   */
  allocateNext(): number {
    const i = this.bits.next();
    if (i === undefined) throw new AllocationError('RangeFull', 'range is full');
    return this.base + i;
  }

  /**
   * Returns `port` to the pool; a free or out-of-range port is a no-op.
   * @returns true when the port was allocated and is now free
   */
  release(port: number): boolean {
    return this.contains(port) && this.bits.clear(port - this.base);
  }
}
