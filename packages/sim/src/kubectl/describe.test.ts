import { describe as group, expect, it } from 'vitest';
import { NotFoundError } from '@kubesim/core';
import { createSimulation } from '../simulation/createSimulation.js';
import { describe } from './describe.js';
import {
  event,
  fakeSource,
  node,
  runningPod,
  webService,
  webSlice,
} from './fixtures.test-helper.js';

group('describe service', () => {
  it('prints every field, ready endpoints as ip:port and the events table', () => {
    const svc = webService({
      type: 'NodePort',
      ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP' }],
      externalTrafficPolicy: 'Cluster',
    });
    svc.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    const sim = fakeSource(300_000, [
      svc,
      webSlice('web-b2', [['10.128.2.2', true]]),
      webSlice('web-a1', [
        ['10.128.0.2', true],
        ['10.128.1.2', false],
      ]),
      event('Service', 'web', 'Type', 'ClusterIP -> NodePort', '2025-01-01T00:04:00Z'),
      event('Service', 'web', 'Sync', 'synced ', '2025-01-01T00:04:50Z', 3, '2025-01-01T00:00:00Z'),
    ]);
    expect(describe(sim, 'Service', 'web')).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        '                          tier=front',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.0.15',
        'IPs:                      10.96.0.15',
        'Port:                     http  80/TCP',
        'TargetPort:               http/TCP',
        'NodePort:                 http  30080/TCP',
        'Endpoints:                10.128.0.2:8080,10.128.2.2:8080',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:',
        '  Type    Reason  Age               From                 Message',
        '  ----    ------  ----              ----                 -------',
        '  Normal  Type    60s               endpoint-controller  ClusterIP -> NodePort',
        '  Normal  Sync    10s (x3 over 5m)  endpoint-controller  synced',
        '',
      ].join('\n'),
    );
  });

  it('prints <none> endpoints without slices, <unset> port names and Events <none>', () => {
    const svc = webService({
      ports: [{ port: 443, targetPort: 6443, protocol: 'TCP' }],
    });
    const text = describe(fakeSource(0, [svc]), 'Service', 'default/web');
    expect(text).toContain('Port:                     <unset>  443/TCP\n');
    expect(text).toContain('TargetPort:               6443/TCP\n');
    expect(text).toContain('Endpoints:                <none>\n');
    expect(text.endsWith('Events:                   <none>\n')).toBe(true);
  });

  it('caps endpoints at 3 with "+ N more..."', () => {
    const slice = webSlice(
      'web-a1',
      ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'].map((ip) => [ip, true]),
    );
    const text = describe(fakeSource(0, [webService(), slice]), 'Service', 'web');
    expect(text).toContain(
      'Endpoints:                10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...\n',
    );
  });

  it('throws NotFoundError in kubectl words', () => {
    expect(() => describe(fakeSource(0, []), 'Service', 'web')).toThrow(
      new NotFoundError('services "web" not found'),
    );
  });
});

group('describe pod and node (reduced)', () => {
  it('prints a pod with its node, IPs, container state and conditions', () => {
    const pod = runningPod('web-a', 'node-0', '10.128.0.2');
    pod.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d', uid: 'u', controller: true },
    ];
    expect(describe(fakeSource(10_000, [pod]), 'Pod', 'default/web-a')).toBe(
      [
        'Name:             web-a',
        'Namespace:        default',
        'Service Account:  default',
        'Node:             node-0/172.16.0.10',
        'Start Time:       Wed, 01 Jan 2025 00:00:00 +0000',
        'Labels:           app=web',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.128.0.2',
        'IPs:',
        '  IP:           10.128.0.2',
        'Controlled By:  ReplicaSet/web-7d',
        'Containers:',
        '  web:',
        '    Image:          nginx',
        '    Port:           8080/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:00:01 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        'Conditions:',
        '  Type           Status',
        '  Ready          True ',
        '  PodScheduled   True ',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints a cordoned, tainted node with its conditions', () => {
    const n = node('node-1', 'Unknown', { unschedulable: true });
    n.spec.taints = [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
    ];
    const text = describe(fakeSource(0, [n]), 'Node', 'node-1');
    expect(text).toBe(
      [
        'Name:               node-1',
        'Roles:              <none>',
        'Labels:             kubernetes.io/hostname=node-1',
        'Annotations:        <none>',
        'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000',
        'Taints:             node.kubernetes.io/unschedulable:NoSchedule',
        '                    node.kubernetes.io/unreachable:NoExecute',
        'Unschedulable:      true',
        'Conditions:',
        '  Type    Status    LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------    -----------------                 ------------------                ------         -------',
        '  Ready   Unknown   Mon, 01 Jan 0001 00:00:00 +0000   Mon, 01 Jan 0001 00:00:00 +0000   KubeletReady   ',
        // No Addresses here, so the Events line joins the conditions' column block, as in Go.
        'Events:   <none>',
        '',
      ].join('\n'),
    );
  });
});

group('describe on a running simulation', () => {
  it('lists the ready endpoints of a Service and the scheduler events of a pod', () => {
    const sim = createSimulation({ seed: 4 });
    sim.addNodes(2);
    sim.apply([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'solo', labels: { app: 'solo' } },
        spec: { containers: [{ name: 'c', image: 'busybox', ports: [{ containerPort: 9000 }] }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'solo' },
        spec: { selector: { app: 'solo' }, ports: [{ port: 80, targetPort: 9000 }] },
      },
    ]);
    sim.settle();
    const ip = sim.get('Pod', 'default/solo')?.status.podIP ?? 'missing';
    expect(describe(sim, 'Service', 'solo')).toContain(`Endpoints:                ${ip}:9000\n`);
    expect(describe(sim, 'Pod', 'solo')).toMatch(
      / {2}Normal {2}Scheduled {2}\d+s +\S+ +Successfully assigned default\/solo to node-\d\n$/,
    );
  });
});
