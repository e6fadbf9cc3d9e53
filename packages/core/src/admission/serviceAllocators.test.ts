import { describe, expect, it } from 'vitest';
import type { ClusterConfig } from '../config.js';
import { defaultClusterConfig } from '../config.js';
import type { Service, ServiceInput } from '../objects/service.js';
import type { RandomSource } from '../sources.js';
import { seededRandomSource } from '../sources.js';
import { AllocationError } from './allocationError.js';
import { defaultObject } from './defaultObject.js';
import { ServiceAllocators } from './serviceAllocators.js';

function fixedRandom(k: number): RandomSource {
  return { nextInt: (bound) => k % bound };
}

/** A Service as admission would hand it over: validated, then defaulted. */
function svc(name: string, spec: ServiceInput['spec'] = {}): Service {
  const input: ServiceInput = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 80 }], ...spec },
  };
  return defaultObject(input, defaultClusterConfig) as unknown as Service;
}

function allocators(
  random: RandomSource = seededRandomSource(7),
  config: Partial<ClusterConfig> = {},
) {
  return new ServiceAllocators({ ...defaultClusterConfig, ...config }, random);
}

/** Admits and expects success. */
function admit(a: ServiceAllocators, s: Service, old?: Service): Service {
  const r = a.admitService(s, old);
  expect(r.issues).toEqual([]);
  return r.service;
}

