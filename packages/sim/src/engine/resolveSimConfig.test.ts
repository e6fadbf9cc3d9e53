import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, DEFAULT_START_TIME_MS, formatDuration } from '@kubesim/core';
import { defaultSimConfig } from './config.js';
import { resolveSimConfig } from './resolveSimConfig.js';
import type { SimConfigInput } from './resolveSimConfig.js';

function configError(input: unknown): ConfigError {
  try {
    resolveSimConfig(input as SimConfigInput);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveSimConfig', () => {
  it('gives the Kubernetes 1.32+ defaults when nothing is set', () => {
    const c = resolveSimConfig();
    expect(c).toEqual(defaultSimConfig);
    expect(Object.isFrozen(c)).toBe(true);
    expect({
      nodeMonitorPeriod: c.nodeMonitorPeriod,
      nodeMonitorGracePeriod: c.nodeMonitorGracePeriod,
      nodeStartupGracePeriod: c.nodeStartupGracePeriod,
      leaseDuration: c.leaseDuration,
      leaseRenewInterval: c.leaseRenewInterval,
      nodeStatusReportFrequency: c.nodeStatusReportFrequency,
      podGCPeriod: c.podGCPeriod,
      podGCQuarantine: c.podGCQuarantine,
      terminatedPodGCThreshold: c.terminatedPodGCThreshold,
      nodeEvictionRate: c.nodeEvictionRate,
      unhealthyZoneThreshold: c.unhealthyZoneThreshold,
      proxyMinSyncPeriod: c.proxyMinSyncPeriod,
      containerBackoffMax: c.containerBackoffMax,
      schedulerMaxBackoff: c.schedulerMaxBackoff,
      drainRetryInterval: c.drainRetryInterval,
      pdbDeletionTimeout: c.pdbDeletionTimeout,
      maxEventsPerInstant: c.maxEventsPerInstant,
      defaultUnreachableTolerationSeconds: c.defaultUnreachableTolerationSeconds,
      startTime: c.startTime,
      controllerWatchDelay: c.controllerWatchDelay,
    }).toEqual({
      nodeMonitorPeriod: 5000,
      nodeMonitorGracePeriod: 50_000,
      nodeStartupGracePeriod: 60_000,
      leaseDuration: 40_000,
      leaseRenewInterval: 10_000,
      nodeStatusReportFrequency: 300_000,
      podGCPeriod: 20_000,
      podGCQuarantine: 40_000,
      terminatedPodGCThreshold: 12_500,
      nodeEvictionRate: 0.1,
      unhealthyZoneThreshold: 0.55,
      proxyMinSyncPeriod: 1000,
      containerBackoffMax: 300_000,
      schedulerMaxBackoff: 10_000,
      drainRetryInterval: 5000,
      pdbDeletionTimeout: 120_000,
      maxEventsPerInstant: 1e7,
      defaultUnreachableTolerationSeconds: 300,
      startTime: DEFAULT_START_TIME_MS,
      controllerWatchDelay: 0,
    });
  });

  it('pins the ≤ 1.31 grace period from a Go duration string', () => {
    expect(resolveSimConfig({ nodeMonitorGracePeriod: '40s' }).nodeMonitorGracePeriod).toBe(40_000);
    expect(resolveSimConfig({ settleTimeout: '1h30m' }).settleTimeout).toBe(5_400_000);
  });

  it('reads any duration written as ms or as its Go string alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (ms) => {
        const a = resolveSimConfig({ podGCQuarantine: ms }).podGCQuarantine;
        const b = resolveSimConfig({ podGCQuarantine: formatDuration(ms) }).podGCQuarantine;
        expect(a).toBe(ms);
        expect(b).toBe(ms);
      }),
    );
  });

  it('reads a jitter range of durations, with an optional stream', () => {
    const c = resolveSimConfig({
      proxyWatchDelay: { min: '100ms', max: '0.3s' },
      kubeletWatchDelay: { min: 5, max: 5, stream: 'kubelets' },
    });
    expect(c.proxyWatchDelay).toEqual({ min: 100, max: 300 });
    expect(c.kubeletWatchDelay).toEqual({ min: 5, max: 5, stream: 'kubelets' });
  });

  it('accepts a start time as an RFC 3339 timestamp', () => {
    expect(resolveSimConfig({ startTime: '2025-01-01T00:00:10Z' }).startTime).toBe(
      DEFAULT_START_TIME_MS + 10_000,
    );
  });

  it('names the field of a bad value', () => {
    expect(configError({ nodeMonitorGracePeriod: '40 seconds' }).field).toBe(
      'nodeMonitorGracePeriod',
    );
    expect(configError({ nodeMonitorPeriod: 0 }).message).toMatch(
      /config\.nodeMonitorPeriod: .*longer than 0/,
    );
    expect(configError({ podGCQuarantine: -1 }).field).toBe('podGCQuarantine');
    expect(configError({ unhealthyZoneThreshold: 1.5 }).field).toBe('unhealthyZoneThreshold');
    expect(configError({ nodeEvictionRate: -0.1 }).field).toBe('nodeEvictionRate');
    expect(configError({ terminatedPodGCThreshold: 2.5 }).field).toBe('terminatedPodGCThreshold');
    expect(configError({ maxReconcilesPerKeyPerInstant: 0 }).field).toBe(
      'maxReconcilesPerKeyPerInstant',
    );
    expect(configError({ proxyWatchDelay: { min: '2s', max: '1s' } }).field).toBe(
      'proxyWatchDelay',
    );
    expect(configError({ proxyWatchDelay: { min: 'x', max: '1s' } }).field).toBe(
      'proxyWatchDelay.min',
    );
    expect(configError({ proxyWatchDelay: { min: 1, max: 2, jitter: 3 } }).field).toBe(
      'proxyWatchDelay.jitter',
    );
    expect(configError({ startTime: 'yesterday' }).field).toBe('startTime');
    expect(configError({ maxEndpointsPerSlice: 1001 }).field).toBe('maxEndpointsPerSlice');
    expect(configError({ headlessEmptyAnswer: 'EMPTY' }).field).toBe('headlessEmptyAnswer');
    expect(configError({ clusterDomain: 5 }).field).toBe('clusterDomain');
  });

  it('refuses an unknown setting instead of silently keeping a default', () => {
    const e = configError({ nodeMonitorGracePerod: '40s' });
    expect(e.field).toBe('nodeMonitorGracePerod');
    expect(e.code).toBe('ConfigInvalid');
  });

  it('refuses settings that contradict each other', () => {
    expect(configError({ leaseRenewInterval: '50s' }).field).toBe('leaseRenewInterval');
    expect(configError({ schedulerInitialBackoff: '11s' }).field).toBe('schedulerInitialBackoff');
    expect(configError({ containerBackoffInitial: '6m' }).field).toBe('containerBackoffInitial');
  });

  it('ignores fields set to undefined and refuses a non-object', () => {
    expect(resolveSimConfig({ nodeMonitorPeriod: undefined } as unknown as SimConfigInput)).toEqual(
      defaultSimConfig,
    );
    expect(configError([]).field).toBe('config');
  });
});
