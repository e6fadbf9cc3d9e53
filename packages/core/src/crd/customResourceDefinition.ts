/**
 * The apiextensions.k8s.io/v1 CustomResourceDefinition as written, and the custom kind it
 * defines once accepted.
 * @packageDocumentation
 */
import type { InertObject, KubeObject } from '../objects/kinds.js';
import type { ObjectMeta } from '../objects/meta.js';
import type { JsonSchemaProps } from './schemaTypes.js';

/** `spec.versions[].subresources.scale`. */
export interface CustomResourceScale {
  readonly specReplicasPath: string;
  readonly statusReplicasPath: string;
  readonly labelSelectorPath?: string;
}

/** One version of a CRD (`spec.versions[]`). */
export interface CustomResourceDefinitionVersion {
  readonly name: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly deprecated?: boolean;
  readonly deprecationWarning?: string;
  readonly schema?: { readonly openAPIV3Schema?: JsonSchemaProps };
  readonly subresources?: {
    readonly status?: Readonly<Record<string, never>>;
    readonly scale?: CustomResourceScale;
  };
  readonly additionalPrinterColumns?: readonly CustomResourceColumnDefinition[];
}

/**
 * `spec.versions[].additionalPrinterColumns[]`: a column of the server-side Table (`kubectl get`),
 * read from each object at a simple JSON path.
 */
export interface CustomResourceColumnDefinition {
  readonly name: string;
  /** `integer`, `number`, `string`, `boolean` or `date` (a timestamp printed as an age). */
  readonly type: string;
  readonly jsonPath: string;
  readonly description?: string;
  /** Above 0: shown only by `kubectl get -o wide`. */
  readonly priority?: number;
  readonly format?: string;
}

/** `spec.names`. */
export interface CustomResourceDefinitionNames {
  readonly plural: string;
  readonly singular?: string;
  readonly kind: string;
  readonly listKind?: string;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
}

/** A CustomResourceDefinition manifest (apiextensions.k8s.io/v1). */
export interface CustomResourceDefinition {
  readonly apiVersion: 'apiextensions.k8s.io/v1';
  readonly kind: 'CustomResourceDefinition';
  readonly metadata: Partial<ObjectMeta>;
  readonly spec: {
    readonly group: string;
    readonly names: CustomResourceDefinitionNames;
    readonly scope: 'Namespaced' | 'Cluster';
    readonly versions: readonly CustomResourceDefinitionVersion[];
    readonly conversion?: { readonly strategy?: string };
    readonly preserveUnknownFields?: boolean;
  };
  readonly status?: unknown;
}

/** One served version of a custom kind. */
export interface CustomKindVersion {
  readonly name: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly schema: JsonSchemaProps;
  /** True when the `status` subresource is declared: status is written only through it. */
  readonly statusSubresource: boolean;
  readonly scale: CustomResourceScale | undefined;
  readonly deprecationWarning: string | undefined;
  /**
   * The Table columns after Name, as the API server serves them: the version's
   * `additionalPrinterColumns`, or a lone `Age` column (`.metadata.creationTimestamp`, type
   * `date`) when it declares none (apiextensions-apiserver `serveDefaultColumnsIfEmpty`).
   */
  readonly printerColumns: readonly CustomResourceColumnDefinition[];
}

/** A kind a CRD makes storable: what the store, discovery and `kubectl get` need. */
export interface CustomKind {
  /** The CRD's name (`<plural>.<group>`). */
  readonly crdName: string;
  readonly group: string;
  readonly kind: string;
  readonly listKind: string;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly namespaced: boolean;
  /** Versions in the CRD's order. */
  readonly versions: readonly CustomKindVersion[];
  /** The storage version's name. */
  readonly storageVersion: string;
}

/** The version of `kind` that `apiVersion` (`group/version`) names, if it is served. */
export function servedVersion(kind: CustomKind, apiVersion: string): CustomKindVersion | undefined {
  const slash = apiVersion.indexOf('/');
  if (slash < 0 || apiVersion.slice(0, slash) !== kind.group) return undefined;
  const name = apiVersion.slice(slash + 1);
  return kind.versions.find((v) => v.name === name && v.served);
}

/**
 * A custom (or inert) object as the `object` of a controller's create, update or updateStatus
 * action. `Action` names the simulated kinds so that plans narrow by `kind`; the store admits a
 * custom resource by its CRD's schema whatever its static type.
 *
 * @example
 * ```ts
 * actions.push({ verb: 'updateStatus', object: customObject({ ...site, status: { phase: 'Running' } }) });
 * ```
 */
export function customObject(obj: InertObject): KubeObject {
  return obj as unknown as KubeObject;
}
