/**
 * `kubectl describe node`, reduced: identity, labels, taints, cordon, conditions, addresses,
 * capacity, pod CIDRs and events. Lease, system info and allocated resources are left out.
 * @packageDocumentation
 */
import type { Event, Node, Taint } from '@kubesim/core';
import { DescribeWriter, writeEvents, writeLabelsAndAnnotations } from './describeWriter.js';
import { rfc1123z } from './humanDuration.js';
import { nodeRoles } from './printers.js';

// Go's zero time.Time in RFC1123Z, what kubectl prints for an unset condition time.
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

const taintText = (t: Taint): string =>
  t.value === undefined || t.value === ''
    ? `${t.key}:${t.effect}`
    : `${t.key}=${t.value}:${t.effect}`;

/** `kubectl describe node` (reduced form) for `node` and its events. */
export function describeNode(node: Node, events: readonly Event[], nowEpochMs: number): string {
  const w = new DescribeWriter();
  const { metadata: meta, spec, status } = node;
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node)}\n`);
  writeLabelsAndAnnotations(w, meta);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  // kubectl groups taints by effect: NoSchedule, PreferNoSchedule, NoExecute.
  const taints = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'].flatMap((effect) =>
    (spec.taints ?? []).filter((t) => t.effect === effect),
  );
  if (taints.length === 0) w.write(0, 'Taints:\t<none>\n');
  taints.forEach((t, i) => {
    w.write(0, `${i === 0 ? 'Taints:' : ''}\t${taintText(t)}\n`);
  });
  w.write(0, `Unschedulable:\t${spec.unschedulable === true ? 'true' : 'false'}\n`);
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(
      0,
      'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
    );
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      const beat = c.lastHeartbeatTime === undefined ? ZERO_TIME : rfc1123z(c.lastHeartbeatTime);
      const moved = c.lastTransitionTime === undefined ? ZERO_TIME : rfc1123z(c.lastTransitionTime);
      w.write(
        1,
        `${c.type} \t${c.status} \t${beat} \t${moved} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  const addresses = status.addresses ?? [];
  if (addresses.length > 0) {
    w.write(0, 'Addresses:\n');
    for (const a of addresses) w.write(1, `${a.type}:\t${a.address}\n`);
  }
  for (const [title, res] of [
    ['Capacity', status.capacity],
    ['Allocatable', status.allocatable],
  ] as const) {
    if (res === undefined) continue;
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(res).sort()) w.write(1, `${k}:\t${res[k] ?? ''}\n`);
  }
  if (spec.podCIDR !== undefined) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.podCIDRs !== undefined) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  writeEvents(w, events, nowEpochMs);
  return w.toString();
}
