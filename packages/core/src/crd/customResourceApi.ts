/**
 * What an API server publishes for a resource: its discovery entry (built-in and custom kinds
 * alike; a custom kind has one per served version, with the status and scale subresources it
 * declares) and the OpenAPI v3 document of a group
 * version that `kubectl explain` reads (apiextensions-apiserver pkg/controller/openapi/builder
 * builds the same shape: the CRD schema plus apiVersion, kind and metadata, tagged with
 * `x-kubernetes-group-version-kind`).
 * @packageDocumentation
 */
import type { CustomKind, CustomKindVersion } from './customResourceDefinition.js';
import type { JsonSchemaProps } from './schemaTypes.js';

/** A subresource as discovery lists it: its own kind and group/version where upstream has one. */
export interface ApiSubresourceEntry {
  readonly name: string;
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly verbs: readonly string[];
}

/**
 * One resource an API server serves (a kind at one group/version), as discovery lists it; the
 * same shape for built-in and custom kinds.
 */
export interface ApiResourceEntry {
  readonly kind: string;
  /** `''` for the core group. */
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  readonly subresources: readonly ApiSubresourceEntry[];
  /** True for the kinds kubesim simulates (typed store access); false for inert and custom kinds. */
  readonly simulated: boolean;
}

/**
 * A custom kind's discovery entry, by its earlier name.
 * @deprecated Use {@link ApiResourceEntry}, the one shape for built-in and custom kinds.
 */
export type CustomResourceEntry = ApiResourceEntry;

/**
 * A custom kind's subresource entry, by its earlier name.
 * @deprecated Use {@link ApiSubresourceEntry}.
 */
export type CustomSubresource = ApiSubresourceEntry;

/** The verbs of every served resource. */
export const RESOURCE_VERBS: readonly string[] = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
const SUB_VERBS: readonly string[] = ['get', 'patch', 'update'];

/** What {@link apiResourceEntry} builds an entry from. */
export interface ApiResourceSpec {
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  readonly simulated: boolean;
  /** `pods/eviction` (policy/v1 Eviction). */
  readonly eviction?: boolean;
  /** A `scale` subresource (autoscaling/v1 Scale). */
  readonly scale?: boolean;
  /** A `status` subresource (the kind itself). */
  readonly status?: boolean;
}

/**
 * The discovery entry of one served resource; subresources in upstream's order: eviction, scale
 * (autoscaling/v1 Scale), status (the kind itself) — pkg/registry/…/storage EvictionREST,
 * ScaleREST, StatusREST; apiextensions-apiserver serves the same two for a CRD that declares them.
 */
export function apiResourceEntry(spec: ApiResourceSpec): ApiResourceEntry {
  const subresources: ApiSubresourceEntry[] = [];
  if (spec.eviction === true) {
    subresources.push({
      name: 'eviction',
      kind: 'Eviction',
      group: 'policy',
      version: 'v1',
      verbs: ['create'],
    });
  }
  if (spec.scale === true) {
    subresources.push({
      name: 'scale',
      kind: 'Scale',
      group: 'autoscaling',
      version: 'v1',
      verbs: SUB_VERBS,
    });
  }
  if (spec.status === true) {
    subresources.push({
      name: 'status',
      kind: spec.kind,
      group: spec.group,
      version: spec.version,
      verbs: SUB_VERBS,
    });
  }
  return {
    kind: spec.kind,
    group: spec.group,
    version: spec.version,
    plural: spec.plural,
    singular: spec.singular,
    namespaced: spec.namespaced,
    shortNames: spec.shortNames ?? [],
    categories: spec.categories ?? [],
    verbs: RESOURCE_VERBS,
    subresources,
    simulated: spec.simulated,
  };
}

/** The discovery entries of `kind`, one per served version, in the CRD's version order. */
export function customResourceEntries(kind: CustomKind): ApiResourceEntry[] {
  return kind.versions
    .filter((v) => v.served)
    .map((v) =>
      apiResourceEntry({
        kind: kind.kind,
        group: kind.group,
        version: v.name,
        plural: kind.plural,
        singular: kind.singular,
        namespaced: kind.namespaced,
        shortNames: kind.shortNames,
        categories: kind.categories,
        simulated: false,
        scale: v.scale !== undefined,
        status: v.statusSubresource,
      }),
    );
}

/** The OpenAPI component name of a kind: the group reversed, the version, the kind. */
export function openApiSchemaName(group: string, version: string, kind: string): string {
  return [...group.split('.').reverse(), version, kind].join('.');
}

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';

