import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../config.js';
import type { Service, ServiceInput } from '../objects/service.js';
import { defaultObject } from './defaultObject.js';

function defaulted(spec: ServiceInput['spec'], status?: unknown): Service {
  const input: ServiceInput = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    ...(spec === undefined ? {} : { spec }),
    ...(status === undefined ? {} : { status }),
  };
  return defaultObject(input, defaultClusterConfig) as unknown as Service;
}

describe('Service defaults (core/v1 SetDefaults_Service, §2.2)', () => {
  it('defaults type ClusterIP, sessionAffinity None, internalTrafficPolicy Cluster, ports []', () => {
    const s = defaulted(undefined);
    expect(s.spec.type).toBe('ClusterIP');
    expect(s.spec.sessionAffinity).toBe('None');
    expect(s.spec.internalTrafficPolicy).toBe('Cluster');
    expect(s.spec.ports).toEqual([]);
    expect(s.spec.externalTrafficPolicy).toBeUndefined();
    expect(s.spec.allocateLoadBalancerNodePorts).toBeUndefined();
    expect(s.status).toEqual({});
  });

  it('removes sessionAffinityConfig when affinity is None', () => {
    const s = defaulted({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } });
    expect(s.spec.sessionAffinityConfig).toBeUndefined();
  });

  it('gives ClientIP affinity without a timeout 10800 seconds and keeps a given one', () => {
    expect(defaulted({ sessionAffinity: 'ClientIP' }).spec.sessionAffinityConfig).toEqual({
      clientIP: { timeoutSeconds: 10800 },
    });
    expect(
      defaulted({
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
      }).spec.sessionAffinityConfig,
    ).toEqual({ clientIP: { timeoutSeconds: 60 } });
  });

  it('defaults each port to TCP and a targetPort unset, 0 or "" to the port', () => {
    const s = defaulted({
      ports: [
        { name: 'a', port: 80 },
        { name: 'b', port: 81, targetPort: 0 },
        { name: 'c', port: 82, targetPort: '' },
        { name: 'd', port: 83, targetPort: 'http', protocol: 'UDP' },
        { name: 'e', port: 84, targetPort: 9090 },
      ],
    });
    expect(s.spec.ports.map((p) => [p.protocol, p.targetPort])).toEqual([
      ['TCP', 80],
      ['TCP', 81],
      ['TCP', 82],
      ['UDP', 'http'],
      ['TCP', 9090],
    ]);
  });

  it('defaults externalTrafficPolicy Cluster only for externally accessible Services', () => {
    expect(defaulted({ type: 'NodePort' }).spec.externalTrafficPolicy).toBe('Cluster');
    expect(defaulted({ type: 'LoadBalancer' }).spec.externalTrafficPolicy).toBe('Cluster');
    expect(defaulted({ externalIPs: ['1.2.3.4'] }).spec.externalTrafficPolicy).toBe('Cluster');
    expect(defaulted({ type: 'ClusterIP' }).spec.externalTrafficPolicy).toBeUndefined();
    expect(
      defaulted({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' }).spec
        .externalTrafficPolicy,
    ).toBe('Local');
  });

  it('leaves internalTrafficPolicy unset for ExternalName', () => {
    const s = defaulted({ type: 'ExternalName', externalName: 'example.com' });
    expect(s.spec.internalTrafficPolicy).toBeUndefined();
  });

  it('defaults allocateLoadBalancerNodePorts true for LoadBalancer only', () => {
    expect(defaulted({ type: 'LoadBalancer' }).spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(
      defaulted({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }).spec
        .allocateLoadBalancerNodePorts,
    ).toBe(false);
    expect(defaulted({ type: 'NodePort' }).spec.allocateLoadBalancerNodePorts).toBeUndefined();
  });

  it('gives LoadBalancer ingress IPs ipMode VIP', () => {
    const s = defaulted(
      { type: 'LoadBalancer' },
      { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } },
    );
    expect(s.status.loadBalancer?.ingress).toEqual([{ ip: '1.2.3.4', ipMode: 'VIP' }]);
  });
});
