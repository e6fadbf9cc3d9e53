/**
 * The shape of a CustomResourceDefinition's `openAPIV3Schema` (apiextensions.k8s.io/v1
 * `JSONSchemaProps`), as written in a manifest.
 * @packageDocumentation
 */

/** One node of an OpenAPI v3 schema as a CRD carries it. Every field is optional. */
export interface JsonSchemaProps {
  readonly type?: string;
  readonly format?: string;
  readonly description?: string;
  readonly title?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly nullable?: boolean;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchemaProps>>;
  readonly additionalProperties?: JsonSchemaProps | boolean;
  readonly items?: JsonSchemaProps | readonly JsonSchemaProps[];
  readonly maximum?: number;
  readonly exclusiveMaximum?: boolean;
  readonly minimum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly multipleOf?: number;
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly maxItems?: number;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly maxProperties?: number;
  readonly minProperties?: number;
  readonly allOf?: readonly JsonSchemaProps[];
  readonly anyOf?: readonly JsonSchemaProps[];
  readonly oneOf?: readonly JsonSchemaProps[];
  readonly not?: JsonSchemaProps;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-list-type'?: string;
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-map-type'?: string;
  readonly 'x-kubernetes-validations'?: readonly { rule?: string; message?: string }[];
  readonly [other: string]: unknown;
}

/** The JSON type name of a value as kube-openapi reports it (`integer` for whole numbers). */
export function jsonTypeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number';
    case 'object':
      return 'object';
    default:
      return typeof v;
  }
}

/** True when `v` is a plain JSON object. */
export function isJsonObject(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The single item schema of an array node (tuple `items` are not structural). */
export function itemSchema(s: JsonSchemaProps): JsonSchemaProps | undefined {
  const items = s.items;
  if (items === undefined || Array.isArray(items)) return undefined;
  return items as JsonSchemaProps;
}

/** The schema of property `key` of an object node: `properties[key]` or `additionalProperties`. */
export function propertySchema(s: JsonSchemaProps, key: string): JsonSchemaProps | undefined {
  const props = s.properties;
  if (props !== undefined && Object.prototype.hasOwnProperty.call(props, key)) return props[key];
  const ap = s.additionalProperties;
  return typeof ap === 'object' ? ap : undefined;
}
