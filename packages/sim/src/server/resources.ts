/**
 * The resources the API server serves: the built-in kinds of the registry (`knownKinds`) and the
 * custom kinds of the CustomResourceDefinitions in the store. The table is rebuilt when a CRD is
 * created, changed or deleted, so discovery, routing and OpenAPI follow at once.
 * @packageDocumentation
 */
import {
  apiResourceEntry,
  customKindOf,
  customResourceEntries,
  knownKinds,
  type ApiResourceEntry,
  type ApiSubresourceEntry,
  type CustomKind,
  type CustomResourceScale,
  type KindInfo,
  type Store,
} from '@kubesim/core';

/** A subresource as discovery lists it (core's {@link ApiSubresourceEntry}). */
export type SubresourceInfo = ApiSubresourceEntry;

/** One served resource, a kind at its group/version (core's {@link ApiResourceEntry}). */
export type ResourceInfo = ApiResourceEntry;

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

/** The served resource of one registry entry. */
export function resourceOf(info: KindInfo): ResourceInfo {
  const gv = splitApiVersion(info.apiVersion);
  const extras = EXTRAS[info.kind] ?? {};
  return apiResourceEntry({
    kind: info.kind,
    ...gv,
    plural: pluralOf(info.kind),
    singular: info.kind.toLowerCase(),
    namespaced: info.namespaced,
    shortNames: extras.short ?? [],
    categories: extras.all === true ? ['all'] : [],
    simulated: info.simulated,
    eviction: info.kind === 'Pod',
    scale: SCALE.includes(info.kind),
    status: STATUS.includes(info.kind),
  });
}

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/**
 * Kubernetes version priority, highest first: GA before beta before alpha, then the higher
 * major, then the higher alpha/beta number; other names after these, alphabetically.
 */
export function compareKubeVersions(a: string, b: string): number {
  const ma = KUBE_VERSION.exec(a);
  const mb = KUBE_VERSION.exec(b);
  if (ma === null || mb === null) {
    if (ma !== null) return -1;
    if (mb !== null) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const stage = (m: RegExpExecArray): number => (m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0);
  if (stage(ma) !== stage(mb)) return stage(mb) - stage(ma);
  if (ma[1] !== mb[1]) return Number(mb[1]) - Number(ma[1]);
  return Number(mb[3] ?? 0) - Number(ma[3] ?? 0);
}

/** Served resources grouped by `group/version`, and lookups by plural and kind. */
export class ResourceTable {
  readonly resources: readonly ResourceInfo[];
  /** The custom kinds served, in CRD-name order. */
  readonly customKinds: readonly CustomKind[];
  readonly #byGvPlural = new Map<string, ResourceInfo>();
  readonly #byKind = new Map<string, ResourceInfo>();
  readonly #custom = new Map<string, CustomKind>();

  constructor(kinds: readonly KindInfo[] = knownKinds, customKinds: readonly CustomKind[] = []) {
    const builtIn = kinds.map(resourceOf);
    const taken = new Set(builtIn.map((r) => `${r.group}/${r.version}/${r.plural}`));
    const builtInKinds = new Set(builtIn.map((r) => r.kind));
    // A custom kind never shadows a built-in one (upstream refuses such a CRD's names).
    this.customKinds = customKinds.filter((k) => !builtInKinds.has(k.kind));
    const custom = this.customKinds
      .flatMap(customResourceEntries)
      .filter((r) => !taken.has(`${r.group}/${r.version}/${r.plural}`));
    this.resources = [...builtIn, ...custom];
    for (const k of this.customKinds) this.#custom.set(k.kind, k);
    for (const r of this.resources) {
      this.#byGvPlural.set(`${r.group}/${r.version}/${r.plural}`, r);
      if (!this.#byKind.has(r.kind)) this.#byKind.set(r.kind, r);
    }
  }

  /** The resource `plural` of `group/version`, if served. */
  lookup(group: string, version: string, plural: string): ResourceInfo | undefined {
    return this.#byGvPlural.get(`${group}/${version}/${plural}`);
  }

  /** The custom kind named `kind`, if a CRD defines it. */
  customKind(kind: string): CustomKind | undefined {
    return this.#custom.get(kind);
  }

  /** The scale subresource paths of a custom resource at its version (undefined for built-ins). */
  customScale(r: ResourceInfo): CustomResourceScale | undefined {
    return this.#custom.get(r.kind)?.versions.find((v) => v.name === r.version)?.scale;
  }

  /** The resource serving `kind`. */
  byKind(kind: string): ResourceInfo | undefined {
    return this.#byKind.get(kind);
  }

  /**
   * Every served group (excluding core) with its versions, in registry order; a custom group's
   * versions by Kubernetes version priority, the first being the preferred one (apiextensions-
   * apiserver sorts a CRD group's versions with version.CompareKubeAwareVersionStrings).
   */
  groups(): { name: string; versions: string[] }[] {
    const out = new Map<string, string[]>();
    for (const r of this.resources) {
      if (r.group === '') continue;
      const versions = out.get(r.group) ?? [];
      if (!versions.includes(r.version)) versions.push(r.version);
      out.set(r.group, versions);
    }
    const custom = new Set(this.customKinds.map((k) => k.group));
    return [...out.entries()].map(([name, versions]) => ({
      name,
      versions: custom.has(name) ? [...versions].sort(compareKubeVersions) : versions,
    }));
  }

  /** The resources of one group/version. */
  inGroupVersion(group: string, version: string): ResourceInfo[] {
    return this.resources.filter((r) => r.group === group && r.version === version);
  }
}

/**
 * The served resources of a store, following its CustomResourceDefinitions: {@link current}
 * returns the same table until a CRD changes (stored objects are replaced on change, so the CRD
 * names and resourceVersions are the key).
 */
export class ResourceCatalog {
  readonly #store: Pick<Store, 'listInert'>;
  #key: string | undefined;
  #table: ResourceTable | undefined;

  constructor(store: Pick<Store, 'listInert'>) {
    this.#store = store;
  }

  /** The table for the CRDs stored now. */
  current(): ResourceTable {
    const crds = this.#store.listInert('CustomResourceDefinition');
    const key = crds.map((c) => `${c.metadata.name}@${c.metadata.resourceVersion}`).join(',');
    if (this.#table === undefined || key !== this.#key) {
      const kinds = crds
        .map((c) => customKindOf(c))
        .filter((k): k is CustomKind => k !== undefined)
        .sort((a, b) => (a.crdName < b.crdName ? -1 : a.crdName > b.crdName ? 1 : 0));
      this.#table = new ResourceTable(knownKinds, kinds);
      this.#key = key;
    }
    return this.#table;
  }
}
