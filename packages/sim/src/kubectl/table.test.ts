import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation/createSimulation.js';
import { KubectlUnsupportedError } from './errors.js';
import { table } from './table.js';
import { fakeSource, node, runningPod, webService, webSlice } from './fixtures.test-helper.js';

describe('table prints kubectl get', () => {
  it('lists pods sorted by name with NAME READY STATUS RESTARTS AGE, and -o wide columns on request', () => {
    const sim = fakeSource(65_000, [
      runningPod('web-b', 'node-1', '10.128.1.2'),
      runningPod('web-a', 'node-0', '10.128.0.2'),
    ]);
    expect(table(sim, 'Pod')).toBe(
      [
        'NAME    READY   STATUS    RESTARTS   AGE',
        'web-a   1/1     Running   0          65s',
        'web-b   1/1     Running   0          65s',
        '',
      ].join('\n'),
    );
    expect(table(sim, 'Pod', { wide: true })).toBe(
      [
        'NAME    READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
        'web-a   1/1     Running   0          65s   10.128.0.2   node-0   <none>           <none>',
        'web-b   1/1     Running   0          65s   10.128.1.2   node-1   <none>           <none>',
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
        'NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE',
        'default     api-a   1/1     Running   0          5s',
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
    for (const line of pods.slice(1)) expect(line).toMatch(/1\/1 +Running +0 +3m\d+s$/);
  });
});

describe('table of a custom kind', () => {
  const crd = (versions: Record<string, unknown>[]) => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
      scope: 'Namespaced',
      versions,
    },
  });
  const schema = {
    openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  };
  const widget = (name: string, spec: Record<string, unknown>) => ({
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name },
    spec,
  });

  it("prints the CRD's additionalPrinterColumns as kubectl does, wide ones with wide", () => {
    const sim = createSimulation({ seed: 1 });
    sim.apply([
      crd([
        {
          name: 'v1',
          served: true,
          storage: true,
          schema,
          additionalPrinterColumns: [
            { name: 'Size', type: 'string', jsonPath: '.spec.size' },
            { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
            { name: 'Ratio', type: 'number', jsonPath: '.spec.ratio' },
            { name: 'On', type: 'boolean', jsonPath: '.spec.on' },
            { name: 'Note', type: 'string', jsonPath: '.spec.note', priority: 1 },
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
        },
      ]),
    ]);
    sim.runFor('90s');
    sim.apply([
      widget('b', { size: 'large', replicas: 3, ratio: 0.5, on: true, note: 'two\nlines' }),
      widget('a', { size: 'small', replicas: 'x', ratio: 2e-7 }),
    ]);
    sim.runFor('2m');
    expect(sim.table('Widget')).toBe(
      [
        'NAME   SIZE    REPLICAS   RATIO   ON     AGE',
        'a      small              2e-07          2m',
        'b      large   3          0.5     true   2m',
        '',
      ].join('\n'),
    );
    expect(sim.table('Widget', { wide: true }).split('\n')[2]).toBe(
      'b      large   3          0.5     true   two...   2m',
    );
    expect(sim.table('Widget', { namespace: 'other' })).toBe(
      'No resources found in other namespace.\n',
    );
  });

  it('prints NAME and AGE when no column is declared, at the preferred version', () => {
    const sim = createSimulation({ seed: 1 });
    sim.apply([
      crd([
        {
          name: 'v1beta1',
          served: true,
          storage: false,
          schema,
          additionalPrinterColumns: [{ name: 'Beta', type: 'string', jsonPath: '.spec.size' }],
        },
        { name: 'v1', served: true, storage: true, schema },
      ]),
    ]);
    sim.apply([widget('a', { size: 'small' })]);
    sim.runFor('5s');
    expect(sim.table('Widget')).toBe(['NAME   AGE', 'a      5s', ''].join('\n'));
  });
});
