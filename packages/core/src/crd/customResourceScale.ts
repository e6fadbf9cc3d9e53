/**
 * The scale subresource of a custom kind (apiextensions-apiserver
 * pkg/registry/customresource/etcd.go `ScaleREST`): replicas read from and written to the paths the
 * CRD names (`.spec.replicas`, `.status.replicas`, `.status.selector`).
 * @packageDocumentation
 */
import type { CustomResourceScale } from './customResourceDefinition.js';
import { isJsonObject } from './schemaTypes.js';

function segments(path: string): string[] {
  return path.split('.').filter((s) => s !== '');
}

function read(obj: unknown, path: string): unknown {
  let at: unknown = obj;
  for (const s of segments(path)) {
    if (!isJsonObject(at)) return undefined;
    at = at[s];
  }
  return at;
}

/** The autoscaling/v1 Scale of a custom object. Missing replicas read as 0, as upstream. */
export function customScaleOf(
  scale: CustomResourceScale,
  obj: { readonly metadata: { readonly name: string; readonly namespace?: string } },
): { specReplicas: number; statusReplicas: number; selector: string | undefined } {
  const spec = read(obj, scale.specReplicasPath);
  const status = read(obj, scale.statusReplicasPath);
  const selector =
    scale.labelSelectorPath === undefined ? undefined : read(obj, scale.labelSelectorPath);
  return {
    specReplicas: typeof spec === 'number' ? spec : 0,
    statusReplicas: typeof status === 'number' ? status : 0,
    selector: typeof selector === 'string' ? selector : undefined,
  };
}

/** A copy of `obj` with `replicas` at the spec replicas path (intermediate objects created). */
export function withCustomScale<T extends object>(
  scale: CustomResourceScale,
  obj: T,
  replicas: number,
): T {
  const out = structuredClone(obj) as Record<string, unknown>;
  const path = segments(scale.specReplicasPath);
  let at = out;
  path.slice(0, -1).forEach((s) => {
    const next = at[s];
    if (!isJsonObject(next)) at[s] = {};
    at = at[s] as Record<string, unknown>;
  });
  const last = path[path.length - 1];
  if (last !== undefined) at[last] = replicas;
  return out as T;
}
