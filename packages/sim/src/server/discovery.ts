/**
 * Discovery documents: `/api`, `/api/v1`, `/apis`, `/apis/<group>`, `/apis/<group>/<version>`
 * (unaggregated form; kubectl 1.32 falls back to it when the server does not answer with
 * `application/json;g=apidiscovery.k8s.io;v=v2` — client-go discovery/discovery_client.go).
 * @packageDocumentation
 */
import type { ResourceInfo, ResourceTable } from './resources.js';
import { pathNotFound } from './status.js';

function apiResources(r: ResourceInfo): Record<string, unknown>[] {
  const main = {
    name: r.plural,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: r.verbs,
    ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length > 0 ? { categories: r.categories } : {}),
    storageVersionHash: '',
  };
  const subs = r.subresources.map((s) => ({
    name: `${r.plural}/${s.name}`,
    singularName: '',
    namespaced: r.namespaced,
    ...(s.group !== r.group ? { group: s.group } : {}),
    ...(s.group !== r.group || s.version !== r.version ? { version: s.version } : {}),
    kind: s.kind,
    verbs: s.verbs,
  }));
  return [main, ...subs];
}

function groupDoc(name: string, versions: readonly string[]): Record<string, unknown> {
  const list = versions.map((v) => ({ groupVersion: `${name}/${v}`, version: v }));
  return { name, versions: list, preferredVersion: list[0] };
}

/** The discovery document at `path` (parts after the leading slash). */
export function discoveryDocument(path: readonly string[], table: ResourceTable): unknown {
  const [root, a, b] = path;
  if (root === 'api') {
    if (a === undefined) {
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
      };
    }
    if (a !== 'v1' || path.length > 2) throw pathNotFound();
    return {
      kind: 'APIResourceList',
      groupVersion: 'v1',
      resources: table.inGroupVersion('', 'v1').flatMap(apiResources),
    };
  }
  const groups = table.groups();
  if (a === undefined) {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((g) => groupDoc(g.name, g.versions)),
    };
  }
  const group = groups.find((g) => g.name === a);
  if (group === undefined) throw pathNotFound();
  if (b === undefined)
    return { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group.name, group.versions) };
  if (!group.versions.includes(b)) throw pathNotFound();
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: `${a}/${b}`,
    resources: table.inGroupVersion(a, b).flatMap(apiResources),
  };
}
