import { describe, expect, it } from 'vitest';
import type { ClusterConfig } from '../config.js';
import { defaultClusterConfig } from '../config.js';
import type { Pod, PodInput, PodSpecInput, Probe, Toleration } from '../objects/pod.js';
import { defaultObject } from './defaultObject.js';
import { withDefaultTolerationSeconds } from './defaultTolerationSeconds.js';

function defaultedPod(spec: PodSpecInput, config: ClusterConfig = defaultClusterConfig): Pod {
  const input: PodInput = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec,
  };
  return defaultObject(input, config) as unknown as Pod;
}

const NOT_READY = {
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};
const UNREACHABLE = {
  key: 'node.kubernetes.io/unreachable',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};

describe('Pod defaults (core/v1 SetDefaults_PodSpec, SetDefaults_Pod)', () => {
  const pod = defaultedPod({ containers: [{ name: 'app', image: 'nginx' }] });

  it('defaults restartPolicy Always, grace 30 s, dnsPolicy ClusterFirst, default-scheduler', () => {
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.spec.terminationGracePeriodSeconds).toBe(30);
    expect(pod.spec.dnsPolicy).toBe('ClusterFirst');
    expect(pod.spec.schedulerName).toBe('default-scheduler');
  });

  it('sets priority 0 (Priority plugin) and enableServiceLinks true', () => {
    expect(pod.spec.priority).toBe(0);
    expect((pod.spec as unknown as Record<string, unknown>)['enableServiceLinks']).toBe(true);
    expect(defaultedPod({ priorityClassName: 'system-node-critical' }).spec.priority).toBe(
      2_000_001_000,
    );
  });

  it('starts the pod Pending and keeps a phase already reported', () => {
    expect(pod.status.phase).toBe('Pending');
    const running = defaultObject(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: {},
        status: { phase: 'Running' },
      },
      defaultClusterConfig,
    ) as unknown as Pod;
    expect(running.status.phase).toBe('Running');
  });

  it('keeps explicit values', () => {
    const p = defaultedPod({
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 0,
      dnsPolicy: 'Default',
      schedulerName: 'mine',
      priority: 7,
    });
    expect([
      p.spec.restartPolicy,
      p.spec.terminationGracePeriodSeconds,
      p.spec.dnsPolicy,
      p.spec.schedulerName,
      p.spec.priority,
    ]).toEqual(['Never', 0, 'Default', 'mine', 7]);
  });

  it('defaults container port protocol TCP in containers and init containers', () => {
    const p = defaultedPod({
      containers: [
        { name: 'a', ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }] },
      ],
      initContainers: [{ name: 'i', ports: [{ containerPort: 9000 }] }],
    });
    expect(p.spec.containers[0]?.ports?.map((x) => x.protocol)).toEqual(['TCP', 'UDP']);
    expect(p.spec.initContainers?.[0]?.ports?.[0]?.protocol).toBe('TCP');
  });

  it('defaults probe timings 0/10/1/1/3 on readiness, liveness and startup probes (§5.5)', () => {
    const p = defaultedPod({
      containers: [
        {
          name: 'a',
          readinessProbe: { httpGet: { port: 80 } },
          livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
          startupProbe: { exec: { command: ['true'] }, failureThreshold: 30 },
        },
      ],
    });
    const c = p.spec.containers[0];
    const timings = (probe: Probe | undefined) => [
      probe?.initialDelaySeconds,
      probe?.periodSeconds,
      probe?.timeoutSeconds,
      probe?.successThreshold,
      probe?.failureThreshold,
    ];
    expect(timings(c?.readinessProbe)).toEqual([0, 10, 1, 1, 3]);
    expect(timings(c?.livenessProbe)).toEqual([0, 5, 1, 1, 3]);
    expect(timings(c?.startupProbe)).toEqual([0, 10, 1, 1, 30]);
    expect(c?.readinessProbe?.httpGet).toEqual({ port: 80, path: '/', scheme: 'HTTP' });
  });

  it('defaults requests to limits when absent', () => {
    const p = defaultedPod({
      containers: [
        {
          name: 'a',
          resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m' } },
        },
      ],
    });
    expect(p.spec.containers[0]?.resources?.requests).toEqual({ cpu: '100m', memory: '1Gi' });
  });

  it('sets hostPort to containerPort under hostNetwork', () => {
    const p = defaultedPod({
      hostNetwork: true,
      containers: [{ name: 'a', ports: [{ containerPort: 8080 }] }],
    });
    expect(p.spec.containers[0]?.ports?.[0]?.hostPort).toBe(8080);
  });
});

describe('DefaultTolerationSeconds admission plugin (§6.7)', () => {
  it('adds not-ready and unreachable NoExecute tolerations of 300 s to a pod with none', () => {
    expect(defaultedPod({}).spec.tolerations).toEqual([NOT_READY, UNREACHABLE]);
  });

  it('takes the seconds from the config', () => {
    const p = defaultedPod(
      {},
      {
        ...defaultClusterConfig,
        defaultNotReadyTolerationSeconds: 30,
        defaultUnreachableTolerationSeconds: 60,
      },
    );
    expect(p.spec.tolerations.map((t) => t.tolerationSeconds)).toEqual([30, 60]);
  });

  it('gives pods without tolerations one shared frozen pair, per config', () => {
    const a = defaultedPod({}).spec.tolerations;
    const b = defaultedPod({}).spec.tolerations;
    expect(a).toBe(b);
    expect(Object.isFrozen(a) && a.every((t) => Object.isFrozen(t))).toBe(true);
    const other = defaultedPod(
      {},
      { ...defaultClusterConfig, defaultUnreachableTolerationSeconds: 60 },
    ).spec.tolerations;
    expect(other).not.toBe(a);
    expect(other).toEqual([NOT_READY, { ...UNREACHABLE, tolerationSeconds: 60 }]);
    // The shared not-ready toleration is the same object in both pairs.
    expect(other[0]).toBe(a[0]);
  });

  it('leaves a pod that already tolerates not-ready with its own toleration, adding unreachable', () => {
    const own: Toleration = {
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      effect: 'NoExecute',
    };
    expect(defaultedPod({ tolerations: [own] }).spec.tolerations).toEqual([own, UNREACHABLE]);
  });

  it('counts an empty key or an empty effect as already tolerating', () => {
    const everything: Toleration = { operator: 'Exists' };
    expect(withDefaultTolerationSeconds([everything], 300, 300)).toEqual([everything]);
    const anyEffect: Toleration = { key: 'node.kubernetes.io/unreachable', operator: 'Exists' };
    expect(withDefaultTolerationSeconds([anyEffect], 300, 300)).toEqual([anyEffect, NOT_READY]);
    const anyKeyNoExecute: Toleration = { operator: 'Exists', effect: 'NoExecute' };
    expect(withDefaultTolerationSeconds([anyKeyNoExecute], 300, 300)).toEqual([anyKeyNoExecute]);
  });

  it('does not count a NoSchedule toleration of the same key', () => {
    const noSchedule: Toleration = {
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      effect: 'NoSchedule',
    };
    expect(withDefaultTolerationSeconds([noSchedule], 300, 300)).toEqual([
      noSchedule,
      NOT_READY,
      UNREACHABLE,
    ]);
  });

  it('is idempotent: defaulting twice adds nothing more', () => {
    const once = defaultedPod({});
    expect(defaultObject(once, defaultClusterConfig)).toEqual(once);
  });
});
