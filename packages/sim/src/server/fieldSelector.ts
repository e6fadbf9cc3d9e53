/**
 * Field selectors of list and watch: `metadata.name=web,status.phase!=Running` with `=`, `==` and
 * `!=` (apimachinery pkg/fields/selector.go), on the fields each kind supports
 * (pkg/registry/core/pod/strategy.go ToSelectableFields, event strategy, node strategy, …).
 * @packageDocumentation
 */
import type { StoredObject } from '@kubesim/core';
import { ApiError, badRequest } from './status.js';

/** One requirement of a field selector. */
export interface FieldRequirement {
  readonly field: string;
  readonly op: '=' | '!=';
  readonly value: string;
}

type Getter = (o: Record<string, unknown>) => string | undefined;

const path =
  (...keys: string[]): Getter =>
  (o) => {
    let cur: unknown = o;
    for (const k of keys) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[k];
    }
    return typeof cur === 'string' || typeof cur === 'number' || typeof cur === 'boolean'
      ? String(cur)
      : undefined;
  };

const COMMON: Readonly<Record<string, Getter>> = {
  'metadata.name': path('metadata', 'name'),
  'metadata.namespace': path('metadata', 'namespace'),
};

const BY_KIND: Readonly<Record<string, Readonly<Record<string, Getter>>>> = {
  Pod: {
    'spec.nodeName': path('spec', 'nodeName'),
    'spec.restartPolicy': path('spec', 'restartPolicy'),
    'spec.schedulerName': path('spec', 'schedulerName'),
    'spec.serviceAccountName': path('spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) => path('spec', 'hostNetwork')(o) ?? 'false',
    'status.phase': path('status', 'phase'),
    'status.podIP': path('status', 'podIP'),
    'status.nominatedNodeName': path('status', 'nominatedNodeName'),
  },
  Event: {
    'involvedObject.kind': path('involvedObject', 'kind'),
    'involvedObject.namespace': path('involvedObject', 'namespace'),
    'involvedObject.name': path('involvedObject', 'name'),
    'involvedObject.uid': path('involvedObject', 'uid'),
    'involvedObject.apiVersion': path('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': path('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': path('involvedObject', 'fieldPath'),
    reason: path('reason'),
    reportingComponent: path('reportingComponent'),
    source: path('source', 'component'),
    type: path('type'),
  },
  Node: { 'spec.unschedulable': (o) => path('spec', 'unschedulable')(o) ?? 'false' },
  Namespace: { 'status.phase': path('status', 'phase') },
  Secret: { type: path('type') },
  ReplicaSet: { 'status.replicas': path('status', 'replicas') },
  ReplicationController: { 'status.replicas': path('status', 'replicas') },
  Job: { 'status.successful': path('status', 'succeeded') },
};

/** Parses a field selector; throws 400 BadRequest on bad syntax or an unsupported field. */
export function parseFieldSelector(text: string, kind: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  for (const term of text.split(',')) {
    const t = term.trim();
    if (t === '') continue;
    const m = /^([^=!]+?)\s*(==|!=|=)\s*(.*)$/.exec(t);
    if (m === null) throw badRequest(`invalid selector: '${text}'; can't understand '${t}'`);
    const field = m[1] ?? '';
    if (COMMON[field] === undefined && BY_KIND[kind]?.[field] === undefined) {
      throw new ApiError(400, 'BadRequest', `field label not supported: ${field}`);
    }
    out.push({ field, op: m[2] === '!=' ? '!=' : '=', value: m[3] ?? '' });
  }
  return out;
}

/** True when `obj` satisfies every requirement. */
export function matchesFields(
  obj: StoredObject,
  reqs: readonly FieldRequirement[],
  kind: string,
): boolean {
  for (const r of reqs) {
    const get = COMMON[r.field] ?? BY_KIND[kind]?.[r.field];
    const value = get?.(obj as unknown as Record<string, unknown>) ?? '';
    if ((value === r.value) !== (r.op === '=')) return false;
  }
  return true;
}
