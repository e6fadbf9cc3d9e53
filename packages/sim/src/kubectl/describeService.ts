/**
 * `kubectl describe service`.
 * @packageDocumentation
 */
import type { EndpointSlice, Event, Service } from '@kubesim/core';
import {
  DescribeWriter,
  formatLabels,
  writeEvents,
  writeLabelsAndAnnotations,
} from './describeWriter.js';

/**
 * The Endpoints line of one Service port: `ip:port` of ready endpoints of the slices' port with
 * that name, the first 3 then ` + N more...`; `<none>` without slices (formatEndpointSlices).
 */
export function formatServiceEndpoints(
  slices: readonly EndpointSlice[],
  portName: string | undefined,
): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports;
    const targets =
      ports.length === 0
        ? [undefined]
        : ports.filter((p) => (p.name ?? '') === (portName ?? '')).map((p) => p.port);
    for (const port of targets) {
      for (const ep of slice.endpoints) {
        // kubectl sets `more` before it skips a not-ready endpoint; we keep its arithmetic.
        if (list.length === max) more = true;
        if (!(ep.conditions.ready ?? true)) continue;
        const addr = ep.addresses[0] ?? '';
        if (!more) {
          const host = addr.includes(':') ? `[${addr}]` : addr;
          list.push(port === undefined ? addr : `${host}:${port}`);
        }
        count += 1;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** `kubectl describe service` for `svc`, its slices (sorted by name) and its events. */
export function describeService(
  svc: Service,
  slices: readonly EndpointSlice[],
  events: readonly Event[],
  nowEpochMs: number,
): string {
  const w = new DescribeWriter();
  const spec = svc.spec;
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  writeLabelsAndAnnotations(w, svc.metadata);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type}\n`);
  if (spec.ipFamilyPolicy !== undefined) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  const families = spec.ipFamilies ?? [];
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  const ips = spec.clusterIPs ?? [];
  w.write(0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) {
    w.write(0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`);
  }
  const ingress = svc.status.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    w.write(
      0,
      `LoadBalancer Ingress:\t${ingress.map((i) => i.ip ?? i.hostname ?? '').join(', ')}\n`,
    );
  }
  if (spec.externalName !== undefined && spec.externalName !== '') {
    w.write(0, `External Name:\t${spec.externalName}\n`);
  }
  for (const p of spec.ports) {
    const name = p.name === undefined || p.name === '' ? '<unset>' : p.name;
    w.write(0, `Port:\t${name}\t${p.port}/${p.protocol}\n`);
    w.write(0, `TargetPort:\t${String(p.targetPort)}/${p.protocol}\n`);
    if (p.nodePort !== undefined && p.nodePort !== 0) {
      w.write(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`);
    }
    w.write(0, `Endpoints:\t${formatServiceEndpoints(slices, p.name)}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity}\n`);
  if (spec.externalTrafficPolicy !== undefined) {
    w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  }
  if (spec.internalTrafficPolicy !== undefined) {
    w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  }
  if (spec.healthCheckNodePort !== undefined && spec.healthCheckNodePort !== 0) {
    w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  }
  writeEvents(w, events, nowEpochMs);
  return w.toString();
}