function withTypeMeta(schema: JsonSchemaProps): Record<string, unknown> {
  const props = { ...(schema.properties ?? {}) } as Record<string, unknown>;
  props['apiVersion'] ??= {
    type: 'string',
    description: 'The versioned schema of this representation of the object (group/version).',
  };
  props['kind'] ??= {
    type: 'string',
    description: 'The REST resource this object represents, in CamelCase.',
  };
  props['metadata'] = {
    description: 'Standard object metadata.',
    allOf: [{ $ref: `#/components/schemas/${OBJECT_META}` }],
  };
  return { ...schema, type: 'object', properties: props };
}

const SCALE = 'io.k8s.api.autoscaling.v1.Scale';
const SCALE_SCHEMA = {
  type: 'object',
  description: 'Scale represents a scaling request for a resource.',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { allOf: [{ $ref: `#/components/schemas/${OBJECT_META}` }] },
    spec: { type: 'object', properties: { replicas: { type: 'integer', format: 'int32' } } },
    status: {
      type: 'object',
      properties: {
        replicas: { type: 'integer', format: 'int32' },
        selector: { type: 'string' },
      },
    },
  },
  'x-kubernetes-group-version-kind': [{ group: 'autoscaling', kind: 'Scale', version: 'v1' }],
};

type Operation = Record<string, unknown>;

const param = (
  name: string,
  where: 'path' | 'query',
  type = 'string',
): Record<string, unknown> => ({
  name,
  in: where,
  ...(where === 'path' ? { required: true } : {}),
  schema: { type, ...(where === 'query' && type === 'string' ? { uniqueItems: true } : {}) },
});

const WRITE_PARAMS = [param('dryRun', 'query'), param('fieldManager', 'query')];
const VALIDATED_WRITE_PARAMS = [...WRITE_PARAMS, param('fieldValidation', 'query')];
const LIST_PARAMS = [
  param('allowWatchBookmarks', 'query', 'boolean'),
  param('continue', 'query'),
  param('fieldSelector', 'query'),
  param('labelSelector', 'query'),
  param('limit', 'query', 'integer'),
  param('resourceVersion', 'query'),
  param('timeoutSeconds', 'query', 'integer'),
  param('watch', 'query', 'boolean'),
];
// A custom resource takes every patch type but strategic merge (apiextensions-apiserver
// customresource_handler.go); kubectl's client-side apply then sends a JSON merge patch.
const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
];

function jsonContent(ref: string): Record<string, unknown> {
  const schema = { $ref: `#/components/schemas/${ref}` };
  return { 'application/json': { schema }, 'application/yaml': { schema } };
}

/**
 * The operations of one custom kind at one version, laid out as the CRD OpenAPI builder lays
 * them out (apiextensions-apiserver pkg/controller/openapi/builder): every operation tagged with
 * `x-kubernetes-group-version-kind` and `x-kubernetes-action`; writes list `fieldValidation`
 * (kubectl's `--validate=strict` looks for it on the PATCH operation).
 */
