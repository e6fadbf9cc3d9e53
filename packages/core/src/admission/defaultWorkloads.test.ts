import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../config.js';
import type {
  Deployment,
  DeploymentSpecInput,
  ReplicaSet,
  StatefulSet,
  StatefulSetSpecInput,
} from '../objects/apps.js';
import { defaultObject } from './defaultObject.js';

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', ports: [{ containerPort: 80 }] }] },
};

function deployment(spec: DeploymentSpecInput = {}): Deployment {
  return defaultObject(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { template, ...spec },
    },
    defaultClusterConfig,
  ) as unknown as Deployment;
}

function statefulSet(spec: StatefulSetSpecInput = {}): StatefulSet {
  return defaultObject(
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { template, ...spec },
    },
    defaultClusterConfig,
  ) as unknown as StatefulSet;
}

describe('Deployment defaults (apps/v1 SetDefaults_Deployment, §7.6)', () => {
  it('defaults replicas 1, RollingUpdate 25%/25%, history 10, deadline 600 s, minReady 0', () => {
    const d = deployment();
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.minReadySeconds).toBe(0);
    expect(d.status).toEqual({});
  });

  it('fills only the missing half of rollingUpdate', () => {
    expect(deployment({ strategy: { rollingUpdate: { maxSurge: 2 } } }).spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 2, maxUnavailable: '25%' },
    });
    expect(
      deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } } }).spec
        .strategy,
    ).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } });
  });

  it('adds no rollingUpdate to a Recreate strategy', () => {
    expect(deployment({ strategy: { type: 'Recreate' } }).spec.strategy).toEqual({
      type: 'Recreate',
    });
  });

  it('defaults the template pod spec but adds no DefaultTolerationSeconds tolerations', () => {
    const spec = deployment().spec.template.spec;
    expect(spec.restartPolicy).toBe('Always');
    expect(spec.terminationGracePeriodSeconds).toBe(30);
    expect(spec.containers[0]?.ports?.[0]?.protocol).toBe('TCP');
    expect(spec.tolerations).toEqual([]);
    expect((spec as unknown as Record<string, unknown>)['enableServiceLinks']).toBeUndefined();
  });
});

describe('ReplicaSet defaults (apps/v1 SetDefaults_ReplicaSet)', () => {
  it('defaults replicas 1, minReadySeconds 0, the template and a status with replicas 0', () => {
    const rs = defaultObject(
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'web-1' },
        spec: { template },
      },
      defaultClusterConfig,
    ) as unknown as ReplicaSet;
    expect(rs.spec.replicas).toBe(1);
    expect(rs.spec.minReadySeconds).toBe(0);
    expect(rs.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect(rs.status).toEqual({ replicas: 0 });
  });

  it('keeps replicas 0', () => {
    const rs = defaultObject(
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'r' },
        spec: { replicas: 0, template },
      },
      defaultClusterConfig,
    ) as unknown as ReplicaSet;
    expect(rs.spec.replicas).toBe(0);
  });
});

describe('StatefulSet defaults (apps/v1 SetDefaults_StatefulSet)', () => {
  it('defaults replicas 1, OrderedReady, RollingUpdate partition 0, history 10, Retain/Retain', () => {
    const s = statefulSet();
    expect(s.spec.replicas).toBe(1);
    expect(s.spec.podManagementPolicy).toBe('OrderedReady');
    expect(s.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { partition: 0 },
    });
    expect(s.spec.revisionHistoryLimit).toBe(10);
    expect(s.spec.minReadySeconds).toBe(0);
    expect(
      (s.spec as unknown as Record<string, unknown>)['persistentVolumeClaimRetentionPolicy'],
    ).toEqual({
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    });
    expect(s.spec.template.spec.schedulerName).toBe('default-scheduler');
    expect(s.status).toEqual({ replicas: 0 });
  });

  it('keeps OnDelete and a given partition', () => {
    expect(statefulSet({ updateStrategy: { type: 'OnDelete' } }).spec.updateStrategy).toEqual({
      type: 'OnDelete',
    });
    expect(
      statefulSet({ updateStrategy: { rollingUpdate: { partition: 2 } } }).spec.updateStrategy,
    ).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 2 } });
  });
});
