import { describe, it, expect } from 'vitest';
import { formatFieldIssue } from '../errors.js';
import { validateObject } from './index.js';

const texts = (obj: unknown): string[] => validateObject(obj).map(formatFieldIssue);
const paths = (obj: unknown): string[] => validateObject(obj).map((i) => i.path);

const svc = (spec: unknown): unknown => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec,
});
const pod = (spec: unknown): unknown => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec,
});
const c = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'app',
  image: 'nginx',
  ...extra,
});
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [c()] } };
const deploy = (spec: Record<string, unknown>): unknown => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template, ...spec },
});
const pdb = (spec: unknown): unknown => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'b' },
  spec,
});

describe('Service rules', () => {
  it('refuses port 0 at spec.ports[0].port', () => {
    expect(texts(svc({ ports: [{ port: 0 }] }))).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
  });

  it('requires names once there are two ports, unique and DNS labels', () => {
    expect(texts(svc({ ports: [{ port: 80, name: 'http' }, { port: 81 }] }))).toEqual([
      'spec.ports[1].name: Required value',
    ]);
    expect(
      texts(
        svc({
          ports: [
            { port: 80, name: 'a' },
            { port: 81, name: 'a' },
          ],
        }),
      ),
    ).toEqual(['spec.ports[1].name: Duplicate value: "a"']);
    expect(paths(svc({ ports: [{ port: 80, name: 'A_b' }] }))).toEqual(['spec.ports[0].name']);
  });

  it('refuses unknown protocols and duplicate port/protocol pairs', () => {
    expect(texts(svc({ ports: [{ port: 80, protocol: 'HTTP' }] }))).toEqual([
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
    const dup = svc({
      ports: [
        { port: 80, name: 'a' },
        { port: 80, name: 'b', protocol: 'TCP' },
      ],
    });
    expect(paths(dup)).toEqual(['spec.ports[1]']);
    expect(
      paths(
        svc({
          ports: [
            { port: 53, name: 'a' },
            { port: 53, name: 'b', protocol: 'UDP' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('checks targetPort as a number or an IANA name', () => {
    expect(paths(svc({ ports: [{ port: 80, targetPort: 70000 }] }))).toEqual([
      'spec.ports[0].targetPort',
    ]);
    expect(paths(svc({ ports: [{ port: 80, targetPort: 'http--x' }] }))).toEqual([
      'spec.ports[0].targetPort',
    ]);
    expect(paths(svc({ ports: [{ port: 80, targetPort: 'http' }] }))).toEqual([]);
  });

  it('forbids nodePort on ClusterIP Services', () => {
    expect(texts(svc({ ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
    expect(texts(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }))).toEqual([]);
  });

  it('checks type, clusterIP, externalName and ports presence', () => {
    expect(texts(svc({ type: 'Magic', ports: [{ port: 80 }] }))).toEqual([
      'spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
    expect(texts(svc({ clusterIP: '10.0.0.300', ports: [{ port: 80 }] }))).toEqual([
      `spec.clusterIP: Invalid value: "10.0.0.300": must be empty, 'None', or a valid IP address`,
    ]);
    expect(texts(svc({}))).toEqual(['spec.ports: Required value']);
    expect(texts(svc({ clusterIP: 'None' }))).toEqual([]);
    expect(texts(svc({ type: 'ExternalName' }))).toEqual(['spec.externalName: Required value']);
    expect(texts(svc({ type: 'ExternalName', externalName: 'db.example.com' }))).toEqual([]);
    expect(paths(svc({ type: 'ExternalName', externalName: 'Bad_Name' }))).toEqual([
      'spec.externalName',
    ]);
  });

  it('checks session affinity, traffic policies and distribution', () => {
    const base = { ports: [{ port: 80 }] };
    expect(texts(svc({ ...base, sessionAffinity: 'Sticky' }))).toEqual([
      'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
    ]);
    const cfg = {
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } },
    };
    expect(texts(svc({ ...base, ...cfg }))).toEqual([
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    ]);
    expect(paths(svc({ ...base, externalTrafficPolicy: 'Nearest' }))).toEqual([
      'spec.externalTrafficPolicy',
    ]);
    expect(paths(svc({ ...base, internalTrafficPolicy: 'Local' }))).toEqual([]);
    expect(paths(svc({ ...base, trafficDistribution: 'PreferSameNode' }))).toEqual([]);
    expect(paths(svc({ ...base, trafficDistribution: 'Anywhere' }))).toEqual([
      'spec.trafficDistribution',
    ]);
    expect(paths(svc({ ...base, selector: { 'bad key!': 'x' } }))).toEqual(['spec.selector']);
  });
});

describe('Pod rules', () => {
  it('requires a container, names and images', () => {
    expect(texts(pod({ containers: [] }))).toEqual(['spec.containers: Required value']);
    expect(texts(pod({ containers: [{ image: 'x' }] }))).toEqual([
      'spec.containers[0].name: Required value',
    ]);
    expect(texts(pod({ containers: [{ name: 'a' }] }))).toEqual([
      'spec.containers[0].image: Required value',
    ]);
    expect(texts(pod({ containers: [c(), c()] }))).toEqual([
      'spec.containers[1].name: Duplicate value: "app"',
    ]);
  });

  it('checks container ports', () => {
    expect(texts(pod({ containers: [c({ ports: [{ containerPort: 70000 }] })] }))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
    const twice = [
      c({
        ports: [
          { containerPort: 80, name: 'http' },
          { containerPort: 81, name: 'http' },
        ],
      }),
    ];
    expect(texts(pod({ containers: twice }))).toEqual([
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
    ]);
    expect(
      paths(pod({ containers: [c({ ports: [{ containerPort: 80, hostPort: -1 }] })] })),
    ).toEqual(['spec.containers[0].ports[0].hostPort']);
  });

  it('parses resource quantities and keeps requests within limits', () => {
    const bad = c({ resources: { requests: { cpu: 'lots' } } });
    expect(texts(pod({ containers: [bad] }))).toEqual([
      `spec.containers[0].resources.requests[cpu]: Invalid value: "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    ]);
    const over = c({ resources: { requests: { cpu: '2' }, limits: { cpu: '1500m' } } });
    expect(texts(pod({ containers: [over] }))).toEqual([
      'spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 1500m',
    ]);
    const ok = c({ resources: { requests: { memory: '1Gi' }, limits: { memory: '1073741824' } } });
    expect(texts(pod({ containers: [ok] }))).toEqual([]);
  });

  it('checks probes', () => {
    const probe = (p: unknown): unknown => pod({ containers: [c({ livenessProbe: p })] });
    expect(texts(probe({ periodSeconds: 10 }))).toEqual([
      'spec.containers[0].livenessProbe: Required value: must specify a handler type',
    ]);
    expect(texts(probe({ exec: { command: ['x'] }, tcpSocket: { port: 80 } }))).toEqual([
      'spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ]);
    expect(texts(probe({ exec: { command: ['x'] }, successThreshold: 2 }))).toEqual([
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ]);
    expect(paths(probe({ exec: {}, periodSeconds: 0, initialDelaySeconds: -1 }))).toEqual([
      'spec.containers[0].livenessProbe.initialDelaySeconds',
      'spec.containers[0].livenessProbe.periodSeconds',
    ]);
    const ready = pod({
      containers: [c({ readinessProbe: { httpGet: { port: 8080 }, successThreshold: 2 } })],
    });
    expect(texts(ready)).toEqual([]);
  });

  it('checks restartPolicy, grace period, hostname and nodeSelector', () => {
    expect(texts(pod({ containers: [c()], restartPolicy: 'Sometimes' }))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
    expect(texts(pod({ containers: [c()], terminationGracePeriodSeconds: -1 }))).toEqual([
      'spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(paths(pod({ containers: [c()], hostname: 'A.b', subdomain: 'x_y' }))).toEqual([
      'spec.hostname',
      'spec.subdomain',
    ]);
    expect(paths(pod({ containers: [c()], nodeSelector: { zone: 'a b' } }))).toEqual([
      'spec.nodeSelector',
    ]);
  });

  it('checks tolerations', () => {
    const tol = (t: unknown): string[] => texts(pod({ containers: [c()], tolerations: [t] }));
    expect(tol({ key: 'k', operator: 'Like' })).toEqual([
      'spec.tolerations[0].operator: Unsupported value: "Like": supported values: "Equal", "Exists"',
    ]);
    expect(tol({ key: 'k', operator: 'Exists', value: 'v' })[0]).toMatch(
      /^spec.tolerations\[0\].operator: Invalid value: .*: value must be empty when `operator` is 'Exists'$/,
    );
    expect(
      tol({ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }),
    ).toEqual([
      `spec.tolerations[0].effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
    ]);
    expect(tol({ key: 'k', effect: 'Sometimes' })).toEqual([
      'spec.tolerations[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
    expect(tol({ operator: 'Exists' })).toEqual([]);
  });
});

describe('Workload rules', () => {
  it('refuses an empty selector on spec.selector', () => {
    expect(texts(deploy({ selector: {} }))).toEqual([
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ]);
  });

  it('requires a selector', () => {
    expect(texts(deploy({ selector: null }))).toEqual(['spec.selector: Required value']);
  });

  it('requires template labels to match the selector', () => {
    expect(texts(deploy({ selector: { matchLabels: { app: 'api' } } }))).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('reports template pod spec issues with their full path', () => {
    const t = { ...template, spec: { containers: [c({ ports: [{ containerPort: 0 }] })] } };
    expect(texts(deploy({ template: t }))).toEqual([
      'spec.template.spec.containers[0].ports[0].containerPort: Required value',
    ]);
    const never = { ...template, spec: { containers: [c()], restartPolicy: 'Never' } };
    expect(texts(deploy({ template: never }))).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it('checks replicas, strategy and deadlines', () => {
    expect(texts(deploy({ replicas: -1 }))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ]);
    const zero = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } };
    expect(texts(deploy({ strategy: zero }))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
    ]);
    expect(texts(deploy({ strategy: { rollingUpdate: { maxSurge: '1x' } } }))[0]).toMatch(
      /^spec.strategy.rollingUpdate.maxSurge: Invalid value: "1x": a valid percent string/,
    );
    expect(texts(deploy({ strategy: { rollingUpdate: { maxUnavailable: '150%' } } }))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ]);
    expect(texts(deploy({ strategy: { type: 'Recreate', rollingUpdate: {} } }))).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
    expect(texts(deploy({ minReadySeconds: 30, progressDeadlineSeconds: 30 }))).toEqual([
      'spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds',
    ]);
    expect(paths(deploy({ revisionHistoryLimit: -2 }))).toEqual(['spec.revisionHistoryLimit']);
  });

  it('checks ReplicaSets and StatefulSets the same way', () => {
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'r' },
      spec: { selector: {}, template },
    };
    expect(texts(rs)).toEqual([
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ]);
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: { selector: { matchLabels: { app: 'web' } }, template, podManagementPolicy: 'Random' },
    };
    expect(texts(sts)).toEqual([
      'spec.podManagementPolicy: Unsupported value: "Random": supported values: "OrderedReady", "Parallel"',
    ]);
  });
});

describe('PodDisruptionBudget rules', () => {
  it('reports both minAvailable and maxUnavailable as one issue on spec', () => {
    const issues = validateObject(pdb({ minAvailable: 1, maxUnavailable: 1 }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('spec');
    expect(issues[0]?.message).toMatch(/: minAvailable and maxUnavailable cannot be both set$/);
  });

  it('accepts neither, ints and percents up to 100%', () => {
    expect(texts(pdb({ selector: { matchLabels: { app: 'web' } } }))).toEqual([]);
    expect(texts(pdb({ minAvailable: '50%' }))).toEqual([]);
    expect(texts(pdb({ maxUnavailable: '101%' }))).toEqual([
      'spec.maxUnavailable: Invalid value: "101%": must not be greater than 100%',
    ]);
    expect(texts(pdb({ minAvailable: -1 }))).toEqual([
      'spec.minAvailable: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(texts(pdb({ unhealthyPodEvictionPolicy: 'Never' }))).toEqual([
      'spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"',
    ]);
  });
});

describe('EndpointSlice, Endpoints and Node rules', () => {
  const slice = (body: Record<string, unknown>): unknown => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abc' },
    addressType: 'IPv4',
    ...body,
  });

  it('checks address type, addresses and ports of slices', () => {
    expect(texts(slice({ addressType: 'IPX' }))).toEqual([
      'addressType: Unsupported value: "IPX": supported values: "FQDN", "IPv4", "IPv6"',
    ]);
    expect(texts(slice({ endpoints: [{ addresses: ['10.0.0.999'] }] }))).toEqual([
      'endpoints[0].addresses[0]: Invalid value: "10.0.0.999": must be a valid IPv4 address',
    ]);
    expect(texts(slice({ endpoints: [{ addresses: [] }] }))).toEqual([
      'endpoints[0].addresses: Required value: must contain at least 1 address',
    ]);
    const many = Array.from({ length: 101 }, (_, i) => ({ port: 1000 + i, name: `p${i}` }));
    expect(texts(slice({ ports: many }))).toEqual([
      'ports: Too many: 101: must have at most 100 items',
    ]);
    expect(
      texts(slice({ ports: [{ name: '', port: 80 }], endpoints: [{ addresses: ['10.1.0.4'] }] })),
    ).toEqual([]);
  });

  it('checks Endpoints subsets', () => {
    const ep = (subsets: unknown): unknown => ({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'e' },
      subsets,
    });
    expect(texts(ep([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }]))).toEqual([]);
    expect(texts(ep([{ addresses: [{ ip: 'x' }], ports: [{ port: 0 }] }]))).toEqual([
      'subsets[0].addresses[0].ip: Invalid value: "x": must be a valid IP address',
      'subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]);
  });

  it('checks Node taints and podCIDR', () => {
    const node = (spec: unknown): unknown => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1' },
      spec,
    });
    expect(
      texts(node({ podCIDR: '10.128.0.0/24', taints: [{ key: 'k', effect: 'NoExecute' }] })),
    ).toEqual([]);
    expect(texts(node({ taints: [{ key: 'k', effect: 'Maybe' }] }))).toEqual([
      'spec.taints[0].effect: Unsupported value: "Maybe": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
    expect(paths(node({ podCIDR: '10.128.0.0/33' }))).toEqual(['spec.podCIDR']);
  });
});

describe('volumes and volume mounts', () => {
  const podWith = (spec: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: { containers: [{ name: 'c', image: 'x' }], ...spec },
  });

  it('refuses a mount of a volume the pod does not have', () => {
    const issues = validateObject(
      podWith({
        containers: [
          { name: 'c', image: 'x', volumeMounts: [{ name: 'nope', mountPath: '/data' }] },
        ],
      }),
    );
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toContain(
      'spec.containers[0].volumeMounts[0].name: Not found: "nope"',
    );
  });

  it('accepts a mount of a declared volume, and refuses duplicate volume names', () => {
    const ok = podWith({
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [{ name: 'c', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
    });
    expect(validateObject(ok)).toEqual([]);
    const dup = podWith({
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'data', emptyDir: {} },
      ],
    });
    expect(validateObject(dup).map((i) => i.path)).toContain('spec.volumes[1].name');
  });

  it('lets a StatefulSet template mount its volumeClaimTemplates', () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        selector: { matchLabels: { app: 'db' } },
        serviceName: 'db',
        template: {
          metadata: { labels: { app: 'db' } },
          spec: {
            containers: [
              { name: 'c', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/d' }] },
            ],
          },
        },
        volumeClaimTemplates: [
          { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } },
        ],
      },
    };
    expect(validateObject(sts)).toEqual([]);
  });
});
