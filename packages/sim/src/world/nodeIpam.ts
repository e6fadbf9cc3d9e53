/**
 * Node IPAM (the controller manager's range allocator): each node gets a `/nodeCIDRMaskSize`
 * block of the cluster CIDR as `spec.podCIDR(s)`, lowest free block first.
 * @packageDocumentation
 */
import { intToIpv4, parseIpv4Cidr } from '@kubesim/core';
import { ConfigError } from '@kubesim/core';

/** Hands out per-node pod CIDRs. */
export class NodeIpam {
  readonly #network: number;
  readonly #blockSize: number;
  readonly #blocks: number;
  readonly #maskSize: number;
  readonly #used: Uint8Array;
  #next = 0;
  readonly #byNode = new Map<string, number>();

  /**
   * @param clusterCIDR - e.g. `10.128.0.0/11`
   * @param maskSize - per-node prefix length, e.g. 24 (must be longer than the cluster prefix)
   */
  constructor(clusterCIDR: string, maskSize: number) {
    const cidr = parseIpv4Cidr(clusterCIDR, 'clusterCIDR');
    if (!Number.isInteger(maskSize) || maskSize <= cidr.prefixLength || maskSize > 30) {
      throw new ConfigError(
        'nodeCIDRMaskSize',
        `must be an integer between ${cidr.prefixLength + 1} and 30 for clusterCIDR ${cidr.text}, got ${maskSize}`,
      );
    }
    this.#network = cidr.network;
    this.#maskSize = maskSize;
    this.#blockSize = 2 ** (32 - maskSize);
    this.#blocks = cidr.size / this.#blockSize;
    this.#used = new Uint8Array(this.#blocks);
  }

  /** How many node CIDRs the range holds (8,192 for a /11 split into /24). */
  get capacity(): number {
    return this.#blocks;
  }

  /** The CIDR of `node`, allocating the lowest free block; undefined when the range is full. */
  allocate(node: string): string | undefined {
    const have = this.#byNode.get(node);
    if (have !== undefined) return this.#text(have);
    for (let i = 0; i < this.#blocks; i++) {
      const idx = (this.#next + i) % this.#blocks;
      if (this.#used[idx] === 0) {
        this.#used[idx] = 1;
        this.#byNode.set(node, idx);
        this.#next = idx + 1;
        return this.#text(idx);
      }
    }
    return undefined;
  }

  /** Marks a CIDR written in a Node manifest as taken (ignored when outside the range). */
  occupy(node: string, cidr: string): void {
    const parsed = parseIpv4Cidr(cidr, 'spec.podCIDR');
    const idx = (parsed.network - this.#network) / this.#blockSize;
    if (Number.isInteger(idx) && idx >= 0 && idx < this.#blocks) {
      this.#used[idx] = 1;
      this.#byNode.set(node, idx);
    }
  }

  /** Frees the block of a deleted node. */
  release(node: string): void {
    const idx = this.#byNode.get(node);
    if (idx === undefined) return;
    this.#used[idx] = 0;
    this.#byNode.delete(node);
    if (idx < this.#next) this.#next = idx;
  }

  #text(idx: number): string {
    return `${intToIpv4(this.#network + idx * this.#blockSize)}/${this.#maskSize}`;
  }
}
