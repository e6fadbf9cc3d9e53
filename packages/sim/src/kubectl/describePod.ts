/**
 * `kubectl describe pod`, reduced: identity, node, status, IPs, owner, containers (image, ports,
 * state, ready, restarts), conditions and events. Volumes, environment, QoS and tolerations are
 * left out.
 * @packageDocumentation
 */
import type { ContainerState, Event, Pod } from '@kubesim/core';
import { DescribeWriter, writeEvents, writeLabelsAndAnnotations } from './describeWriter.js';
import { ageOf, rfc1123z } from './humanDuration.js';

const bool = (b: boolean | undefined): string => (b === true ? 'True' : 'False');

function writeState(w: DescribeWriter, title: string, s: ContainerState): void {
  if (s.running !== undefined) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(s.running.startedAt)}\n`);
  } else if (s.waiting !== undefined) {
    w.write(2, `${title}:\tWaiting\n`);
    if (s.waiting.reason !== undefined) w.write(3, `Reason:\t${s.waiting.reason}\n`);
  } else if (s.terminated !== undefined) {
    const t = s.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason !== undefined) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message !== undefined) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal !== undefined && t.signal > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
  }
}

/** `kubectl describe pod` (reduced form) for `pod` and its events. */
export function describePod(pod: Pod, events: readonly Event[], nowEpochMs: number): string {
  const w = new DescribeWriter();
  const { metadata: meta, spec, status } = pod;
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  w.write(0, `Service Account:\t${spec.serviceAccountName ?? 'default'}\n`);
  const node = spec.nodeName === undefined ? '<none>' : `${spec.nodeName}/${status.hostIP ?? ''}`;
  w.write(0, `Node:\t${node}\n`);
  if (status.startTime !== undefined) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  writeLabelsAndAnnotations(w, meta);
  if (meta.deletionTimestamp !== undefined) {
    w.write(0, `Status:\tTerminating (lasts ${ageOf(meta.deletionTimestamp, nowEpochMs)})\n`);
    w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase}\n`);
  }
  if (status.reason !== undefined) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message !== undefined) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = meta.ownerReferences?.find((o) => o.controller === true);
  if (owner !== undefined) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, 'Containers:\n');
  for (const c of spec.containers) {
    const cs = status.containerStatuses?.find((s) => s.name === c.name);
    w.write(1, `${c.name}:\n`);
    if (cs?.containerID !== undefined) w.write(2, `Container ID:\t${cs.containerID}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol}`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol}`);
    const portText = ports.length === 0 ? '<none>' : ports.join(', ');
    const hostText = hostPorts.length === 0 ? '<none>' : hostPorts.join(', ');
    w.write(2, `${ports.length > 1 ? 'Ports' : 'Port'}:\t${portText}\n`);
    w.write(2, `${hostPorts.length > 1 ? 'Host Ports' : 'Host Port'}:\t${hostText}\n`);
    if (cs !== undefined) {
      writeState(w, 'State', cs.state);
      if (cs.lastState?.terminated !== undefined) writeState(w, 'Last State', cs.lastState);
      w.write(2, `Ready:\t${bool(cs.ready)}\n`);
      w.write(2, `Restart Count:\t${cs.restartCount}\n`);
    } else {
      w.write(2, 'Ready:\tFalse\n');
      w.write(2, 'Restart Count:\t0\n');
    }
  }
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  writeEvents(w, events, nowEpochMs);
  return w.toString();
}
