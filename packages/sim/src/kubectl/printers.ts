/**
 * The columns `kubectl get` prints per kind, after kubernetes pkg/printers/internalversion/printers.go.
 * Each printer turns one object into its cells; `table` aligns them.
 * @packageDocumentation
 */
import type {
  Deployment,
  EndpointSlice,
  Kind,
  KindMap,
  Node,
  Pod,
  ReplicaSet,
  Service,
  StatefulSet,
} from '@kubesim/core';
import { ageOf } from './humanDuration.js';
import { podColumns } from './podStatus.js';

/** Headers and a row builder for one kind. */
export interface Printer<K extends Kind> {
  readonly headers: readonly string[];
  row(obj: KindMap[K], nowEpochMs: number): string[];
}

/** Joins up to 3 items, then ` + N more...`; `<unset>` when empty (listWithMoreString). */
export function listWithMore(items: readonly string[], max = 3): string {
  if (items.length > max) {
    return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  }
  return items.length === 0 ? '<unset>' : items.join(',');
}

const pods: Printer<'Pod'> = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'NODE'],
  row(pod: Pod, now) {
    const c = podColumns(pod, now);
    return [
      pod.metadata.name,
      c.ready,
      c.status,
      c.restarts,
      ageOf(pod.metadata.creationTimestamp, now),
      pod.spec.nodeName ?? '<none>',
    ];
  },
};

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

const services: Printer<'Service'> = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  row(svc: Service, now) {
    return [
      svc.metadata.name,
      svc.spec.type,
      svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '<none>',
      serviceExternalIP(svc),
      servicePorts(svc),
      ageOf(svc.metadata.creationTimestamp, now),
    ];
  },
};

const endpointSlices: Printer<'EndpointSlice'> = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  row(slice: EndpointSlice, now) {
    const ports = slice.ports.map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*')));
    const addresses = slice.endpoints.flatMap((e) => e.addresses);
    return [
      slice.metadata.name,
      slice.addressType,
      listWithMore(ports),
      listWithMore(addresses),
      ageOf(slice.metadata.creationTimestamp, now),
    ];
  },
};

const deployments: Printer<'Deployment'> = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  row(d: Deployment, now) {
    return [
      d.metadata.name,
      `${d.status.readyReplicas ?? 0}/${d.spec.replicas}`,
      String(d.status.updatedReplicas ?? 0),
      String(d.status.availableReplicas ?? 0),
      ageOf(d.metadata.creationTimestamp, now),
    ];
  },
};

const replicaSets: Printer<'ReplicaSet'> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  row(rs: ReplicaSet, now) {
    return [
      rs.metadata.name,
      String(rs.spec.replicas),
      String(rs.status.replicas),
      String(rs.status.readyReplicas ?? 0),
      ageOf(rs.metadata.creationTimestamp, now),
    ];
  },
};

const statefulSets: Printer<'StatefulSet'> = {
  headers: ['NAME', 'READY', 'AGE'],
  row(ss: StatefulSet, now) {
    return [
      ss.metadata.name,
      `${ss.status.readyReplicas ?? 0}/${ss.spec.replicas}`,
      ageOf(ss.metadata.creationTimestamp, now),
    ];
  },
};

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

const nodes: Printer<'Node'> = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  row(node: Node, now) {
    return [
      node.metadata.name,
      nodeStatus(node),
      nodeRoles(node),
      ageOf(node.metadata.creationTimestamp, now),
      node.status.nodeInfo?.['kubeletVersion'] ?? '',
    ];
  },
};

/** The printers by kind. */
export const PRINTERS: { readonly [K in Kind]?: Printer<K> } = {
  Pod: pods,
  Service: services,
  EndpointSlice: endpointSlices,
  Deployment: deployments,
  ReplicaSet: replicaSets,
  StatefulSet: statefulSets,
  Node: nodes,
};
