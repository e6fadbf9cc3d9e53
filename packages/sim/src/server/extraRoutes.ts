/**
 * Paths outside the resource API: `/version`, health checks, the OpenAPI documents and kubesim's
 * own `/kubesim/v1/advance?by=5m` (moves a served simulation's virtual time).
 * @packageDocumentation
 */
import { parseDuration } from '@kubesim/core';
import type { ApiContext } from './apiContext.js';
import { openApiDocument } from './openApi.js';
import { badRequest, methodNotAllowed } from './status.js';

/** The answer of an extra route, or undefined when the path is not one. */
export function handleExtra(
  ctx: ApiContext,
  method: string,
  path: readonly string[],
  query: URLSearchParams,
): { code: number; body: unknown } | undefined {
  const joined = path.join('/');
  if (joined === 'version') {
    return {
      code: 200,
      body: {
        major: '1',
        minor: '32',
        gitVersion: 'v1.32.0-kubesim',
        gitCommit: '',
        gitTreeState: 'clean',
        buildDate: '2025-01-01T00:00:00Z',
        goVersion: 'go1.23',
        compiler: 'gc',
        platform: 'linux/amd64',
      },
    };
  }
  if (joined === 'healthz' || joined === 'livez' || joined === 'readyz')
    return { code: 200, body: 'ok' };
  if (path[0] === 'openapi') return openApiDocument(path, ctx.openApi);
  if (joined === 'kubesim/v1/advance') {
    if (method !== 'POST') throw methodNotAllowed(method);
    const by = query.get('by');
    if (by === null || by === '')
      throw badRequest('advance: the query parameter "by" (a duration such as 5m) is required');
    const ms = parseDuration(by);
    if (ms < 0) throw badRequest('advance: "by" must not be negative');
    ctx.host.advance(ms);
    return {
      code: 200,
      body: { kind: 'Advance', apiVersion: 'kubesim/v1', now: ctx.host.now(), by: ms },
    };
  }
  return undefined;
}
