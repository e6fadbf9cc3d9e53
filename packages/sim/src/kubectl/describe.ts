/**
 * `kubectl describe <kind> <key>` as a string.
 * @packageDocumentation
 */
import { NotFoundError, normalizeKey, type Event, type Kind } from '@kubesim/core';
import { describeNode } from './describeNode.js';
import { describePod } from './describePod.js';
import { describeService } from './describeService.js';
import { KubectlUnsupportedError } from './errors.js';
import { nowEpoch, type KubectlClockOptions, type KubectlSource } from './source.js';

const RESOURCE: Readonly<Record<string, string>> = {
  Service: 'services',
  Pod: 'pods',
  Node: 'nodes',
};

const byName = <T extends { metadata: { name: string } }>(a: T, b: T): number =>
  a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;

function eventsFor(
  sim: KubectlSource,
  kind: string,
  name: string,
  namespace: string | undefined,
  uid: string,
): Event[] {
  return sim
    .list('Event', namespace === undefined ? {} : { namespace })
    .filter(
      (e) =>
        e.involvedObject.kind === kind &&
        e.involvedObject.name === name &&
        (e.involvedObject.uid === undefined || e.involvedObject.uid === uid),
    )
    .sort(byName);
}

/**
 * Prints what `kubectl describe` prints for one object: Services in full (Name … Endpoints,
 * Session Affinity, Events), Pods and Nodes in a reduced form. `key` is `namespace/name`
 * (a bare name means `default`) or a node name. Aligned like kubectl's describe tabwriter
 * (2 spaces of padding), times in RFC 1123 on the virtual clock.
 *
 * @throws NotFoundError like kubectl's `services "web" not found`.
 * @throws KubectlUnsupportedError for a kind without a describer.
 * @example describe(sim, 'Service', 'default/web')
 */
export function describe(
  sim: KubectlSource,
  kind: Kind,
  key: string,
  opts: KubectlClockOptions = {},
): string {
  const resource = RESOURCE[kind];
  if (resource === undefined) {
    throw new KubectlUnsupportedError('describe', kind, Object.keys(RESOURCE));
  }
  const nk = normalizeKey(kind, key);
  const now = nowEpoch(sim, opts);
  const notFound = (): NotFoundError => new NotFoundError(`${resource} "${nk.name}" not found`);
  switch (kind) {
    case 'Service': {
      const svc = sim.get('Service', nk.key);
      if (svc === undefined) throw notFound();
      const slices = sim
        .list('EndpointSlice', {
          namespace: svc.metadata.namespace,
          labelSelector: `kubernetes.io/service-name=${svc.metadata.name}`,
        })
        .sort(byName);
      const events = eventsFor(sim, 'Service', nk.name, nk.namespace, svc.metadata.uid);
      return describeService(svc, slices, events, now);
    }
    case 'Pod': {
      const pod = sim.get('Pod', nk.key);
      if (pod === undefined) throw notFound();
      return describePod(pod, eventsFor(sim, 'Pod', nk.name, nk.namespace, pod.metadata.uid), now);
    }
    default: {
      const node = sim.get('Node', nk.key);
      if (node === undefined) throw notFound();
      // Node events live in the namespace of whoever recorded them; kubectl searches all.
      return describeNode(node, eventsFor(sim, 'Node', nk.name, undefined, node.metadata.uid), now);
    }
  }
}
