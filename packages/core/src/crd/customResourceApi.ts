/**
 * What an API server publishes for a custom kind: its discovery entries (one per served version,
 * with the status and scale subresources it declares) and the OpenAPI v3 document of a group
 * version that `kubectl explain` reads (apiextensions-apiserver pkg/controller/openapi/builder
 * builds the same shape: the CRD schema plus apiVersion, kind and metadata, tagged with
 * `x-kubernetes-group-version-kind`).
 * @packageDocumentation
 */
import type { CustomKind } from './customResourceDefinition.js';
import type { JsonSchemaProps } from './schemaTypes.js';

/** A subresource as discovery lists it. */
export interface CustomSubresource {
  readonly name: 'status' | 'scale';
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly verbs: readonly string[];
}

/** One discovery entry of a custom kind (a kind at one served group/version). */
export interface CustomResourceEntry {
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  readonly subresources: readonly CustomSubresource[];
  readonly simulated: false;
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SUB_VERBS = ['get', 'patch', 'update'];

/** The discovery entries of `kind`, one per served version, in the CRD's version order. */
export function customResourceEntries(kind: CustomKind): CustomResourceEntry[] {
  return kind.versions
    .filter((v) => v.served)
    .map((v) => {
      const subresources: CustomSubresource[] = [];
      if (v.scale !== undefined) {
        subresources.push({
          name: 'scale',
          kind: 'Scale',
          group: 'autoscaling',
          version: 'v1',
          verbs: SUB_VERBS,
        });
      }
      if (v.statusSubresource) {
        subresources.push({
          name: 'status',
          kind: kind.kind,
          group: kind.group,
          version: v.name,
          verbs: SUB_VERBS,
        });
      }
      return {
        kind: kind.kind,
        group: kind.group,
        version: v.name,
        plural: kind.plural,
        singular: kind.singular,
        namespaced: kind.namespaced,
        shortNames: kind.shortNames,
        categories: kind.categories,
        verbs: VERBS,
        subresources,
        simulated: false,
      };
    });
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
  for (const kind of kinds) {
    if (kind.group !== group) continue;
    const v = kind.versions.find((x) => x.name === version && x.served);
    if (v === undefined) continue;
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
    paths: {},
    components: { schemas },
  };
}
