/**
 * Server-side Table columns per kind, as a 1.32 kube-apiserver defines them
 * (pkg/printers/internalversion/printers.go AddHandlers), priority 1 being `-o wide` only. Cells
 * reuse the sim's kubectl printers; ages are on the virtual clock.
 * @packageDocumentation
 */
import type {
  Deployment,
  EndpointSlice,
  Endpoints,
  Event,
  Namespace,
  Node,
  Pod,
  PodDisruptionBudget,
  ReplicaSet,
  Service,
  StatefulSet,
  StoredObject,
} from '@kubesim/core';
import { parseTimestamp, type CustomResourceColumnDefinition } from '@kubesim/core';
import { ageOf, humanDuration } from '../kubectl/humanDuration.js';
import { compileJsonPath, type CompiledJsonPath } from './jsonPath.js';
import { podColumns } from '../kubectl/podStatus.js';
import {
  listWithMore,
  nodeRoles,
  nodeStatus,
  serviceExternalIP,
  servicePorts,
} from '../kubectl/printers.js';

/** A Table column definition (meta.k8s.io/v1 TableColumnDefinition). */
export interface ColumnDefinition {
  readonly name: string;
  /** `string`, `integer`, `number`, `boolean` or `date` (custom resources may use all five). */
  readonly type: string;
  readonly format: string;
  readonly description: string;
  readonly priority: number;
}

/** Columns and a row builder of one kind. */
export interface TableColumns {
  readonly columns: readonly ColumnDefinition[];
  cells(obj: StoredObject, nowEpochMs: number): Cell[];
}

/** A Table cell; `null` prints as nothing. */
export type Cell = string | number | boolean | null;

type Col = [name: string, type?: 'string' | 'integer' | 'date', priority?: number, format?: string];