describe('ServiceAllocators: ClusterIP', () => {
  it('gives a ClusterIP Service an upper-band address and single-stack IPv4 fields', () => {
    const a = allocators(fixedRandom(3));
    const out = admit(a, svc('web'));
    expect(out.spec.clusterIP).toBe('10.96.1.4');
    expect(out.spec.clusterIPs).toEqual(['10.96.1.4']);
    expect(out.spec.ipFamilies).toEqual(['IPv4']);
    expect(out.spec.ipFamilyPolicy).toBe('SingleStack');
    expect(a.clusterIPs.has('10.96.1.4')).toBe(true);
  });

  it('scans forward for the next Service when the random start is taken', () => {
    const a = allocators(fixedRandom(3));
    admit(a, svc('a'));
    expect(admit(a, svc('b')).spec.clusterIP).toBe('10.96.1.5');
  });

  it('honours a free requested IP, e.g. the kubernetes Service at .1', () => {
    const a = allocators();
    const out = admit(a, svc('kubernetes', { clusterIP: '10.96.0.1' }));
    expect(out.spec.clusterIPs).toEqual(['10.96.0.1']);
    expect(a.clusterIPs.has('10.96.0.1')).toBe(true);
  });

  it('refuses a requested IP that is in use, in upstream words, and changes nothing', () => {
    const a = allocators();
    admit(a, svc('first', { clusterIP: '10.96.0.5' }));
    const second = svc('second', { clusterIP: '10.96.0.5', type: 'NodePort' });
    const usedIPs = a.clusterIPs.used;
    const usedPorts = a.nodePorts.used;
    const r = a.admitService(second, undefined);
    expect(r.issues).toEqual([
      {
        path: 'spec.clusterIPs',
        type: 'FieldValueInvalid',
        message:
          'Invalid value: ["10.96.0.5"]: failed to allocate IP 10.96.0.5: provided IP is already allocated',
      },
    ]);
    expect(r.service).toBe(second);
    expect(a.clusterIPs.used).toBe(usedIPs);
    expect(a.nodePorts.used).toBe(usedPorts);
  });

  it('refuses a requested IP outside the range', () => {
    const r = allocators().admitService(svc('x', { clusterIP: '10.0.0.5' }), undefined);
    expect(r.issues.map((i) => i.message)).toEqual([
      'Invalid value: ["10.0.0.5"]: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    ]);
  });

  it('refuses the reserved DNS address', () => {
    const a = allocators();
    a.reserveClusterIP('10.96.0.10');
    const r = a.admitService(svc('dns', { clusterIP: '10.96.0.10' }), undefined);
    expect(r.issues[0]?.message).toContain('provided IP is already allocated');
    expect(() => {
      a.reserveClusterIP('10.96.0.10');
    }).toThrow(AllocationError);
  });

  it('reports a full range as a clear issue', () => {
    const a = allocators(seededRandomSource(1), { serviceCIDR: '10.0.0.0/29' });
    for (let i = 0; i < 6; i++) admit(a, svc(`s${i}`));
    const r = a.admitService(svc('one-too-many'), undefined);
    expect(r.issues).toEqual([
      {
        path: 'spec.clusterIPs',
        type: 'FieldValueInvalid',
        message: 'Internal error occurred: failed to allocate a serviceIP: range is full',
      },
    ]);
  });

  it('makes clusterIP None headless without allocating', () => {
    const a = allocators();
    const out = admit(a, svc('db', { clusterIP: 'None' }));
    expect(out.spec.clusterIP).toBe('None');
    expect(out.spec.clusterIPs).toEqual(['None']);
    expect(out.spec.ipFamilyPolicy).toBe('SingleStack');
    expect(a.clusterIPs.used).toBe(0);
  });

  it('gives a headless Service without selector RequireDualStack and both families (alloc.go)', () => {
    const s = svc('ext', { clusterIP: 'None' });
    const selectorless = { ...s, spec: { ...s.spec, selector: {} } };
    const out = admit(allocators(), selectorless);
    expect(out.spec.ipFamilyPolicy).toBe('RequireDualStack');
    expect(out.spec.ipFamilies).toEqual(['IPv4', 'IPv6']);
  });

  it('refuses dual-stack demands on a single-stack cluster', () => {
    const r = allocators().admitService(
      svc('ds', { ipFamilyPolicy: 'RequireDualStack' }),
      undefined,
    );
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services',
    ]);
  });

  it('gives an ExternalName Service no ClusterIP', () => {
    const a = allocators();
    const out = admit(a, svc('ext', { type: 'ExternalName', externalName: 'example.com' }));
    expect(out.spec.clusterIP).toBeUndefined();
    expect(out.spec.clusterIPs).toBeUndefined();
    expect(out.spec.ipFamilies).toBeUndefined();
    expect(a.clusterIPs.used).toBe(0);
  });

  it('releases the ClusterIP when an update turns the Service into an ExternalName', () => {
    const a = allocators();
    const v1 = admit(a, svc('web'));
    const v2 = admit(a, svc('web', { type: 'ExternalName', externalName: 'example.com' }), v1);
    expect(v2.spec.clusterIP).toBeUndefined();
    expect(a.clusterIPs.has(v1.spec.clusterIP ?? '')).toBe(false);
    expect(a.clusterIPs.used).toBe(0);
  });

  it('keeps the allocated ClusterIP on an update that omits it', () => {
    const a = allocators();
    const v1 = admit(a, svc('web'));
    const v2 = admit(a, svc('web', { ports: [{ name: 'http', port: 8080 }] }), v1);
    expect(v2.spec.clusterIP).toBe(v1.spec.clusterIP);
    expect(a.clusterIPs.used).toBe(1);
  });

  it('refuses changing an allocated ClusterIP on update', () => {
    const a = allocators();
    const v1 = admit(a, svc('web'));
    const r = a.admitService(svc('web', { clusterIP: '10.96.0.77' }), v1);
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'spec.clusterIPs[0]: Invalid value: ["10.96.0.77"]: may not change once set',
    ]);
    expect(a.clusterIPs.has('10.96.0.77')).toBe(false);
  });

  it('gives 2,000 Services distinct addresses', () => {
    const a = allocators(seededRandomSource(2024));
    const ips = new Set<string>();
    for (let i = 0; i < 2000; i++) ips.add(admit(a, svc(`s${i}`)).spec.clusterIP ?? '');
    expect(ips.size).toBe(2000);
    expect(a.clusterIPs.used).toBe(2000);
  });
});

