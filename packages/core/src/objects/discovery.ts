/**
 * EndpointSlice (discovery.k8s.io/v1) and the legacy Endpoints (core/v1).
 * @packageDocumentation
 */
import type {
  KubeObjectInputBase,
  NamespacedObjectMeta,
  ObjectReference,
  Protocol,
} from './meta.js';

/**
 * Endpoint conditions. Consumers must read a missing `ready` or `serving` as true and a missing
 * `terminating` as false (§3.8).
 */
export interface EndpointConditions {
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

/** Topology hints written from `trafficDistribution` (§3.D). */
export interface EndpointHints {
  forZones?: { name: string }[];
  forNodes?: { name: string }[];
}

/** One endpoint of a slice. The controller always writes exactly one address, the pod IP. */
export interface Endpoint {
  addresses: string[];
  conditions: EndpointConditions;
  hostname?: string;
  targetRef?: ObjectReference;
  nodeName?: string;
  zone?: string;
  hints?: EndpointHints;
}

/** A port of a slice. */
export interface EndpointPort {
  name?: string;
  protocol?: Protocol;
  port?: number;
  appProtocol?: string;
}

/** An EndpointSlice manifest as written (user-managed slices of selectorless Services). */
export interface EndpointSliceInput extends KubeObjectInputBase {
  addressType?: string;
  endpoints?: readonly {
    addresses?: readonly string[];
    conditions?: EndpointConditions;
    hostname?: string;
    targetRef?: ObjectReference;
    nodeName?: string;
    zone?: string;
    hints?: EndpointHints;
  }[];
  ports?: readonly EndpointPort[] | null;
}

/** A stored EndpointSlice. */
export interface EndpointSlice {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  metadata: NamespacedObjectMeta;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: Endpoint[];
  /** `[]` on the placeholder slice and on slices whose pods resolve no port (§3.14, §3.18). */
  ports: EndpointPort[];
}

/** An address of a legacy Endpoints subset. */
export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: ObjectReference;
}

/** A port of a legacy Endpoints subset. */
export interface EndpointsPort {
  name?: string;
  port: number;
  protocol?: Protocol;
  appProtocol?: string;
}

/** A subset: addresses sharing one port list. */
export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointsPort[];
}

/** A legacy Endpoints manifest as written. */
export interface EndpointsInput extends KubeObjectInputBase {
  subsets?: readonly {
    addresses?: readonly EndpointAddress[];
    notReadyAddresses?: readonly EndpointAddress[];
    ports?: readonly { name?: string; port?: number; protocol?: string; appProtocol?: string }[];
  }[];
}

/** A stored legacy Endpoints object (§3.E). */
export interface Endpoints {
  apiVersion: 'v1';
  kind: 'Endpoints';
  metadata: NamespacedObjectMeta;
  subsets?: EndpointSubset[];
}
