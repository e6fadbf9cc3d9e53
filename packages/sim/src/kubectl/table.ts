/**
 * `kubectl get <kind>` as a string: the API server's Table for the kind (the same columns and
 * cells `sim.serve()` answers kubectl with), printed as kubectl prints a Table.
 * @packageDocumentation
 */
import { customKindOf, type CustomKind, type Kind, type StoredObject } from '@kubesim/core';
import { KubectlUnsupportedError } from './errors.js';
import { nowEpoch, type KubectlClockOptions, type KubectlSource } from './source.js';
import { GET_TABWRITER, tabwrite } from './tabwriter.js';
import {
  cellText,
  KINDS_WITH_COLUMNS,
  tableColumnsOf,
  type TableColumns,
} from '../server/tableColumns.js';
import { customKindColumns } from '../server/tables.js';

/** Options of {@link table}. */
export interface TableOptions extends KubectlClockOptions {
  /**
   * The namespace to list (namespaced kinds).
   * @defaultValue `'default'`, as kubectl without `-n`
   */
  readonly namespace?: string;
  /** Every namespace, with a NAMESPACE column first (`kubectl get -A`). @defaultValue false */
  readonly allNamespaces?: boolean;
  /** A label selector in the string syntax (`-l app=web`). */
  readonly labelSelector?: string;
  /**
   * The columns of priority above 0 too (`kubectl get -o wide`: a pod's IP and NODE, …).
   * @defaultValue false
   */
  readonly wide?: boolean;
}

const CLUSTER_SCOPED: ReadonlySet<string> = new Set(['Node', 'Namespace']);

/** Byte order, as the API server lists by key. */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The custom kind `kind` of the source's CRDs, when the source lists them. */
function customKind(sim: KubectlSource, kind: string): CustomKind | undefined {
  if (sim.listInert === undefined || KINDS_WITH_COLUMNS.includes(kind)) return undefined;
  for (const crd of sim.listInert('CustomResourceDefinition')) {
    const custom = customKindOf(crd);
    if (custom?.kind === kind) return custom;
  }
  return undefined;
}

/**
 * Prints what `kubectl get` prints for `kind`: the columns the API server's Table defines for it
 * (pods: NAME READY STATUS RESTARTS AGE; services, endpointslices, endpoints, deployments,
 * replicasets, statefulsets, nodes, namespaces, poddisruptionbudgets, events; a custom kind: NAME
 * and its CRD's `additionalPrinterColumns` at the preferred version, NAME and AGE when it declares
 * none), aligned like kubectl's tabwriter (3 spaces between columns), ages on the virtual clock.
 * With no object it prints kubectl's `No resources found in <ns> namespace.` line.
 *
 * @throws KubectlUnsupportedError for a kind without columns of its own.
 * @example
 * table(sim, 'Pod')
 * // NAME                  READY   STATUS    RESTARTS   AGE
 * // web-c8b4885f4-94w5x   1/1     Running   0          32s
 */
export function table(
  sim: KubectlSource,
  kind: Kind | (string & {}),
  opts: TableOptions = {},
): string {
  const custom = customKind(sim, kind);
  let columns: TableColumns | undefined;
  if (custom !== undefined) columns = customKindColumns(custom);
  else if (KINDS_WITH_COLUMNS.includes(kind)) columns = tableColumnsOf(kind);
  if (columns === undefined) {
    throw new KubectlUnsupportedError('get', kind, [...KINDS_WITH_COLUMNS]);
  }
  const namespaced = custom !== undefined ? custom.namespaced : !CLUSTER_SCOPED.has(kind);
  const all = opts.allNamespaces === true || !namespaced;
  const namespace = opts.namespace ?? 'default';
  const listOpts = {
    ...(all ? {} : { namespace }),
    ...(opts.labelSelector !== undefined ? { labelSelector: opts.labelSelector } : {}),
  };
  const objects: readonly StoredObject[] =
    custom !== undefined && sim.listInert !== undefined
      ? sim.listInert(kind, listOpts)
      : sim.list(kind as Kind, listOpts);
  if (objects.length === 0) {
    return all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
  }
  const ns = (o: StoredObject): string => o.metadata.namespace ?? '';
  const sorted = [...objects].sort(
    (a, b) => byKey(ns(a), ns(b)) || byKey(a.metadata.name, b.metadata.name),
  );
  const now = nowEpoch(sim, opts);
  const shown = columns.columns.flatMap((c, i) =>
    opts.wide === true || c.priority === 0 ? [i] : [],
  );
  const withNs = namespaced && opts.allNamespaces === true;
  const t = columns;
  const rows = [
    [...(withNs ? ['NAMESPACE'] : []), ...shown.map((i) => t.columns[i]?.name.toUpperCase())],
    ...sorted.map((o) => {
      const cells = t.cells(o, now);
      return [...(withNs ? [ns(o)] : []), ...shown.map((i) => cellText(cells[i] ?? null))];
    }),
  ];
  return tabwrite(rows.map((r) => `${r.join('\t')}\n`).join(''), GET_TABWRITER);
}
