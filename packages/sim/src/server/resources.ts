/**
 * The resources the API server serves, derived from the kind registry (`knownKinds`) so that a
 * kind added there (or, later, by a CustomResourceDefinition) is discoverable without new code.
 * @packageDocumentation
 */
import { knownKinds, type KindInfo } from '@kubesim/core';

/** A subresource as discovery lists it: its own kind and group/version where upstream has one. */
export interface SubresourceInfo {
  readonly name: string;
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly verbs: readonly string[];
}

/** One served resource (a kind at its group/version). */
export interface ResourceInfo {
  readonly kind: string;
  /** `''` for the core group. */
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  readonly categories: readonly string[];
  readonly verbs: readonly string[];
  readonly subresources: readonly SubresourceInfo[];
  /** True for the kinds kubesim simulates (typed store access). */
  readonly simulated: boolean;
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

// Short names and categories as a 1.32 kube-apiserver lists them (each resource's REST storage,
// e.g. pkg/registry/core/pod/storage/storage.go ShortNames/Categories).
const EXTRAS: Readonly<Record<string, { short?: string[]; all?: boolean }>> = {
  Pod: { short: ['po'], all: true },
  Node: { short: ['no'] },
  Service: { short: ['svc'], all: true },
  Endpoints: { short: ['ep'] },
  Deployment: { short: ['deploy'], all: true },
  ReplicaSet: { short: ['rs'], all: true },
  StatefulSet: { short: ['sts'], all: true },
  DaemonSet: { short: ['ds'], all: true },
  PodDisruptionBudget: { short: ['pdb'] },
  Namespace: { short: ['ns'] },
  Event: { short: ['ev'] },
  ConfigMap: { short: ['cm'] },
  ServiceAccount: { short: ['sa'] },
  PersistentVolumeClaim: { short: ['pvc'] },
  PersistentVolume: { short: ['pv'] },
  LimitRange: { short: ['limits'] },
  ResourceQuota: { short: ['quota'] },
  ReplicationController: { short: ['rc'], all: true },
  Job: { all: true },
  CronJob: { short: ['cj'], all: true },
  HorizontalPodAutoscaler: { short: ['hpa'], all: true },
  Ingress: { short: ['ing'] },
  NetworkPolicy: { short: ['netpol'] },
  StorageClass: { short: ['sc'] },
  PriorityClass: { short: ['pc'] },
  CustomResourceDefinition: { short: ['crd', 'crds'] },
  CertificateSigningRequest: { short: ['csr'] },
};

// Subresources with their own kinds: pods/eviction is policy/v1 Eviction, */scale is
// autoscaling/v1 Scale (pkg/registry/*/storage: NewStatusREST, ScaleREST, EvictionREST).
const STATUS: readonly string[] = [
  'Pod',
  'Node',
  'Service',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'PodDisruptionBudget',
  'Namespace',
  'Job',
  'CronJob',
  'HorizontalPodAutoscaler',
  'Ingress',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'ReplicationController',
  'ResourceQuota',
];
const SCALE: readonly string[] = [
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'ReplicationController',
];

/** `Pod` → `pods`, `Endpoints` → `endpoints`, `NetworkPolicy` → `networkpolicies`, `Ingress` → `ingresses`. */
export function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower === 'endpoints') return lower;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function subresourcesOf(info: KindInfo, gv: { group: string; version: string }): SubresourceInfo[] {
  const subs: SubresourceInfo[] = [];
  if (info.kind === 'Pod') {
    subs.push({
      name: 'eviction',
      kind: 'Eviction',
      group: 'policy',
      version: 'v1',
      verbs: ['create'],
    });
  }
  if (SCALE.includes(info.kind)) {
    subs.push({
      name: 'scale',
      kind: 'Scale',
      group: 'autoscaling',
      version: 'v1',
      verbs: ['get', 'patch', 'update'],
    });
  }
  if (STATUS.includes(info.kind)) {
    subs.push({ name: 'status', kind: info.kind, ...gv, verbs: ['get', 'patch', 'update'] });
  }
  return subs;
}

/** The served resource of one registry entry. */
export function resourceOf(info: KindInfo): ResourceInfo {
  const gv = splitApiVersion(info.apiVersion);
  const extras = EXTRAS[info.kind] ?? {};
  return {
    kind: info.kind,
    ...gv,
    plural: pluralOf(info.kind),
    singular: info.kind.toLowerCase(),
    namespaced: info.namespaced,
    shortNames: extras.short ?? [],
    categories: extras.all === true ? ['all'] : [],
    verbs: VERBS,
    subresources: subresourcesOf(info, gv),
    simulated: info.simulated,
  };
}

/** Served resources grouped by `group/version`, and lookups by plural and kind. */
export class ResourceTable {
  readonly resources: readonly ResourceInfo[];
  readonly #byGvPlural = new Map<string, ResourceInfo>();
  readonly #byKind = new Map<string, ResourceInfo>();

  constructor(kinds: readonly KindInfo[] = knownKinds) {
    this.resources = kinds.map(resourceOf);
    for (const r of this.resources) {
      this.#byGvPlural.set(`${r.group}/${r.version}/${r.plural}`, r);
      if (!this.#byKind.has(r.kind)) this.#byKind.set(r.kind, r);
    }
  }

  /** The resource `plural` of `group/version`, if served. */
  lookup(group: string, version: string, plural: string): ResourceInfo | undefined {
    return this.#byGvPlural.get(`${group}/${version}/${plural}`);
  }

  /** The resource serving `kind`. */
  byKind(kind: string): ResourceInfo | undefined {
    return this.#byKind.get(kind);
  }

  /** Every served group (excluding core) with its versions, in registry order. */
  groups(): { name: string; versions: string[] }[] {
    const out = new Map<string, string[]>();
    for (const r of this.resources) {
      if (r.group === '') continue;
      const versions = out.get(r.group) ?? [];
      if (!versions.includes(r.version)) versions.push(r.version);
      out.set(r.group, versions);
    }
    return [...out.entries()].map(([name, versions]) => ({ name, versions }));
  }

  /** The resources of one group/version. */
  inGroupVersion(group: string, version: string): ResourceInfo[] {
    return this.resources.filter((r) => r.group === group && r.version === version);
  }
}
