/**
 * `kubectl get <kind>` as a string.
 * @packageDocumentation
 */
import type { Kind, KindMap } from '@kubesim/core';
import { KubectlUnsupportedError } from './errors.js';
import { PRINTERS, type Printer } from './printers.js';
import { nowEpoch, type KubectlClockOptions, type KubectlSource } from './source.js';
import { GET_TABWRITER, tabwrite } from './tabwriter.js';

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
}

const CLUSTER_SCOPED: ReadonlySet<string> = new Set(['Node', 'Namespace']);

/** Byte order, as the API server lists by key. */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Prints what `kubectl get` prints for `kind`: pods (NAME READY STATUS RESTARTS AGE NODE),
 * services, endpointslices, deployments, replicasets, statefulsets and nodes, aligned like
 * kubectl's tabwriter (3 spaces between columns), ages on the virtual clock. With no object it
 * prints kubectl's `No resources found in <ns> namespace.` line.
 *
 * @throws KubectlUnsupportedError for a kind without a printer.
 * @example
 * table(sim, 'Pod')
 * // NAME                  READY   STATUS    RESTARTS   AGE   NODE
 * // web-c8b4885f4-94w5x   1/1     Running   0          32s   node-2
 */
export function table(sim: KubectlSource, kind: Kind, opts: TableOptions = {}): string {
  const printer = PRINTERS[kind] as Printer<Kind> | undefined;
  if (printer === undefined) {
    throw new KubectlUnsupportedError('get', kind, Object.keys(PRINTERS));
  }
  const namespaced = !CLUSTER_SCOPED.has(kind);
  const all = opts.allNamespaces === true || !namespaced;
  const namespace = opts.namespace ?? 'default';
  const objects: KindMap[Kind][] = sim.list(kind, {
    ...(all ? {} : { namespace }),
    ...(opts.labelSelector !== undefined ? { labelSelector: opts.labelSelector } : {}),
  });
  if (objects.length === 0) {
    return all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
  }
  const ns = (o: KindMap[Kind]): string => o.metadata.namespace ?? '';
  const sorted = [...objects].sort(
    (a, b) => byKey(ns(a), ns(b)) || byKey(a.metadata.name, b.metadata.name),
  );
  const now = nowEpoch(sim, opts);
  const withNs = namespaced && opts.allNamespaces === true;
  const rows = [
    [...(withNs ? ['NAMESPACE'] : []), ...printer.headers],
    ...sorted.map((o) => [...(withNs ? [ns(o)] : []), ...printer.row(o, now)]),
  ];
  return tabwrite(rows.map((r) => `${r.join('\t')}\n`).join(''), GET_TABWRITER);
}
