/**
 * The node IPAM range: which per-node blocks of the cluster CIDR are taken (the controller
 * manager's range allocator, pkg/controller/nodeipam/ipam/range_allocator.go and its cidrset).
 * The simulation keeps it from Node events; {@link planPodCIDR} reads it.
 * @packageDocumentation
 */
import { ConfigError } from '../../errors.js';
import { intToIpv4, parseIpv4Cidr } from '../../admission/ipv4.js';

/** The range {@link PodCidrBlocks.fork} is copying, read (and cleared) by the constructor it calls. */
let forking: PodCidrBlocks | undefined;

/**
 * The `/maskSize` blocks of a cluster CIDR and which nodes hold them. It only records: a block is
 * taken when a Node carrying it is seen ({@link PodCidrBlocks.occupy}) and free again when that
 * Node is deleted ({@link PodCidrBlocks.release}).
 */
export class PodCidrBlocks {
  readonly #network: number;
  readonly #blockSize: number;
  readonly #blocks: number;
  readonly #maskSize: number;
  #used: Uint8Array;
  /** Every block below it is taken (so the lowest free one is at or above it). */
  #lowWater = 0;
  #byNode = new Map<string, number>();
  /** `#used` and `#byNode` are shared with a fork (or its parent): copied before a change. */
  #shared = false;
  readonly #clusterCIDR: string;

  /**
   * @param clusterCIDR - e.g. `10.128.0.0/11`
   * @param maskSize - per-node prefix length, e.g. 24 (must be longer than the cluster prefix)
   * @throws ConfigError when the CIDR does not parse or the mask does not fit it.
   */
  constructor(clusterCIDR: string, maskSize: number) {
    this.#clusterCIDR = clusterCIDR;
    this.#maskSize = maskSize;
    const parent = forking;
    forking = undefined;
    if (parent !== undefined) {
      // A fork: the parent's range as it is (already parsed and checked), its tables shared.
      this.#network = parent.#network;
      this.#blockSize = parent.#blockSize;
      this.#blocks = parent.#blocks;
      this.#used = parent.#used;
      this.#byNode = parent.#byNode;
      this.#lowWater = parent.#lowWater;
      this.#shared = true;
      parent.#shared = true;
      return;
    }
    const cidr = parseIpv4Cidr(clusterCIDR, 'clusterCIDR');
    if (!Number.isInteger(maskSize) || maskSize <= cidr.prefixLength || maskSize > 30) {
      throw new ConfigError(
        'nodeCIDRMaskSize',
        `must be an integer between ${cidr.prefixLength + 1} and 30 for clusterCIDR ${cidr.text}, got ${maskSize}`,
      );
    }
    this.#network = cidr.network;
    this.#blockSize = 2 ** (32 - maskSize);
    this.#blocks = cidr.size / this.#blockSize;
    this.#used = new Uint8Array(this.#blocks);
  }

  /**
   * An independent range with the same blocks held by the same nodes (for a fork): both share
   * the tables until either changes them (copy on write). Nothing is parsed or allocated.
   */
  fork(): PodCidrBlocks {
    return PodCidrBlocks.#continuing(this);
  }

  static #continuing(parent: PodCidrBlocks): PodCidrBlocks {
    forking = parent;
    return new PodCidrBlocks(parent.#clusterCIDR, parent.#maskSize);
  }

  #writable(): void {
    if (!this.#shared) return;
    this.#used = this.#used.slice();
    this.#byNode = new Map(this.#byNode);
    this.#shared = false;
  }

  /** How many node CIDRs the range holds (8,192 for a /11 split into /24). */
  get capacity(): number {
    return this.#blocks;
  }

  /**
   * The lowest free block as CIDR text, or undefined when every block is taken. kubesim hands out
   * the lowest free block (a released block is reused first); upstream's cidrset continues after
   * the last block it allocated.
   */
  lowestFree(): string | undefined {
    while (this.#lowWater < this.#blocks && this.#used[this.#lowWater] === 1) this.#lowWater += 1;
    return this.#lowWater < this.#blocks ? this.#text(this.#lowWater) : undefined;
  }

  /** `node` holds `cidr` (written in its manifest or allocated); ignored when outside the range. */
  occupy(node: string, cidr: string): void {
    const parsed = parseIpv4Cidr(cidr, 'spec.podCIDR');
    const idx = (parsed.network - this.#network) / this.#blockSize;
    if (Number.isInteger(idx) && idx >= 0 && idx < this.#blocks) {
      this.#writable();
      this.#used[idx] = 1;
      this.#byNode.set(node, idx);
    }
  }

  /** Frees the block of a deleted node. */
  release(node: string): void {
    const idx = this.#byNode.get(node);
    if (idx === undefined) return;
    this.#writable();
    this.#used[idx] = 0;
    this.#byNode.delete(node);
    if (idx < this.#lowWater) this.#lowWater = idx;
  }

  #text(idx: number): string {
    return `${intToIpv4(this.#network + idx * this.#blockSize)}/${this.#maskSize}`;
  }
}