function customPaths(kind: CustomKind, version: CustomKindVersion): Record<string, unknown> {
  const gvk = { group: kind.group, kind: kind.kind, version: version.name };
  const self = openApiSchemaName(kind.group, version.name, kind.kind);
  const list = openApiSchemaName(kind.group, version.name, kind.listKind);
  const op = (
    action: string,
    id: string,
    extra: Record<string, unknown>,
    ref: string | undefined,
  ): Operation => ({
    operationId: `${id}${kind.kind}`,
    ...(ref !== undefined
      ? { responses: { '200': { description: 'OK', content: jsonContent(ref) } } }
      : { responses: { '200': { description: 'OK' } } }),
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    ...extra,
  });
  const body = (ref: string, types: readonly string[]): Record<string, unknown> => ({
    requestBody: {
      required: true,
      content: Object.fromEntries(
        types.map((t) => [t, { schema: { $ref: `#/components/schemas/${ref}` } }]),
      ),
    },
  });
  const patch = (id: string): Operation =>
    op(
      'patch',
      id,
      {
        parameters: [...VALIDATED_WRITE_PARAMS, param('force', 'query', 'boolean')],
        requestBody: {
          required: true,
          content: Object.fromEntries(PATCH_TYPES.map((t) => [t, { schema: { type: 'object' } }])),
        },
      },
      self,
    );
  const base = `/apis/${kind.group}/${version.name}`;
  const ns = kind.namespaced ? '/namespaces/{namespace}' : '';
  const nsParams = kind.namespaced ? [param('namespace', 'path')] : [];
  const item = `${base}${ns}/${kind.plural}/{name}`;
  const itemParams = [param('name', 'path'), ...nsParams];
  const scope = kind.namespaced ? 'Namespaced' : '';
  const paths: Record<string, unknown> = {
    [`${base}${ns}/${kind.plural}`]: {
      parameters: nsParams,
      get: op('list', `list${scope}`, { parameters: LIST_PARAMS }, list),
      post: op(
        'post',
        `create${scope}`,
        {
          parameters: VALIDATED_WRITE_PARAMS,
          ...body(self, ['application/json', 'application/yaml']),
        },
        self,
      ),
      delete: op(
        'deletecollection',
        `deleteCollection${scope}`,
        { parameters: LIST_PARAMS },
        undefined,
      ),
    },
    [item]: {
      parameters: itemParams,
      get: op('get', `read${scope}`, {}, self),
      put: op(
        'put',
        `replace${scope}`,
        {
          parameters: VALIDATED_WRITE_PARAMS,
          ...body(self, ['application/json', 'application/yaml']),
        },
        self,
      ),
      patch: patch(`patch${scope}`),
      delete: op('delete', `delete${scope}`, { parameters: WRITE_PARAMS }, undefined),
    },
  };
  if (kind.namespaced) {
    paths[`${base}/${kind.plural}`] = {
      get: op('list', 'listForAllNamespaces', { parameters: LIST_PARAMS }, list),
    };
  }
  if (version.statusSubresource) {
    paths[`${item}/status`] = {
      parameters: itemParams,
      get: op('get', `read${scope}Status`, {}, self),
      put: op(
        'put',
        `replace${scope}Status`,
        {
          parameters: VALIDATED_WRITE_PARAMS,
          ...body(self, ['application/json', 'application/yaml']),
        },
        self,
      ),
      patch: patch(`patch${scope}Status`),
    };
  }
  if (version.scale !== undefined) {
    const scaleGvk = { group: 'autoscaling', kind: 'Scale', version: 'v1' };
    paths[`${item}/scale`] = {
      parameters: itemParams,
      get: {
        ...op('get', `read${scope}Scale`, {}, SCALE),
        'x-kubernetes-group-version-kind': scaleGvk,
      },
      put: {
        ...op(
          'put',
          `replace${scope}Scale`,
          {
            parameters: VALIDATED_WRITE_PARAMS,
            ...body(SCALE, ['application/json', 'application/yaml']),
          },
          SCALE,
        ),
        'x-kubernetes-group-version-kind': scaleGvk,
      },
      patch: { ...patch(`patch${scope}Scale`), 'x-kubernetes-group-version-kind': scaleGvk },
    };
  }
  return paths;
}

/**
 * The OpenAPI v3 document of `group/version` for the custom kinds served there
 * (`/openapi/v3/apis/<group>/<version>`). Undefined when none of `kinds` serves that version.
 */
export function customResourceOpenApiV3(
  kinds: readonly CustomKind[],
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  for (const kind of kinds) {
    if (kind.group !== group) continue;
    const v = kind.versions.find((x) => x.name === version && x.served);
    if (v === undefined) continue;
    Object.assign(paths, customPaths(kind, v));
    if (v.scale !== undefined) schemas[SCALE] = SCALE_SCHEMA;
    const gvk = [{ group, kind: kind.kind, version }];
    schemas[openApiSchemaName(group, version, kind.kind)] = {
      ...withTypeMeta(v.schema),
      'x-kubernetes-group-version-kind': gvk,
    };
    schemas[openApiSchemaName(group, version, kind.listKind)] = {
      type: 'object',
      description: `${kind.listKind} is a list of ${kind.kind}`,
      required: ['items'],
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { allOf: [{ $ref: `#/components/schemas/${LIST_META}` }] },
        items: {
          type: 'array',
          items: { $ref: `#/components/schemas/${openApiSchemaName(group, version, kind.kind)}` },
        },
      },
      'x-kubernetes-group-version-kind': [{ group, kind: kind.listKind, version }],
    };
  }
  if (Object.keys(schemas).length === 0) return undefined;
  schemas[OBJECT_META] = {
    type: 'object',
    description: 'ObjectMeta is metadata that all persisted resources must have.',
    properties: {
      name: { type: 'string' },
      namespace: { type: 'string' },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
      annotations: { type: 'object', additionalProperties: { type: 'string' } },
      uid: { type: 'string' },
      resourceVersion: { type: 'string' },
      generation: { type: 'integer', format: 'int64' },
      creationTimestamp: { type: 'string', format: 'date-time' },
    },
  };
  schemas[LIST_META] = {
    type: 'object',
    properties: { resourceVersion: { type: 'string' }, continue: { type: 'string' } },
  };
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' },
    paths,
    components: { schemas },
  };
}
