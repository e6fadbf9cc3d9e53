/**
 * The read side of the API server that controllers, kube-proxy and DNS work from.
 * @packageDocumentation
 */
import type { EndpointSlice } from '../objects/discovery.js';
import type { InertObject, Kind, KindMap, KubeObject } from '../objects/kinds.js';
import type { Pod } from '../objects/pod.js';
import type { Service } from '../objects/service.js';
import type { Selector } from '../selector/types.js';
import type { ClusterConfig } from '../config.js';

/**
 * A read-only view of the cluster. Every list is in a stable order (by key) and every object is
 * frozen. The store implements it; tests can build one from plain objects.
 */
export interface ClusterView {
  readonly config: Readonly<ClusterConfig>;
  /** The object of `kind` at `key` (`namespace/name`, or `name` for cluster-scoped kinds). */
  get<K extends Kind>(kind: K, key: string): KindMap[K] | undefined;
  /** Objects of `kind`, optionally in one namespace and matching a label selector, sorted by key. */
  list<K extends Kind>(
    kind: K,
    opts?: { namespace?: string; selector?: Selector },
  ): readonly KindMap[K][];
  /**
   * An object of a kind kubesim stores without simulating it: an inert kind (ConfigMap, …) or a
   * custom kind of a stored CustomResourceDefinition (`Website`).
   */
  getInert(kind: string, key: string): InertObject | undefined;
  /** Objects of an inert or custom kind, optionally in one namespace and matching, sorted by key. */
  listInert(
    kind: string,
    opts?: { namespace?: string; selector?: Selector },
  ): readonly InertObject[];
  /** Pods bound to `nodeName` (`spec.nodeName`), sorted by key. Indexed. */
  podsOnNode(nodeName: string): readonly Pod[];
  /** Services in the pod's namespace whose (non-empty) selector matches its labels. Indexed. */
  servicesSelecting(
    namespace: string,
    labels: Readonly<Record<string, string>> | undefined,
  ): readonly Service[];
  /** Pods in the namespace whose labels match the equality selector `selector`. Indexed by label. */
  podsMatching(namespace: string, selector: Readonly<Record<string, string>>): readonly Pod[];
  /** EndpointSlices labelled `kubernetes.io/service-name=<serviceName>` in the namespace. Indexed. */
  slicesOfService(namespace: string, serviceName: string): readonly EndpointSlice[];
  /** Objects whose ownerReferences name the owner uid. Indexed. */
  ownedBy(ownerUid: string): readonly (KubeObject | InertObject)[];
}

/** A change in the store, delivered synchronously to store watchers in commit order. */
export interface StoreEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly kind: string;
  /** Store key of the object. */
  readonly key: string;
  /** The object after the change (for DELETED: the last state). */
  readonly object: KubeObject | InertObject;
  /** The object before the change (MODIFIED and DELETED). */
  readonly oldObject?: KubeObject | InertObject;
  /** The store's resourceVersion after this change. */
  readonly resourceVersion: number;
}
