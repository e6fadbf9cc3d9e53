/**
 * One line per interesting object change, for the event list: `Pod default/web-x Ready → False`,
 * `Node node-2 cordoned`, `ReplicaSet default/web-7d scaled 3 → 2`. Unremarkable changes (status
 * bookkeeping, resourceVersion bumps) give no line.
 * @packageDocumentation
 */
import type { EndpointSlice, Event, Node, Pod } from '@kubesim/core';

/** A category for styling an event-list row. */
export type RowCategory = 'fault' | 'node' | 'pod' | 'slice' | 'workload' | 'event' | 'other';

/** One summarised change. */
export interface ChangeSummary {
  readonly category: RowCategory;
  readonly text: string;
}

const condition = (conds: readonly { type: string; status: string }[] | undefined, type: string) =>
  conds?.find((c) => c.type === type)?.status;

const restarts = (pod: Pod | undefined): number =>
  (pod?.status.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0);

function podChange(key: string, before: Pod | undefined, after: Pod | undefined): string[] {
  const name = `Pod ${key}`;
  if (after === undefined) return [`${name} deleted`];
  if (before === undefined) {
    const on = after.spec.nodeName === undefined ? '' : ` on ${after.spec.nodeName}`;
    return [`${name} created${on}`];
  }
  const out: string[] = [];
  if (before.spec.nodeName === undefined && after.spec.nodeName !== undefined) {
    out.push(`scheduled to ${after.spec.nodeName}`);
  }
  if (before.status.phase !== after.status.phase) {
    out.push(`phase ${before.status.phase} → ${after.status.phase}`);
  }
  const r0 = condition(before.status.conditions, 'Ready');
  const r1 = condition(after.status.conditions, 'Ready');
  if (r0 !== r1 && r1 !== undefined) out.push(`Ready → ${r1}`);
  if (restarts(after) > restarts(before)) out.push(`restarted (restarts ${restarts(after)})`);
  if (
    before.metadata.deletionTimestamp === undefined &&
    after.metadata.deletionTimestamp !== undefined
  ) {
    out.push(`terminating (grace ${after.metadata.deletionGracePeriodSeconds ?? 0}s)`);
  }
  return out.length === 0 ? [] : [`${name} ${out.join(', ')}`];
}

const taintText = (t: { key: string; value?: string; effect: string }): string =>
  `${t.key}${t.value === undefined || t.value === '' ? '' : `=${t.value}`}:${t.effect}`;

function nodeChange(key: string, before: Node | undefined, after: Node | undefined): string[] {
  const name = `Node ${key}`;
  if (after === undefined) return [`${name} deleted`];
  if (before === undefined) return [`${name} added`];
  const out: string[] = [];
  const r0 = condition(before.status.conditions, 'Ready');
  const r1 = condition(after.status.conditions, 'Ready');
  if (r0 !== r1) out.push(`Ready → ${r1 ?? 'none'}`);
  const c0 = before.spec.unschedulable === true;
  const c1 = after.spec.unschedulable === true;
  if (c0 !== c1) out.push(c1 ? 'cordoned' : 'uncordoned');
  const t0 = new Set((before.spec.taints ?? []).map(taintText));
  const t1 = new Set((after.spec.taints ?? []).map(taintText));
  for (const t of t1) if (!t0.has(t)) out.push(`tainted ${t}`);
  for (const t of t0) if (!t1.has(t)) out.push(`untainted ${t}`);
  return out.length === 0 ? [] : [`${name} ${out.join(', ')}`];
}

const sliceCounts = (s: EndpointSlice | undefined): string => {
  if (s === undefined) return '';
  const ready = s.endpoints.filter((e) => e.conditions.ready ?? true).length;
  return `${ready}/${s.endpoints.length}`;
};

function sliceChange(
  key: string,
  before: EndpointSlice | undefined,
  after: EndpointSlice | undefined,
): string[] {
  const name = `EndpointSlice ${key}`;
  if (after === undefined) return [`${name} deleted`];
  const c0 = sliceCounts(before);
  const c1 = sliceCounts(after);
  return c0 === c1 ? [] : [`${name} ${c1} endpoints ready`];
}

interface Scalable {
  readonly spec: { readonly replicas?: number };
}

function workloadChange(
  kind: string,
  key: string,
  before: Scalable | undefined,
  after: Scalable | undefined,
): string[] {
  const name = `${kind} ${key}`;
  if (after === undefined) return [`${name} deleted`];
  if (before === undefined) {
    return [
      `${name} created${after.spec.replicas === undefined ? '' : ` (replicas ${after.spec.replicas})`}`,
    ];
  }
  const r0 = before.spec.replicas;
  const r1 = after.spec.replicas;
  return r0 === r1 ? [] : [`${name} scaled ${r0 ?? 0} → ${r1 ?? 0}`];
}

/** Summarises one object change, or returns undefined when it is not worth a row. */
export function summarizeChange(
  kind: string,
  key: string,
  before: unknown,
  after: unknown,
): ChangeSummary | undefined {
  let lines: string[];
  let category: RowCategory;
  switch (kind) {
    case 'Pod':
      lines = podChange(key, before as Pod | undefined, after as Pod | undefined);
      category = 'pod';
      break;
    case 'Node':
      lines = nodeChange(key, before as Node | undefined, after as Node | undefined);
      category = 'node';
      break;
    case 'EndpointSlice':
      lines = sliceChange(
        key,
        before as EndpointSlice | undefined,
        after as EndpointSlice | undefined,
      );
      category = 'slice';
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      lines = workloadChange(
        kind,
        key,
        before as Scalable | undefined,
        after as Scalable | undefined,
      );
      category = 'workload';
      break;
    case 'Service':
      lines =
        after === undefined
          ? [`Service ${key} deleted`]
          : before === undefined
            ? [`Service ${key} created`]
            : [];
      category = 'workload';
      break;
    default:
      return undefined;
  }
  return lines.length === 0 ? undefined : { category, text: lines.join('; ') };
}

/** A recorded Kubernetes Event (evictions, NodeNotReady, …) as a row; `Scheduled` is left out. */
export function summarizeEvent(ev: Event): ChangeSummary | undefined {
  if (ev.reason === 'Scheduled') return undefined;
  const o = ev.involvedObject;
  const what = `${o.kind ?? ''} ${o.namespace === undefined ? '' : `${o.namespace}/`}${o.name ?? ''}`;
  return { category: 'event', text: `${ev.type} ${ev.reason} ${what}: ${ev.message}` };
}
