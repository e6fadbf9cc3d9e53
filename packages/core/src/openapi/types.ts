/**
 * The shapes of the OpenAPI documents kubesim ships: upstream's swagger 2.0 spec (trimmed to the
 * kinds kubesim knows) and the OpenAPI v3 documents derived from it, one per group version.
 * @packageDocumentation
 */

/** A JSON value. */
export type Json =
  null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/** A JSON object. */
export type JsonObject = { readonly [k: string]: Json };

/** Upstream's swagger 2.0 document (`api/openapi-spec/swagger.json`), trimmed. */
export interface SwaggerSpec {
  readonly swagger: string;
  readonly info: JsonObject;
  readonly paths: Readonly<Record<string, JsonObject>>;
  readonly definitions: Readonly<Record<string, JsonObject>>;
  readonly parameters: Readonly<Record<string, JsonObject>>;
}

/** One OpenAPI v3 document, as served at `/openapi/v3/apis/apps/v1`. */
export interface OpenApiV3Document {
  readonly openapi: '3.0.0';
  readonly info: JsonObject;
  readonly paths: Readonly<Record<string, JsonObject>>;
  readonly components: { readonly schemas: Readonly<Record<string, JsonObject>> };
}

/** The OpenAPI v3 discovery document served at `/openapi/v3`. */
export interface OpenApiV3Discovery {
  readonly paths: Readonly<Record<string, { readonly serverRelativeURL: string }>>;
}
