/**
 * The OpenAPI v3 documents kubectl reads (`/openapi/v3` index and one document per group
 * version). Until upstream's published documents are in the repository as data, the index is
 * empty and kubectl falls back (validation must be requested with --validate=false).
 * @packageDocumentation
 */
import { pathNotFound } from './status.js';

/** `/openapi/v3` and `/openapi/v3/<gv path>`. */
export function openApiDocument(
  path: readonly string[],
  _query: URLSearchParams,
): { code: number; body: unknown } {
  if (path[1] !== 'v3') throw pathNotFound();
  if (path.length === 2) return { code: 200, body: { paths: {} } };
  throw pathNotFound();
}
