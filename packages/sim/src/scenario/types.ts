/**
 * Scenarios are data (DESIGN.md point 9): a seed, a config, the cluster, manifests, actions,
 * faults, traffic and a horizon, in JSON or YAML. `runScenario(s)` is a pure function of `s`.
 * @packageDocumentation
 */
import type { Duration, KubeObjectInput, Taint } from '@kubesim/core';
import type { SimConfigInput } from '../engine/index.js';
import type { FaultSpec } from '../simulation/faults.js';
import type { ConnectSource, LoadBalancerTarget } from '../traffic/connect.js';
import type { CloudLoadBalancerOptions } from '../external/externalTraffic.js';
import type { IngressControllerOptions } from '../external/ingressNginx.js';

/** Nodes to add at the start (like `addNodes`). */
export interface ScenarioNodes {
  readonly count: number;
  readonly zones?: readonly string[];
  readonly cpu?: string;
  readonly memory?: string;
  readonly pods?: number;
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Taint[];
}

/** Something a user does at a point in virtual time. */
export type ScenarioAction =
  /** kubectl apply of objects (or YAML text). */
  | {
      readonly at: Duration;
      readonly type: 'apply';
      readonly manifests: readonly KubeObjectInput[] | string;
    }
  /** kubectl delete. */
  | {
      readonly at: Duration;
      readonly type: 'delete';
      readonly kind: string;
      readonly key: string;
      readonly gracePeriodSeconds?: number;
    }
  /** kubectl scale of a Deployment or StatefulSet. */
  | {
      readonly at: Duration;
      readonly type: 'scale';
      readonly kind: 'Deployment' | 'StatefulSet';
      readonly key: string;
      readonly replicas: number;
    }
  /** A rollout: a new pod template (here: a new image of the first container, or a template annotation bump). */
  | {
      readonly at: Duration;
      readonly type: 'rollout';
      readonly key: string;
      readonly image?: string;
    }
  /** kubectl drain. */
  | { readonly at: Duration; readonly type: 'drain'; readonly node: string }
  /** kubectl uncordon. */
  | { readonly at: Duration; readonly type: 'uncordon'; readonly node: string }
  /** The Eviction API. */
  | { readonly at: Duration; readonly type: 'evict'; readonly pod: string };

/** A steady client load. */
export interface ScenarioTraffic {
  readonly from: ConnectSource | readonly ConnectSource[];
  /** As for `connect`: a name, an address, `{ loadBalancer }` or an `http://` URL (from outside). */
  readonly to: string | LoadBalancerTarget;
  readonly every: Duration;
  /** Absolute virtual time to start at. @defaultValue 0 */
  readonly start?: Duration;
  /** Absolute virtual time to stop at. @defaultValue the horizon */
  readonly until?: Duration;
}

/** Traffic from outside: the cloud's load balancers and an ingress controller, set up at t = 0. */
export interface ScenarioExternal {
  /** Like `sim.addCloudLoadBalancers(opts)`. */
  readonly loadBalancers?: CloudLoadBalancerOptions;
  /** Like `sim.addIngressController(opts)` (`true` for the defaults). */
  readonly ingressController?: IngressControllerOptions | true;
}

/** A scenario: everything a run depends on. */
export interface Scenario {
  /** Format version. @defaultValue 1 */
  readonly version?: 1;
  readonly name?: string;
  readonly seed: number | string;
  readonly config?: SimConfigInput;
  readonly nodes?: readonly ScenarioNodes[];
  /** Cloud load balancers and an ingress controller, before the manifests are applied. */
  readonly external?: ScenarioExternal;
  /** Objects (or YAML text) applied at t = 0, after the nodes. */
  readonly manifests?: readonly KubeObjectInput[] | string;
  readonly actions?: readonly ScenarioAction[];
  readonly faults?: readonly FaultSpec[];
  readonly traffic?: readonly ScenarioTraffic[];
  /** How long to run (absolute virtual time). */
  readonly horizon: Duration;
  /**
   * Built-in invariants to check by name; default all of them. An empty list checks none.
   */
  readonly invariants?: readonly string[];
}