describe('ServiceAllocators: NodePorts', () => {
  it('gives each port of a NodePort Service an upper-band node port', () => {
    const a = allocators(fixedRandom(0));
    const out = admit(
      a,
      svc('np', {
        type: 'NodePort',
        ports: [
          { name: 'http', port: 80 },
          { name: 'https', port: 443 },
        ],
      }),
    );
    expect(out.spec.ports.map((p) => p.nodePort)).toEqual([30086, 30087]);
    expect(a.nodePorts.used).toBe(2);
  });

  it('honours a requested node port and refuses one in use on the right port index', () => {
    const a = allocators();
    admit(
      a,
      svc('one', { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 30080 }] }),
    );
    const ipsBefore = a.clusterIPs.used;
    const r = a.admitService(
      svc('two', {
        type: 'NodePort',
        ports: [
          { name: 'a', port: 81 },
          { name: 'b', port: 82, nodePort: 30080 },
        ],
      }),
      undefined,
    );
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated',
    ]);
    // the ClusterIP and the first node port allocated in the same call are undone
    expect(a.clusterIPs.used).toBe(ipsBefore);
    expect(a.nodePorts.used).toBe(1);
  });

  it('refuses a node port outside the range', () => {
    const r = allocators().admitService(
      svc('np', { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 8080 }] }),
      undefined,
    );
    expect(r.issues[0]?.message).toBe(
      'Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('shares one node port between TCP and UDP ports of the same number on create', () => {
    const out = admit(
      allocators(),
      svc('dns', {
        type: 'NodePort',
        ports: [
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'dns-udp', port: 53, protocol: 'UDP' },
        ],
      }),
    );
    expect(out.spec.ports[0]?.nodePort).toBeDefined();
    expect(out.spec.ports[1]?.nodePort).toBe(out.spec.ports[0]?.nodePort);
  });

  it('keeps node ports by port name on an update that omits them', () => {
    const a = allocators();
    const v1 = admit(a, svc('np', { type: 'NodePort' }));
    const v2 = admit(a, svc('np', { type: 'NodePort', ports: [{ name: 'http', port: 8080 }] }), v1);
    expect(v2.spec.ports[0]?.nodePort).toBe(v1.spec.ports[0]?.nodePort);
    expect(a.nodePorts.used).toBe(1);
  });

  it('releases node ports when a NodePort Service becomes ClusterIP', () => {
    const a = allocators();
    const v1 = admit(a, svc('np', { type: 'NodePort' }));
    const v2 = admit(a, svc('np', { type: 'ClusterIP' }), v1);
    expect(v2.spec.ports[0]?.nodePort).toBeUndefined();
    expect(a.nodePorts.used).toBe(0);
    expect(v2.spec.clusterIP).toBe(v1.spec.clusterIP);
  });

  it('allocates no node ports for a LoadBalancer with allocateLoadBalancerNodePorts false', () => {
    const a = allocators();
    const out = admit(a, svc('lb', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }));
    expect(out.spec.ports[0]?.nodePort).toBeUndefined();
    expect(a.nodePorts.used).toBe(0);
  });

  it('allocates a healthCheckNodePort for LoadBalancer + Local and releases it on Cluster', () => {
    const a = allocators();
    const v1 = admit(a, svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }));
    expect(v1.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30086);
    expect(a.nodePorts.used).toBe(2);
    const kept = admit(a, svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }), v1);
    expect(kept.spec.healthCheckNodePort).toBe(v1.spec.healthCheckNodePort);
    const v2 = admit(
      a,
      svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' }),
      kept,
    );
    expect(v2.spec.healthCheckNodePort).toBeUndefined();
    expect(a.nodePorts.used).toBe(1);
  });

  it('releaseService frees the ClusterIP, node ports and health-check port', () => {
    const a = allocators();
    const out = admit(a, svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }));
    a.releaseService(out);
    expect(a.clusterIPs.used).toBe(0);
    expect(a.nodePorts.used).toBe(0);
  });
});

describe('ServiceAllocators: transactions', () => {
  it('rollback restores every allocation and release since begin', () => {
    const a = allocators();
    const kept = admit(a, svc('kept', { type: 'NodePort' }));
    const snapshot = { ips: a.clusterIPs.used, ports: a.nodePorts.used };
    a.begin();
    admit(a, svc('x', { type: 'NodePort' }));
    admit(a, svc('y', { clusterIP: '10.96.0.20' }));
    a.releaseService(kept);
    expect(a.clusterIPs.has(kept.spec.clusterIP ?? '')).toBe(false);
    a.rollback();
    expect({ ips: a.clusterIPs.used, ports: a.nodePorts.used }).toEqual(snapshot);
    expect(a.clusterIPs.has(kept.spec.clusterIP ?? '')).toBe(true);
    expect(a.nodePorts.has(kept.spec.ports[0]?.nodePort ?? 0)).toBe(true);
    expect(a.clusterIPs.has('10.96.0.20')).toBe(false);
  });

  it('commit keeps the work; a nested begin joins the outer transaction', () => {
    const a = allocators();
    a.begin();
    a.begin();
    admit(a, svc('inner'));
    a.commit();
    expect(a.clusterIPs.used).toBe(1);
    a.rollback();
    expect(a.clusterIPs.used).toBe(0);
    a.begin();
    admit(a, svc('kept'));
    a.commit();
    expect(a.clusterIPs.used).toBe(1);
  });

  it('refuses commit or rollback without begin', () => {
    const a = allocators();
    expect(() => {
      a.commit();
    }).toThrow(AllocationError);
    expect(() => {
      a.rollback();
    }).toThrow('rollback() without a matching begin()');
  });

  it('never mutates the Service it is given', () => {
    const a = allocators();
    const input = svc('web', { type: 'NodePort' });
    const before = structuredClone(input);
    admit(a, input);
    expect(input).toEqual(before);
  });
});
