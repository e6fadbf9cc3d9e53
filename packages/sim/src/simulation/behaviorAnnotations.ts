/**
 * `kubesim.io/behavior` annotations checked at apply: a bad key or value is a ValidationError
 * naming the annotation, not a pod that silently runs the default behaviour.
 * @packageDocumentation
 */
import { ValidationError, type FieldIssue, type KubeObjectInput } from '@kubesim/core';
import { BEHAVIOR_ANNOTATION, readBehaviorAnnotation } from '../kubelet/behavior.js';
import { BehaviorInvalidError } from '../kubelet/kubeletErrors.js';

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a kind carries the annotation the kubelet reads: the pod's, or its template's. */
const ANNOTATION_HOLDERS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['metadata'],
  Deployment: ['spec', 'template', 'metadata'],
  ReplicaSet: ['spec', 'template', 'metadata'],
  StatefulSet: ['spec', 'template', 'metadata'],
};

function annotationOf(o: unknown, path: readonly string[]): unknown {
  let at: unknown = o;
  for (const step of path) {
    if (!isMap(at)) return undefined;
    at = at[step];
  }
  return isMap(at) && isMap(at.annotations) ? at.annotations[BEHAVIOR_ANNOTATION] : undefined;
}

/** The issues of `o`'s behaviour annotation ([] when it has none or it reads). */
export function behaviorIssues(o: unknown): FieldIssue[] {
  const kind = isMap(o) && typeof o.kind === 'string' ? o.kind : '';
  const holder = Object.hasOwn(ANNOTATION_HOLDERS, kind) ? ANNOTATION_HOLDERS[kind] : undefined;
  if (holder === undefined) return [];
  const text = annotationOf(o, holder);
  if (typeof text !== 'string') return [];
  const path = `${holder.join('.')}.annotations[${BEHAVIOR_ANNOTATION}]`;
  try {
    readBehaviorAnnotation(text);
    return [];
  } catch (err) {
    if (!(err instanceof BehaviorInvalidError)) throw err;
    return [
      {
        path,
        type: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(text)}: ${err.message}`,
      },
    ];
  }
}

/**
 * Refuses manifests whose `kubesim.io/behavior` annotation does not read.
 * @throws ValidationError naming the annotation and the field of the behaviour.
 */
export function checkBehaviorAnnotations(objects: readonly KubeObjectInput[]): void {
  for (const o of objects) {
    const issues = behaviorIssues(o);
    if (issues.length > 0) {
      const name = (o as { metadata?: { name?: unknown } }).metadata?.name;
      throw new ValidationError(issues, String(o.kind), typeof name === 'string' ? name : '');
    }
  }
}