function defs(cols: readonly Col[]): ColumnDefinition[] {
  return cols.map(([name, type = 'string', priority = 0, format = '']) => ({
    name,
    type,
    format: name === 'Name' ? 'name' : format,
    description: name === 'Name' ? 'Name must be unique within a namespace.' : name,
    priority,
  }));
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T narrows the row builder's argument per kind
function columns<T extends StoredObject>(
  cols: readonly Col[],
  cells: (o: T, now: number) => (string | number)[],
): TableColumns {
  return { columns: defs(cols), cells: (o, now) => cells(o as T, now) };
}

const age = (o: { metadata: { creationTimestamp?: string } }, now: number): string =>
  ageOf(o.metadata.creationTimestamp, now);

type LabelSelectorLike =
  | {
      readonly matchLabels?: Readonly<Record<string, string>> | undefined;
      readonly matchExpressions?:
        | readonly { key: string; operator: string; values?: readonly string[] | undefined }[]
        | undefined;
    }
  | undefined;

interface WithPodTemplate {
  readonly spec: {
    readonly template: {
      readonly spec: {
        readonly containers: readonly { name: string; image?: string | undefined }[];
      };
    };
    readonly selector?: LabelSelectorLike;
  };
}

const containerNames = (o: WithPodTemplate): string =>
  o.spec.template.spec.containers.map((c) => c.name).join(',');
const containerImages = (o: WithPodTemplate): string =>
  o.spec.template.spec.containers.map((c) => c.image ?? '').join(',');

/** metav1.FormatLabelSelector: `a=b,c in (d)`, `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelectorLike): string {
  if (sel === undefined) return '<none>';
  const parts = Object.entries(sel.matchLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator;
    if (op === 'Exists') parts.push(e.key);
    else if (op === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${op} (${(e.values ?? []).join(',')})`);
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

const pods = columns<Pod>(
  [
    ['Name'],
    ['Ready'],
    ['Status'],
    ['Restarts'],
    ['Age'],
    ['IP', 'string', 1],
    ['Node', 'string', 1],
    ['Nominated Node', 'string', 1],
    ['Readiness Gates', 'string', 1],
  ],
  (pod, now) => {
    const c = podColumns(pod, now);
    const gates = pod.spec.readinessGates ?? [];
    const conds = pod.status.conditions ?? [];
    const trueGates = gates.filter((g) =>
      conds.some((x) => x.type === g.conditionType && x.status === 'True'),
    ).length;
    return [
      pod.metadata.name,
      c.ready,
      c.status,
      c.restarts,
      age(pod, now),
      pod.status.podIP ?? '<none>',
      pod.spec.nodeName ?? '<none>',
      pod.status.nominatedNodeName ?? '<none>',
      gates.length === 0 ? '<none>' : `${trueGates}/${gates.length}`,
    ];
  },
);

const services = columns<Service>(
  [
    ['Name'],
    ['Type'],
    ['Cluster-IP'],
    ['External-IP'],
    ['Port(s)'],
    ['Age'],
    ['Selector', 'string', 1],
  ],
  (svc, now) => [
    svc.metadata.name,
    svc.spec.type,
    // printService: the first of spec.clusterIPs (empty for ExternalName), else <none>.
    svc.spec.clusterIPs?.[0] ??
      (svc.spec.type === 'ExternalName' ? '<none>' : (svc.spec.clusterIP ?? '<none>')),
    serviceExternalIP(svc),
    servicePorts(svc),
    age(svc, now),
    svc.spec.selector === undefined || Object.keys(svc.spec.selector).length === 0
      ? '<none>'
      : Object.entries(svc.spec.selector)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
  ],
);

const endpointSlices = columns<EndpointSlice>(
  [['Name'], ['AddressType'], ['Ports'], ['Endpoints'], ['Age']],
  (slice, now) => [
    slice.metadata.name,
    slice.addressType,
    listWithMore(slice.ports.map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*')))),
    listWithMore(slice.endpoints.flatMap((e) => e.addresses)),
    age(slice, now),
  ],
);

const endpoints = columns<Endpoints>([['Name'], ['Endpoints'], ['Age']], (ep, now) => {
  const list: string[] = [];
  for (const s of ep.subsets ?? []) {
    for (const a of s.addresses ?? []) {
      const ports = s.ports ?? [];
      if (ports.length === 0) list.push(a.ip);
      for (const p of ports) list.push(`${a.ip}:${p.port}`);
    }
  }
  return [ep.metadata.name, list.length === 0 ? '<none>' : listWithMore(list), age(ep, now)];
});

const deployments = columns<Deployment>(
  [
    ['Name'],
    ['Ready'],
    ['Up-to-date', 'integer'],
    ['Available', 'integer'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1],
  ],
  (d, now) => [
    d.metadata.name,
    `${d.status.readyReplicas ?? 0}/${d.spec.replicas}`,
    d.status.updatedReplicas ?? 0,
    d.status.availableReplicas ?? 0,
    age(d, now),
    containerNames(d),
    containerImages(d),
    formatLabelSelector(d.spec.selector),
  ],
);

const replicaSets = columns<ReplicaSet>(
  [
    ['Name'],
    ['Desired', 'integer'],
    ['Current', 'integer'],
    ['Ready', 'integer'],
    ['Age'],
    ['Containers', 'string', 1],
    ['Images', 'string', 1],
    ['Selector', 'string', 1],
  ],
  (rs, now) => [
    rs.metadata.name,
    rs.spec.replicas,
    rs.status.replicas,
    rs.status.readyReplicas ?? 0,
    age(rs, now),
    containerNames(rs),
    containerImages(rs),
    formatLabelSelector(rs.spec.selector),
  ],
);

const statefulSets = columns<StatefulSet>(
  [['Name'], ['Ready'], ['Age'], ['Containers', 'string', 1], ['Images', 'string', 1]],
  (ss, now) => [
    ss.metadata.name,
    `${ss.status.readyReplicas ?? 0}/${ss.spec.replicas}`,
    age(ss, now),
    containerNames(ss),
    containerImages(ss),
  ],
);

const nodes = columns<Node>(
  [
    ['Name'],
    ['Status'],
    ['Roles'],
    ['Age'],
    ['Version'],
    ['Internal-IP', 'string', 1],
    ['External-IP', 'string', 1],
    ['OS-Image', 'string', 1],
    ['Kernel-Version', 'string', 1],
    ['Container-Runtime', 'string', 1],
  ],
  (node, now) => {
    const addr = (t: string): string =>
      node.status.addresses?.find((a) => a.type === t)?.address ?? '<none>';
    const info = node.status.nodeInfo ?? {};
    return [
      node.metadata.name,
      nodeStatus(node),
      nodeRoles(node),
      age(node, now),
      info['kubeletVersion'] ?? '',
      addr('InternalIP'),
      addr('ExternalIP'),
      info['osImage'] ?? '<unknown>',
      info['kernelVersion'] ?? '<unknown>',
      info['containerRuntimeVersion'] ?? '<unknown>',
    ];
  },
);

const namespaces = columns<Namespace>([['Name'], ['Status'], ['Age']], (ns, now) => [
  ns.metadata.name,
  ns.status.phase,
  age(ns, now),
]);

const pdbs = columns<PodDisruptionBudget>(
  [['Name'], ['Min Available'], ['Max Unavailable'], ['Allowed Disruptions', 'integer'], ['Age']],
  (pdb, now) => [
    pdb.metadata.name,
    pdb.spec.minAvailable === undefined ? 'N/A' : String(pdb.spec.minAvailable),
    pdb.spec.maxUnavailable === undefined ? 'N/A' : String(pdb.spec.maxUnavailable),
    pdb.status.disruptionsAllowed,
    age(pdb, now),
  ],
);

const events = columns<Event>(
  [
    ['Last Seen'],
    ['Type'],
    ['Reason'],
    ['Object'],
    ['Subobject', 'string', 1],
    ['Source', 'string', 1],
    ['Message'],
    ['First Seen', 'string', 1],
    ['Count', 'integer', 1],
    ['Name', 'string', 1],
  ],
  (ev, now) => {
    const last = ev.lastTimestamp ?? ev.metadata.creationTimestamp;
    const first = ev.firstTimestamp ?? ev.metadata.creationTimestamp;
    const src = ev.source?.component ?? '';
    const host = ev.source?.host;
    return [
      ageOf(last, now),
      ev.type,
      ev.reason,
      `${(ev.involvedObject.kind ?? '').toLowerCase()}/${ev.involvedObject.name}`,
      ev.involvedObject.fieldPath ?? '',
      host === undefined || host === '' ? src : `${src}, ${host}`,
      ev.message.trim(),
      ageOf(first, now),
      ev.count ?? 1,
      ev.metadata.name,
    ];
  },
);

const generic = columns<StoredObject>([['Name'], ['Age']], (o, now) => [
  o.metadata.name,
  age(o, now),
]);

const BY_KIND: Readonly<Record<string, TableColumns>> = {
  Pod: pods,
  Service: services,
  EndpointSlice: endpointSlices,
  Endpoints: endpoints,
  Deployment: deployments,
  ReplicaSet: replicaSets,
  StatefulSet: statefulSets,
  Node: nodes,
  Namespace: namespaces,
  PodDisruptionBudget: pdbs,
  Event: events,
};

/** The built-in kinds with columns of their own (others get Name and Age). */
export const KINDS_WITH_COLUMNS: readonly string[] = Object.keys(BY_KIND);

/** The columns of `kind` (Name and Age for a kind without a printer, as upstream's default). */
export function tableColumnsOf(kind: string): TableColumns {
  return BY_KIND[kind] ?? generic;
}

/** Go's `%v` of a float64: shortest digits, exponent form below 1e-4 or from 1e6 (strconv 'g', -1). */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    const [mantissa = '', e = '0'] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(n);
}

