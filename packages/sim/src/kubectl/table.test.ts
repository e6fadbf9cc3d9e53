import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation/createSimulation.js';
import { KubectlUnsupportedError } from './errors.js';
import { table } from './table.js';
import { fakeSource, node, runningPod, webService, webSlice } from './fixtures.test-helper.js';

describe('table prints kubectl get', () => {
  it('lists pods sorted by name with NAME READY STATUS RESTARTS AGE NODE', () => {
    const sim = fakeSource(65_000, [
      runningPod('web-b', 'node-1', '10.128.1.2'),
      runningPod('web-a', 'node-0', '10.128.0.2'),
    ]);
    expect(table(sim, 'Pod')).toBe(
      [
        'NAME    READY   STATUS    RESTARTS   AGE   NODE',
        'web-a   1/1     Running   0          65s   node-0',
        'web-b   1/1     Running   0          65s   node-1',
        '',
      ].join('\n'),
    );
  });

  it('adds a NAMESPACE column for all namespaces and filters by label selector', () => {
    const other = runningPod('api-a', 'node-0', '10.128.0.3');
    other.metadata.labels = { app: 'api' };
    const sim = fakeSource(5_000, [runningPod('web-a', 'node-0', '10.128.0.2'), other]);
    expect(table(sim, 'Pod', { allNamespaces: true, labelSelector: 'app=api' })).toBe(
      [
        'NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE   NODE',
        'default     api-a   1/1     Running   0          5s    node-0',
        '',
      ].join('\n'),
    );
  });

  it('says when nothing is found, like kubectl', () => {
    expect(table(fakeSource(0, []), 'Pod', { namespace: 'shop' })).toBe(
      'No resources found in shop namespace.\n',
    );
    expect(table(fakeSource(0, []), 'Node')).toBe('No resources found\n');
  });

  it('prints services with node ports, <none> and <pending> external IPs', () => {
    const np = webService({
      type: 'NodePort',
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }],
    });
    const lb = webService({
      type: 'LoadBalancer',
      clusterIP: '10.96.0.16',
      clusterIPs: ['10.96.0.16'],
      ports: [
        { name: 'http', port: 80, targetPort: 8080, nodePort: 30081, protocol: 'TCP' },
        { name: 'dns', port: 53, targetPort: 53, nodePort: 30053, protocol: 'UDP' },
      ],
    });
    lb.metadata.name = 'edge';
    const plain = webService();
    plain.metadata.name = 'api';
    expect(table(fakeSource(200_000, [np, lb, plain]), 'Service')).toBe(
      [
        'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)                     AGE',
        'api    ClusterIP      10.96.0.15   <none>        80/TCP                      3m20s',
        'edge   LoadBalancer   10.96.0.16   <pending>     80:30081/TCP,53:30053/UDP   3m20s',
        'web    NodePort       10.96.0.15   <none>        80:30080/TCP                3m20s',
        '',
      ].join('\n'),
    );
  });

  it('prints endpoint slices: the first 3 addresses then "+ N more...", <unset> when empty', () => {
    const many = webSlice('web-abcde', [
      ['10.128.0.2', true],
      ['10.128.1.2', false],
      ['10.128.2.2', true],
      ['10.128.3.2', true],
      ['10.128.4.2', true],
    ]);
    const empty = webSlice('web-fghij', [], []);
    expect(table(fakeSource(3_600_000 * 50, [many, empty]), 'EndpointSlice')).toBe(
      [
        'NAME        ADDRESSTYPE   PORTS     ENDPOINTS                                      AGE',
        'web-abcde   IPv4          8080      10.128.0.2,10.128.1.2,10.128.2.2 + 2 more...   2d2h',
        'web-fghij   IPv4          <unset>   <unset>                                        2d2h',
        '',
      ].join('\n'),
    );
  });

  it('prints node status with NotReady, SchedulingDisabled and roles', () => {
    const sim = fakeSource(600_000, [
      node('node-0', 'True', { labels: { 'node-role.kubernetes.io/control-plane': '' } }),
      node('node-1', 'Unknown'),
      node('node-2', 'True', { unschedulable: true }),
    ]);
    expect(table(sim, 'Node')).toBe(
      [
        'NAME     STATUS                     ROLES           AGE   VERSION',
        'node-0   Ready                      control-plane   10m   v1.32.0',
        'node-1   NotReady                   <none>          10m   v1.32.0',
        'node-2   Ready,SchedulingDisabled   <none>          10m   v1.32.0',
        '',
      ].join('\n'),
    );
  });

  it('refuses a kind without a printer with a typed error', () => {
    expect(() => table(fakeSource(0, []), 'Lease')).toThrow(KubectlUnsupportedError);
  });
});

describe('table on a running simulation', () => {
  it('prints workloads whose counts and ages follow the virtual clock', () => {
    const sim = createSimulation({ seed: 3 });
    sim.addNodes(2);
    sim.apply([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'nginx' }] },
          },
        },
      },
    ]);
    sim.settle();
    sim.runFor('3m');
    const age = table(sim, 'Deployment').split('\n')[1];
    expect(age).toMatch(/^web {4}2\/2 {5}2 {12}2 {11}3m\d+s$/);
    const rs = table(sim, 'ReplicaSet').split('\n');
    expect(rs[0]).toBe('NAME            DESIRED   CURRENT   READY   AGE');
    expect(rs[1]).toMatch(/^web-[a-z0-9]+ +2 +2 +2 +3m\d+s$/);
    const pods = table(sim, 'Pod').trimEnd().split('\n');
    expect(pods).toHaveLength(3);
    for (const line of pods.slice(1)) expect(line).toMatch(/1\/1 +Running +0 +3m\d+s +node-\d$/);
  });
});
