/**
 * What a node agent (kubelet, kube-proxy) may ask of the simulation. Agents never see the World;
 * they get this narrow handle, so they can be tested on a tiny event loop.
 * @packageDocumentation
 */
import type { Store, StoreEvent } from '@kubesim/core';
import type { RandomStream } from '../engine/index.js';
import type { SimConfig } from '../engine/index.js';

/** A handle on a scheduled callback, to cancel it. */
export type ScheduledId = number;

/**
 * A scheduled callback. It receives its owner — the object it acts on, as the simulation that
 * runs it holds it — and captures nothing mutable besides: only immutable data (keys, frozen
 * objects, numbers). That is what lets a fork share a pending callback with its parent: the fork
 * runs it against its own copy of the owner (DESIGN.md, Fork).
 */
export type Scheduled<O> = (owner: O) => void;

/** The simulation as a node agent sees it. */
export interface AgentHost {
  /** Virtual milliseconds since the start. */
  readonly now: number;
  readonly config: Readonly<SimConfig>;
  /** The API server. Every write goes through admission, like a real kubelet's API calls. */
  readonly store: Store;
  /**
   * Runs `fn` at virtual time `at` (≥ now; ties run in scheduling order). `label` names the
   * activity in traces and in settle's "still pending" message, e.g. `kubelet/node-1 start default/web-x`.
   * `periodic` marks purely periodic activity, which `settle` does not wait for. `fn` gets
   * `owner` back and must reach every mutable thing through it (see {@link Scheduled}).
   */
  schedule<O extends object>(
    at: number,
    label: string,
    owner: O,
    fn: Scheduled<O>,
    opts?: { periodic?: boolean },
  ): ScheduledId;
  /** Cancels a scheduled callback; false if it already ran or was cancelled. */
  cancel(id: ScheduledId): boolean;
  /** The named, seeded random stream (stable across runs with the same seed). */
  random(stream: string): RandomStream;
}

/** A node agent receives the store events it watches, after its watch delay. */
export interface NodeAgent {
  readonly nodeName: string;
  /** Called for every Pod event whose pod is (or was) bound to this node. */
  onPodEvent(ev: StoreEvent): void;
}

/** A node agent the World drives: the kubelet. */
export interface KubeletAgent extends NodeAgent {
  /** The node got its pod CIDR from node IPAM. */
  setPodCIDR(cidr: string): void;
  /** The Node object is gone, or the node lost power: stop everything, write nothing more. */
  stop?(now: number): void;
  /** True when the pod's main containers are running on this node (they accept connections). */
  isContainerRunning?(podKey: string): boolean;
  /** True when the pod's application accepts connections (running, past its `listenAfter`). */
  isListening?(podKey: string): boolean;
}

/** Builds the kubelet of a node. */
export type KubeletFactory = (
  host: AgentHost,
  nodeName: string,
  podCIDR: string | undefined,
) => KubeletAgent;
