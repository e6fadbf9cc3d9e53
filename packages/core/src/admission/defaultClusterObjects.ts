/**
 * Defaulting of Namespace, Node, EndpointSlice, Endpoints and PodDisruptionBudget.
 * @packageDocumentation
 */
import type { Draft } from 'immer';
import type { PodDisruptionBudgetInput } from '../objects/apps.js';
import type { EndpointSliceInput, EndpointsInput } from '../objects/discovery.js';
import type { NamespaceInput, NodeInput } from '../objects/node.js';
import { ensureStatus } from './ensureStatus.js';

/** Label the API server puts on every namespace: its own name (`SetDefaults_Namespace`). */
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name';

/**
 * Namespace: `spec.finalizers: ['kubernetes']` (namespace strategy `PrepareForCreate`),
 * `status.phase: Active` (`SetDefaults_NamespaceStatus`) and the `kubernetes.io/metadata.name`
 * label (`SetDefaults_Namespace`).
 */
export function defaultNamespace(ns: Draft<NamespaceInput>): void {
  const spec = (ns.spec ??= {});
  spec.finalizers ??= ['kubernetes'];
  ensureStatus(ns, { phase: 'Active' });
  const name = ns.metadata?.name;
  if (ns.metadata !== undefined && name !== undefined && name !== '') {
    ns.metadata.labels = { ...ns.metadata.labels, [LABEL_METADATA_NAME]: name };
  }
}

/** Node: `spec` and `status` present; `allocatable` defaults to `capacity` (`SetDefaults_NodeStatus`). */
export function defaultNode(node: Draft<NodeInput>): void {
  node.spec ??= {};
  const status = (node.status ??= {});
  if (status.allocatable === undefined && status.capacity !== undefined) {
    status.allocatable = { ...status.capacity };
  }
}

/**
 * EndpointSlice (discovery/v1 `SetDefaults_EndpointPort`): each port `name: ''` and
 * `protocol: TCP`; `ports` and `endpoints` present (`[]`).
 */
export function defaultEndpointSlice(slice: Draft<EndpointSliceInput>): void {
  slice.ports ??= [];
  for (const port of slice.ports) {
    port.name ??= '';
    port.protocol ??= 'TCP';
  }
  slice.endpoints ??= [];
  // Not an upstream default: an omitted `conditions` is stored as `{}`, which means exactly the
  // same (every condition nil: ready and serving read as true, terminating as false, §3.8), so
  // consumers can read `endpoint.conditions.ready` without a guard.
  for (const endpoint of slice.endpoints) endpoint.conditions ??= {};
}

/** Endpoints (`SetDefaults_Endpoints`): each subset port `protocol: TCP`. */
export function defaultEndpoints(ep: Draft<EndpointsInput>): void {
  for (const subset of ep.subsets ?? []) {
    for (const port of subset.ports ?? []) {
      if (!port.protocol) port.protocol = 'TCP';
    }
  }
}

/**
 * PodDisruptionBudget: policy/v1 has no defaulting function (pkg/apis/policy/v1 registers none),
 * so the spec is kept as written; the status exists with Go's zero values.
 */
export function defaultPodDisruptionBudget(pdb: Draft<PodDisruptionBudgetInput>): void {
  pdb.spec ??= {};
  ensureStatus(pdb, {
    disruptionsAllowed: 0,
    currentHealthy: 0,
    desiredHealthy: 0,
    expectedPods: 0,
  });
}
