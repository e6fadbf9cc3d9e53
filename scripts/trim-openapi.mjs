// Trims upstream Kubernetes' published OpenAPI (swagger 2.0) spec to the kinds kubesim knows:
// their definitions (and everything those reference) and the API paths that serve them.
//
//   node scripts/trim-openapi.mjs <swagger.json> > packages/core/openapi/kubernetes-swagger.json
//
// The input is kubernetes/kubernetes api/openapi-spec/swagger.json (Apache-2.0) of the release
// named in packages/core/openapi/README.md. Nothing is rewritten: kept objects are copied whole.
/* global process, console */
import { readFileSync } from 'node:fs';

const KINDS = {
  '': {
    v1: [
      'Pod',
      'Node',
      'Service',
      'Endpoints',
      'Namespace',
      'Event',
      'ConfigMap',
      'Secret',
      'ServiceAccount',
      'PersistentVolumeClaim',
      'PersistentVolume',
      'LimitRange',
      'ResourceQuota',
      'PodTemplate',
      'ReplicationController',
      'Binding',
    ],
  },
  'discovery.k8s.io': { v1: ['EndpointSlice'] },
  apps: { v1: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision'] },
  policy: { v1: ['PodDisruptionBudget', 'Eviction'] },
  'coordination.k8s.io': { v1: ['Lease'] },
  'events.k8s.io': { v1: ['Event'] },
  batch: { v1: ['Job', 'CronJob'] },
  autoscaling: { v1: ['HorizontalPodAutoscaler', 'Scale'], v2: ['HorizontalPodAutoscaler'] },
  'networking.k8s.io': {
    v1: ['Ingress', 'IngressClass', 'NetworkPolicy', 'ServiceCIDR', 'IPAddress'],
  },
  'storage.k8s.io': {
    v1: ['StorageClass', 'CSIDriver', 'CSINode', 'CSIStorageCapacity', 'VolumeAttachment'],
  },
  'rbac.authorization.k8s.io': { v1: ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'] },
  'scheduling.k8s.io': { v1: ['PriorityClass'] },
  'node.k8s.io': { v1: ['RuntimeClass'] },
  'apiextensions.k8s.io': { v1: ['CustomResourceDefinition'] },
  'admissionregistration.k8s.io': {
    v1: [
      'MutatingWebhookConfiguration',
      'ValidatingWebhookConfiguration',
      'ValidatingAdmissionPolicy',
      'ValidatingAdmissionPolicyBinding',
    ],
  },
  'apiregistration.k8s.io': { v1: ['APIService'] },
  'certificates.k8s.io': { v1: ['CertificateSigningRequest'] },
  'flowcontrol.apiserver.k8s.io': { v1: ['FlowSchema', 'PriorityLevelConfiguration'] },
};

const META = [
  'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
  'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent',
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList',
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroupList',
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup',
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
];

const known = (gvk) => {
  const kinds = KINDS[gvk.group]?.[gvk.version] ?? [];
  return kinds.includes(gvk.kind) || kinds.some((k) => `${k}List` === gvk.kind);
};

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const keep = new Set(META);
for (const [name, def] of Object.entries(spec.definitions)) {
  if ((def['x-kubernetes-group-version-kind'] ?? []).some(known)) keep.add(name);
}

function refsOf(value, out) {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else refsOf(v, out);
    }
  }
  return out;
}

const paths = {};
for (const [path, item] of Object.entries(spec.paths)) {
  const ops = Object.entries(item).filter(([k]) => k !== 'parameters');
  const served = ops.some(([, op]) => {
    const gvk = op['x-kubernetes-group-version-kind'];
    return gvk !== undefined && known(gvk);
  });
  // The discovery documents of the kept group versions (GET /api/v1/, /apis/apps/v1/).
  const discovery =
    path === '/api/v1/' ||
    Object.entries(KINDS).some(([g, vs]) =>
      Object.keys(vs).some((v) => path === `/apis/${g}/${v}/`),
    );
  if (served || discovery) paths[path] = item;
}

const parameters = {};
const queue = [...keep, ...refsOf(paths, new Set())];
while (queue.length > 0) {
  const ref = queue.pop();
  const name = ref.replace(/^#\/(definitions|parameters)\//, '');
  if (ref.startsWith('#/parameters/')) {
    if (parameters[name] !== undefined) continue;
    parameters[name] = spec.parameters[name];
    queue.push(...refsOf(parameters[name], new Set()));
    continue;
  }
  if (keep.has(name) && ref.startsWith('#/')) continue;
  keep.add(name);
  queue.push(...refsOf(spec.definitions[name], new Set()));
}
// META and the kinds were added before their references were followed.
for (const name of [...keep]) {
  for (const ref of refsOf(spec.definitions[name], new Set())) {
    keep.add(ref.replace(/^#\/definitions\//, ''));
  }
}
let grew = true;
while (grew) {
  grew = false;
  for (const name of [...keep]) {
    for (const ref of refsOf(spec.definitions[name], new Set())) {
      const n = ref.replace(/^#\/definitions\//, '');
      if (!keep.has(n)) {
        keep.add(n);
        grew = true;
      }
    }
  }
}

const definitions = {};
for (const name of [...keep].sort()) definitions[name] = spec.definitions[name];
const sortedParameters = {};
for (const name of Object.keys(parameters).sort()) sortedParameters[name] = parameters[name];
const out = {
  swagger: spec.swagger,
  info: spec.info,
  paths,
  definitions,
  parameters: sortedParameters,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
console.error(
  `kept ${Object.keys(definitions).length} definitions, ${Object.keys(paths).length} paths, ${Object.keys(sortedParameters).length} parameters`,
);
