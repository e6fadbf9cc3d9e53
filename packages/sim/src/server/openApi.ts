/**
 * The OpenAPI v3 documents kubectl reads: `/openapi/v3` (each served group version with its
 * `serverRelativeURL`, a content hash in the query) and one document per group version
 * (`/openapi/v3/api/v1`, `/openapi/v3/apis/apps/v1`).
 *
 * Built-in group versions are upstream's published documents (`@kubesim/core/openapi`, converted
 * from the swagger data in packages/core/openapi, Apache-2.0). What kubectl 1.32 reads in them:
 * - `kubectl apply --validate=strict` (the default) asks, per object, whether the PATCH operation
 *   tagged with the object's `x-kubernetes-group-version-kind` lists a `fieldValidation`
 *   parameter (cli-runtime resource/query_param_verifier_v3.go); if it does, validation is left
 *   to the server, else kubectl validates against `/openapi/v2`, which kubesim does not serve.
 * - client-side apply computes its strategic merge patch from the component schema whose
 *   `x-kubernetes-group-version-kind` lists the kind, following `$ref`/`allOf` and reading
 *   `x-kubernetes-patch-strategy`/`-patch-merge-key` (kubectl cmd/apply/patcher.go), when the
 *   PATCH operation accepts `application/strategic-merge-patch+json`.
 * - `kubectl explain` reads the component schema of the kind.
 * Every document is built once per server and served as the same text until the served kinds
 * change; the hash is of that text, so a client's cached copy is replaced when it changes.
 * @packageDocumentation
 */
import { openApiV3Discovery, openApiV3DocumentJson, openApiV3Paths } from '@kubesim/core/openapi';
import type { ResourceTable } from './resources.js';
import { pathNotFound } from './status.js';

/** A response body that is already JSON text (served as is, not serialized again). */
export class JsonText {
  constructor(readonly text: string) {}
}

/** The group-version path of a served group version: `api/v1`, `apis/apps/v1`. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/**
 * The OpenAPI v3 documents of one server. Built-in documents are shared (core caches them); the
 * index lists those group versions that discovery serves.
 */
export class OpenApiDocuments {
  readonly #table: ResourceTable;
  #index: JsonText | undefined;

  constructor(table: ResourceTable) {
    this.#table = table;
  }

  /** The group-version paths served, sorted. */
  paths(): string[] {
    const served = new Set(this.#table.resources.map((r) => groupVersionPath(r.group, r.version)));
    return openApiV3Paths().filter((p) => served.has(p));
  }

  /** The `/openapi/v3` index. */
  index(): JsonText {
    if (this.#index === undefined) {
      const all = openApiV3Discovery().paths;
      const paths: Record<string, { serverRelativeURL: string }> = {};
      for (const p of this.paths()) {
        const entry = all[p];
        if (entry !== undefined) paths[p] = { serverRelativeURL: entry.serverRelativeURL };
      }
      this.#index = new JsonText(JSON.stringify({ paths }));
    }
    return this.#index;
  }

  /** The document at `gvPath` (`apis/apps/v1`), or undefined when it is not served. */
  document(gvPath: string): JsonText | undefined {
    if (!this.paths().includes(gvPath)) return undefined;
    const text = openApiV3DocumentJson(gvPath);
    return text === undefined ? undefined : new JsonText(text);
  }
}

/**
 * `/openapi/v3` and `/openapi/v3/<gv path>`. The `hash` query is accepted and not compared: the
 * current document is served whatever the hash (upstream redirects a stale hash to the current
 * one; a client gets the same document either way).
 */
export function openApiDocument(
  path: readonly string[],
  docs: OpenApiDocuments,
): { code: number; body: unknown } {
  if (path[1] !== 'v3') throw pathNotFound();
  if (path.length === 2) return { code: 200, body: docs.index() };
  const doc = docs.document(path.slice(2).join('/'));
  if (doc === undefined) throw pathNotFound();
  return { code: 200, body: doc };
}