/** `fmt.Fprint` of a JSON value as decoded into Go (integers as int64, maps with sorted keys). */
function goText(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (depth > 32) return '...';
  if (Array.isArray(v)) return `[${v.map((x: unknown) => goText(x, depth + 1)).join(' ')}]`;
  const o = v as Record<string, unknown>;
  const entries = Object.keys(o)
    .sort()
    .map((k) => `${k}:${goText(o[k], depth + 1)}`);
  return `map[${entries.join(' ')}]`;
}

/**
 * A cell as kubectl's table printer writes it (cli-runtime printers/tableprinter.go printRows):
 * nothing for null, a string up to its first newline, carriage return or form feed (then `...`),
 * other values as Go's `fmt.Sprint` of the decoded JSON (integers whole, floats shortest).
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') {
    const cut = cell.search(/[\f\n\r]/);
    return cut < 0 ? cell : `${cell.slice(0, cut)}...`;
  }
  return goText(cell);
}

/**
 * One printer column's cell (apiextensions-apiserver tableconvertor): the first value the path
 * finds, or nothing when it finds none or fails; a `string` column prints any value as client-go's
 * jsonpath does (`<no value>` for null), the others keep a value of their own type only, and a
 * `date` column is the age of an RFC 3339 timestamp (`<unknown>` when empty, `<invalid>` when it
 * does not parse).
 */
function customCell(
  type: string,
  path: CompiledJsonPath | undefined,
  obj: unknown,
  nowEpochMs: number,
): Cell {
  if (path === undefined) return null;
  let found: unknown[];
  try {
    found = path.find(obj);
  } catch {
    return null;
  }
  if (found.length === 0) return null;
  const value = found[0];
  if (type === 'string') return value === null ? '<no value>' : goText(value);
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date': {
      if (typeof value !== 'string') return null;
      if (value === '' || value === 'null') return '<unknown>';
      const t = parseTimestamp(value);
      return t === undefined ? '<invalid>' : humanDuration(nowEpochMs - t);
    }
    default:
      return null;
  }
}

/**
 * The Table of a custom kind at one version: Name, then the version's printer columns
 * (`additionalPrinterColumns`, or Age alone when it declares none), each with its type, format,
 * priority (above 0: `-o wide` only) and description.
 */
export function customTableColumns(
  columns: readonly CustomResourceColumnDefinition[],
): TableColumns {
  const paths = columns.map((c) => {
    try {
      return compileJsonPath(c.jsonPath);
    } catch {
      return undefined;
    }
  });
  return {
    columns: [
      {
        name: 'Name',
        type: 'string',
        format: 'name',
        description: 'Name must be unique within a namespace.',
        priority: 0,
      },
      ...columns.map((c) => ({
        name: c.name,
        type: c.type,
        format: c.format ?? '',
        description:
          c.description ?? `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
        priority: c.priority ?? 0,
      })),
    ],
    cells: (o, now) => [
      o.metadata.name,
      ...columns.map((c, i) => customCell(c.type, paths[i], o, now)),
    ],
  };
}
