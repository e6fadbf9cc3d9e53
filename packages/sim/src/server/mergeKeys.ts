/**
 * Which lists merge by key in strategic merge patch and server-side apply, after the
 * `x-kubernetes-patch-merge-key` / `x-kubernetes-list-map-keys` of upstream's OpenAPI (core/v1
 * and apps/v1 types.go `patchMergeKey` tags). Lists not named here are atomic (replaced whole).
 * @packageDocumentation
 */

/** How a list merges. */
export type ListStrategy =
  | { readonly type: 'map'; readonly keys: readonly string[] }
  | { readonly type: 'set' }
  | { readonly type: 'atomic' };

const BY_FIELD: Readonly<Record<string, ListStrategy>> = {
  containers: { type: 'map', keys: ['name'] },
  initContainers: { type: 'map', keys: ['name'] },
  ephemeralContainers: { type: 'map', keys: ['name'] },
  env: { type: 'map', keys: ['name'] },
  volumes: { type: 'map', keys: ['name'] },
  volumeMounts: { type: 'map', keys: ['mountPath'] },
  volumeDevices: { type: 'map', keys: ['devicePath'] },
  imagePullSecrets: { type: 'map', keys: ['name'] },
  hostAliases: { type: 'map', keys: ['ip'] },
  conditions: { type: 'map', keys: ['type'] },
  ownerReferences: { type: 'map', keys: ['uid'] },
  topologySpreadConstraints: { type: 'map', keys: ['topologyKey', 'whenUnsatisfiable'] },
  resourceClaims: { type: 'map', keys: ['name'] },
  readinessGates: { type: 'map', keys: ['conditionType'] },
  containerStatuses: { type: 'atomic' },
  finalizers: { type: 'set' },
};

/**
 * The strategy of the list at `path` (field names from the object root, list indexes left out).
 * `ports` merges by `containerPort` in a container and by `port` (and protocol) in a Service.
 */
export function listStrategy(path: readonly string[]): ListStrategy {
  const field = path[path.length - 1] ?? '';
  if (field === 'ports') {
    const parent = path[path.length - 2] ?? '';
    if (
      parent === 'containers' ||
      parent === 'initContainers' ||
      parent === 'ephemeralContainers'
    ) {
      return { type: 'map', keys: ['containerPort', 'protocol'] };
    }
    if (parent === 'spec' && path.length === 2) return { type: 'map', keys: ['port', 'protocol'] };
    return { type: 'atomic' };
  }
  return BY_FIELD[field] ?? { type: 'atomic' };
}

/** The key of a list item under a map strategy (missing protocol reads as TCP, as upstream defaults). */
export function itemKey(item: unknown, keys: readonly string[]): string {
  if (item === null || typeof item !== 'object') return JSON.stringify(item);
  const rec = item as Record<string, unknown>;
  return JSON.stringify(keys.map((k) => rec[k] ?? (k === 'protocol' ? 'TCP' : null)));
}
