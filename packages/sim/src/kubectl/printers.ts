/**
 * Cell helpers of the per-kind Table columns (server/tableColumns.ts), after kubernetes
 * pkg/printers/internalversion/printers.go.
 * @packageDocumentation
 */
import type { Node, Service } from '@kubesim/core';

/** Joins up to 3 items, then ` + N more...`; `<unset>` when empty (listWithMoreString). */
export function listWithMore(items: readonly string[], max = 3): string {
  if (items.length > max) {
    return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  }
  return items.length === 0 ? '<unset>' : items.join(',');
}

/** `80/TCP`, or `80:30080/TCP` with a NodePort; ports joined by commas (makePortString). */
export function servicePorts(svc: Service): string {
  const ports = svc.spec.ports.map((p) =>
    p.nodePort !== undefined && p.nodePort > 0
      ? `${p.port}:${p.nodePort}/${p.protocol}`
      : `${p.port}/${p.protocol}`,
  );
  return ports.length === 0 ? '<none>' : ports.join(',');
}

/** The EXTERNAL-IP column (getServiceExternalIP, not wide). */
export function serviceExternalIP(svc: Service): string {
  const external = svc.spec.externalIPs ?? [];
  switch (svc.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      let lb = (svc.status.loadBalancer?.ingress ?? [])
        .map((i) => i.ip ?? i.hostname ?? '')
        .filter((s) => s !== '')
        .join(',');
      if (lb.length > 16) lb = `${lb.slice(0, 13)}...`;
      if (external.length > 0) return [...(lb === '' ? [] : lb.split(',')), ...external].join(',');
      return lb === '' ? '<pending>' : lb;
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
  }
}

/** `Ready`, `NotReady`, `Unknown`, plus `,SchedulingDisabled` when cordoned (printNode). */
export function nodeStatus(node: Node): string {
  const ready = node.status.conditions?.find((c) => c.type === 'Ready');
  const status =
    ready === undefined ? ['Unknown'] : [ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec.unschedulable === true) status.push('SchedulingDisabled');
  return status.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role !== '') roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  const list = [...roles].sort();
  return list.length === 0 ? '<none>' : list.join(',');
}
