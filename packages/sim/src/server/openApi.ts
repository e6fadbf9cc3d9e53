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
 * Custom group versions get a document built from their CRDs (OpenAPI v3 from each version's
 * schema, with operations like upstream's CRD OpenAPI builder), added, changed and removed with
 * the CRDs. Every document is built once per set of CRDs and served as the same text; the hash
 * in its URL is of that text, so a client's cached copy is replaced when it changes.
 * @packageDocumentation
 */
import { customResourceOpenApiV3, openApiSchemaName } from '@kubesim/core';
import {
  openApiContentHash,
  openApiV3Discovery,
  openApiV3Document,
  openApiV3DocumentJson,
  openApiV3Paths,
} from '@kubesim/core/openapi';
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

/** The upstream schemas `names` reach in `schemas`, themselves included. */
function reachable(
  schemas: Readonly<Record<string, unknown>>,
  names: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop() ?? '';
    if (name in out || schemas[name] === undefined) continue;
    out[name] = schemas[name];
    for (const m of JSON.stringify(schemas[name]).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      queue.push(m[1] ?? '');
    }
  }
  return out;
}

/**
 * The document of a custom group version: the CRDs' schemas and operations
 * (core's customResourceOpenApiV3), with upstream's own ObjectMeta, ListMeta and Scale (and what
 * they reference) in place of the short stand-ins, as the API server publishes them.
 */
function customDocument(table: ResourceTable, group: string, version: string): string | undefined {
  const doc = customResourceOpenApiV3(table.customKinds, group, version);
  if (doc === undefined) return undefined;
  const components = doc['components'] as { schemas: Record<string, unknown> };
  const core = openApiV3Document('api/v1')?.components.schemas ?? {};
  const autoscaling = openApiV3Document('apis/autoscaling/v1')?.components.schemas ?? {};
  const shared = {
    ...reachable(core, [
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta',
    ]),
    ...(components.schemas[SCALE_SCHEMA] !== undefined
      ? reachable(autoscaling, [SCALE_SCHEMA])
      : {}),
  };
  const schemas = { ...components.schemas, ...shared };
  withUpstreamTypeMeta(table, group, version, schemas, core);
  const sorted: Record<string, unknown> = {};
  for (const name of Object.keys(schemas).sort()) sorted[name] = schemas[name];
  return JSON.stringify({ ...doc, components: { schemas: sorted } });
}

const SCALE_SCHEMA = 'io.k8s.api.autoscaling.v1.Scale';

/**
 * apiVersion, kind and metadata of each custom kind described as the API server's CRD OpenAPI
 * builder describes them (apiextensions-apiserver pkg/controller/openapi/builder: TypeMeta's and
 * the object metadata's own documentation), so `kubectl explain widget` prints what a real cluster
 * prints. The words are taken from upstream's data (any built-in kind's TypeMeta fields, e.g.
 * ConfigMap's), not written here; fields a CRD's schema declares itself keep its own.
 */
function withUpstreamTypeMeta(
  table: ResourceTable,
  group: string,
  version: string,
  schemas: Record<string, unknown>,
  core: Readonly<Record<string, unknown>>,
): void {
  type Props = Record<string, Record<string, unknown>>;
  const upstream = (core['io.k8s.api.core.v1.ConfigMap'] as { properties?: Props } | undefined)
    ?.properties;
  if (upstream === undefined) return;
  for (const kind of table.customKinds) {
    if (kind.group !== group) continue;
    const v = kind.versions.find((x) => x.name === version && x.served);
    const schema = schemas[openApiSchemaName(group, version, kind.kind)] as
      { properties?: Props } | undefined;
    if (v === undefined || schema?.properties === undefined) continue;
    const declared = v.schema.properties ?? {};
    const props = { ...schema.properties };
    for (const field of ['apiVersion', 'kind', 'metadata']) {
      const description = upstream[field]?.['description'];
      const current = props[field];
      if (field in declared && field !== 'metadata') continue;
      if (typeof description !== 'string' || current === undefined) continue;
      props[field] = { ...current, description };
    }
    schemas[openApiSchemaName(group, version, kind.kind)] = { ...schema, properties: props };
  }
}

/**
 * The OpenAPI v3 documents of one server: upstream's for the built-in group versions discovery
 * serves (core caches them), and one per custom group version built from the CRDs. Built once per
 * set of CRDs (the resource table's identity) and then served as the same text.
 */
export class OpenApiDocuments {
  readonly #tableOf: () => ResourceTable;
  #table: ResourceTable | undefined;
  #index: JsonText | undefined;
  #docs = new Map<string, JsonText>();
  #builtIn = new Set<string>();
  #paths: string[] = [];

  constructor(tableOf: () => ResourceTable) {
    this.#tableOf = tableOf;
  }

  #refresh(): void {
    const table = this.#tableOf();
    if (table === this.#table) return;
    this.#table = table;
    this.#docs = new Map();
    this.#builtIn = new Set();
    const served = new Set(table.resources.map((r) => groupVersionPath(r.group, r.version)));
    const builtIn = openApiV3Discovery().paths;
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const p of openApiV3Paths()) {
      const entry = builtIn[p];
      if (!served.has(p) || entry === undefined) continue;
      paths[p] = { serverRelativeURL: entry.serverRelativeURL };
      this.#builtIn.add(p);
    }
    const customGvs = new Set(
      table.resources
        .filter((r) => table.customKind(r.kind) !== undefined)
        .map((r) => `${r.group}/${r.version}`),
    );
    for (const gv of [...customGvs].sort()) {
      const [group = '', version = ''] = gv.split('/');
      const gvPath = groupVersionPath(group, version);
      if (paths[gvPath] !== undefined) continue;
      const text = customDocument(table, group, version);
      if (text === undefined) continue;
      this.#docs.set(gvPath, new JsonText(text));
      paths[gvPath] = {
        serverRelativeURL: `/openapi/v3/${gvPath}?hash=${openApiContentHash(text)}`,
      };
    }
    this.#paths = Object.keys(paths).sort();
    const sorted: Record<string, { serverRelativeURL: string }> = {};
    for (const p of this.#paths) sorted[p] = paths[p] as { serverRelativeURL: string };
    this.#index = new JsonText(JSON.stringify({ paths: sorted }));
  }

  /** The group-version paths served, sorted. */
  paths(): string[] {
    this.#refresh();
    return [...this.#paths];
  }

  /** The `/openapi/v3` index. */
  index(): JsonText {
    this.#refresh();
    return this.#index ?? new JsonText('{"paths":{}}');
  }

  /** The document at `gvPath` (`apis/apps/v1`), or undefined when it is not served. */
  document(gvPath: string): JsonText | undefined {
    this.#refresh();
    const custom = this.#docs.get(gvPath);
    if (custom !== undefined) return custom;
    if (!this.#builtIn.has(gvPath)) return undefined;
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
