/**
 * `@kubesim/core/openapi`: upstream Kubernetes' OpenAPI documents for the kinds kubesim knows,
 * shipped as data (`openapi/kubernetes-swagger.json`, Apache-2.0, see `openapi/README.md`), and
 * the OpenAPI v3 documents an API server serves at `/openapi/v3`. Node only: it reads the data
 * file on first use.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { RunningHash } from '../hash/runningHash.js';
import { groupVersionPathOf, toOpenApiV3 } from './toOpenApiV3.js';
import type { OpenApiV3Discovery, OpenApiV3Document, SwaggerSpec } from './types.js';

export type {
  Json,
  JsonObject,
  OpenApiV3Discovery,
  OpenApiV3Document,
  SwaggerSpec,
} from './types.js';
export { groupVersionPathOf, schemaToV3, toOpenApiV3 } from './toOpenApiV3.js';

/** The Kubernetes release whose published spec the data file holds. */
export const KUBERNETES_OPENAPI_RELEASE = 'release-1.36';

/** Where the data file is, from this module (src/openapi or dist/openapi alike). */
export const KUBERNETES_SWAGGER_URL = new URL(
  '../../openapi/kubernetes-swagger.json',
  import.meta.url,
);

let swagger: SwaggerSpec | undefined;
const documents = new Map<string, OpenApiV3Document | undefined>();
const serialized = new Map<string, string>();

/** Upstream's swagger 2.0 spec trimmed to the kinds kubesim knows (parsed once, then cached). */
export function kubernetesSwagger(): SwaggerSpec {
  swagger ??= JSON.parse(readFileSync(KUBERNETES_SWAGGER_URL, 'utf8')) as SwaggerSpec;
  return swagger;
}

/** The group-version paths the spec serves: `api/v1`, `apis/apps/v1`, … (sorted). */
export function openApiV3Paths(): string[] {
  const out = new Set<string>();
  for (const path of Object.keys(kubernetesSwagger().paths)) {
    const gv = groupVersionPathOf(path);
    if (gv !== undefined) out.add(gv);
  }
  return [...out].sort();
}

/**
 * The OpenAPI v3 document of one group version as `/openapi/v3/<path>` serves it
 * (`api/v1`, `apis/apps/v1`); undefined for a path the spec does not serve. Cached.
 */
export function openApiV3Document(groupVersionPath: string): OpenApiV3Document | undefined {
  if (!documents.has(groupVersionPath)) {
    documents.set(groupVersionPath, toOpenApiV3(kubernetesSwagger(), groupVersionPath));
  }
  return documents.get(groupVersionPath);
}

/** The document of {@link openApiV3Document} as JSON text (cached), for serving. */
export function openApiV3DocumentJson(groupVersionPath: string): string | undefined {
  let text = serialized.get(groupVersionPath);
  if (text === undefined) {
    const doc = openApiV3Document(groupVersionPath);
    if (doc === undefined) return undefined;
    text = JSON.stringify(doc);
    serialized.set(groupVersionPath, text);
  }
  return text;
}

/**
 * A stable content hash ({@link RunningHash}, upper-case hex like upstream's) of a text: the
 * `hash` of a document's `serverRelativeURL`.
 */
export function openApiContentHash(text: string): string {
  return new RunningHash().mix(text).hex().toUpperCase();
}

/**
 * The discovery document at `/openapi/v3`: every group-version path with its
 * `serverRelativeURL` (`/openapi/v3/apis/apps/v1?hash=…`); the hash changes with the content.
 */
export function openApiV3Discovery(): OpenApiV3Discovery {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of openApiV3Paths()) {
    const text = openApiV3DocumentJson(gv) ?? '';
    paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${openApiContentHash(text)}` };
  }
  return { paths };
}
