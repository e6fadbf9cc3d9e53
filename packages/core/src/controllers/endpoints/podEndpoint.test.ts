import { describe, it, expect } from 'vitest';
import { makeNode, makePod, makeService } from '../../testing/fixtures.js';
import type { Container } from '../../objects/pod.js';
import {
  findPort,
  podToEndpoint,
  shouldPodBeInEndpoints,
  shouldSetHostname,
} from './podEndpoint.js';

const svc = makeService({ name: 'web', selector: { app: 'web' } });
const node = makeNode('n1', 'zone-a');

describe('the §3.B table: which pods are published, with which conditions', () => {
  it('leaves out a pending pod that has no IP yet', () => {
    const pod = makePod({ name: 'p', labels: { app: 'web' } });
    expect(shouldPodBeInEndpoints(pod, true)).toBe(false);
  });

  it('publishes a running ready pod as ready, serving, not terminating', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1', ready: true, nodeName: 'n1' });
    expect(shouldPodBeInEndpoints(pod, true)).toBe(true);
    expect(podToEndpoint(pod, node, svc, 'IPv4').conditions).toEqual({
      ready: true,
      serving: true,
      terminating: false,
    });
  });

  it('publishes a running pod whose Ready is False as not ready and not serving', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1', ready: false, nodeName: 'n1' });
    expect(shouldPodBeInEndpoints(pod, true)).toBe(true);
    expect(podToEndpoint(pod, node, svc, 'IPv4').conditions).toEqual({
      ready: false,
      serving: false,
      terminating: false,
    });
  });

  it('keeps a deleting pod that is still Ready as serving and terminating but not ready', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1', ready: true, deleting: true });
    expect(shouldPodBeInEndpoints(pod, true)).toBe(true);
    expect(podToEndpoint(pod, node, svc, 'IPv4').conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
  });

  it('keeps a deleting pod that is not Ready as terminating only', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1', ready: false, deleting: true });
    expect(podToEndpoint(pod, node, svc, 'IPv4').conditions).toEqual({
      ready: false,
      serving: false,
      terminating: true,
    });
  });

  it('leaves out Succeeded and Failed pods even with an IP', () => {
    for (const phase of ['Succeeded', 'Failed'] as const) {
      const pod = makePod({ name: 'p', ip: '10.0.0.1', phase });
      expect(shouldPodBeInEndpoints(pod, true)).toBe(false);
    }
  });

  it('publishes every included pod as ready when the Service has publishNotReadyAddresses', () => {
    const pnr = makeService({ name: 'web', spec: { publishNotReadyAddresses: true } });
    const notReady = makePod({ name: 'a', ip: '10.0.0.1', ready: false });
    const terminating = makePod({ name: 'b', ip: '10.0.0.2', ready: true, deleting: true });
    expect(podToEndpoint(notReady, node, pnr, 'IPv4').conditions).toEqual({
      ready: true,
      serving: false,
      terminating: false,
    });
    expect(podToEndpoint(terminating, node, pnr, 'IPv4').conditions).toEqual({
      ready: true,
      serving: true,
      terminating: true,
    });
  });

  it('excludes terminating pods only when includeTerminating is false', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1', ready: true, deleting: true });
    expect(shouldPodBeInEndpoints(pod, false)).toBe(false);
  });
});

describe('podToEndpoint fields', () => {
  it('carries nodeName, the zone of the node and a targetRef to the pod', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1', ready: true, nodeName: 'n1', uid: 'u1' });
    const ep = podToEndpoint(pod, node, svc, 'IPv4');
    expect(ep).toEqual({
      addresses: ['10.0.0.1'],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'default', name: 'p', uid: 'u1' },
      nodeName: 'n1',
      zone: 'zone-a',
    });
  });

  it('has no zone when the node is unknown or has no zone label', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1', nodeName: 'n1' });
    expect(podToEndpoint(pod, undefined, svc, 'IPv4').zone).toBeUndefined();
    expect(podToEndpoint(pod, makeNode('n1'), svc, 'IPv4').zone).toBeUndefined();
  });

  it('has no IPv6 address for an IPv4-only pod', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1' });
    expect(podToEndpoint(pod, node, svc, 'IPv6').addresses).toEqual([]);
  });
});

describe('hostname rule', () => {
  it('sets the hostname only when spec.subdomain names the Service', () => {
    const match = makePod({ name: 'p', ip: '10.0.0.1', hostname: 'h', subdomain: 'web' });
    const other = makePod({ name: 'q', ip: '10.0.0.2', hostname: 'h', subdomain: 'db' });
    const noHost = makePod({ name: 'r', ip: '10.0.0.3', subdomain: 'web' });
    expect(podToEndpoint(match, node, svc, 'IPv4').hostname).toBe('h');
    expect(podToEndpoint(other, node, svc, 'IPv4').hostname).toBeUndefined();
    expect(shouldSetHostname(noHost, svc)).toBe(false);
  });

  it('does not set the hostname across namespaces', () => {
    const pod = makePod({
      name: 'p',
      namespace: 'other',
      ip: '10.0.0.1',
      hostname: 'h',
      subdomain: 'web',
    });
    expect(shouldSetHostname(pod, svc)).toBe(false);
  });
});

describe('findPort resolves named target ports per pod', () => {
  const containers: Container[] = [
    { name: 'a', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] },
    { name: 'b', ports: [{ name: 'dns', containerPort: 5353, protocol: 'TCP' }] },
  ];

  it('uses a numeric targetPort verbatim', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1' });
    expect(findPort(pod, { port: 80, targetPort: 9999, protocol: 'TCP' })).toBe(9999);
  });

  it('matches name AND protocol', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1', containers });
    expect(findPort(pod, { port: 53, targetPort: 'dns', protocol: 'TCP' })).toBe(5353);
    expect(findPort(pod, { port: 53, targetPort: 'dns', protocol: 'UDP' })).toBe(53);
    expect(findPort(pod, { port: 53, targetPort: 'dns', protocol: 'SCTP' })).toBeUndefined();
  });

  it('searches restartable init containers after regular ones, and ignores plain init containers', () => {
    const base = makePod({ name: 'p', ip: '10.0.0.1' });
    const pod = {
      ...base,
      spec: {
        ...base.spec,
        initContainers: [
          {
            name: 'init',
            ports: [{ name: 'side', containerPort: 1111, protocol: 'TCP' as const }],
          },
          {
            name: 'sidecar',
            restartPolicy: 'Always',
            ports: [{ name: 'side', containerPort: 2222, protocol: 'TCP' as const }],
          },
        ],
      },
    };
    expect(findPort(pod, { port: 80, targetPort: 'side', protocol: 'TCP' })).toBe(2222);
    expect(findPort(pod, { port: 80, targetPort: 'http', protocol: 'TCP' })).toBe(8080);
  });

  it('returns undefined when the name resolves nowhere', () => {
    const pod = makePod({ name: 'p', ip: '10.0.0.1' });
    expect(findPort(pod, { port: 80, targetPort: 'metrics', protocol: 'TCP' })).toBeUndefined();
  });
});
