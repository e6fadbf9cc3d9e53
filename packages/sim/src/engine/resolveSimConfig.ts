/**
 * Reads user configuration into a {@link SimConfig}: defaults filled in, durations parsed, every
 * value checked, errors naming the field.
 * @packageDocumentation
 */
import { ConfigError, DurationParseError, parseDuration, parseTimestamp } from '@kubesim/core';
import type { Duration } from '@kubesim/core';
import { defaultSimConfig } from './config.js';
import type { SimConfig, SimTimingField } from './config.js';
import type { DelayModel } from './delayModel.js';

/** A delay as a user writes it: a duration, or a jitter range of durations. */
export type DelayModelInput =
  Duration | { readonly min: Duration; readonly max: Duration; readonly stream?: string };

type FieldKind = 'period' | 'duration' | 'rate' | 'fraction' | 'count' | 'limit' | 'delay';

/** How each engine field is read and checked. */
const FIELD_KINDS = {
  nodeMonitorPeriod: 'period',
  nodeMonitorGracePeriod: 'duration',
  nodeStartupGracePeriod: 'duration',
  nodeEvictionRate: 'rate',
  secondaryNodeEvictionRate: 'rate',
  largeClusterSizeThreshold: 'count',
  unhealthyZoneThreshold: 'fraction',
  leaseDuration: 'period',
  leaseRenewInterval: 'period',
  nodeStatusUpdateFrequency: 'period',
  nodeStatusReportFrequency: 'period',
  podSandboxDelay: 'delay',
  imagePullDelay: 'delay',
  containerStartDelay: 'delay',
  containerBackoffInitial: 'duration',
  containerBackoffMax: 'duration',
  containerBackoffReset: 'duration',
  preStopGraceExtension: 'duration',
  podGCPeriod: 'period',
  podGCQuarantine: 'duration',
  terminatedPodGCThreshold: 'count',
  schedulerInitialBackoff: 'duration',
  schedulerMaxBackoff: 'duration',
  schedulerUnschedulableFlush: 'duration',
  endpointSliceBackoffBase: 'duration',
  endpointSliceBackoffMax: 'duration',
  endpointSliceMaxRetries: 'count',
  endpointSliceUpdatesBatchPeriod: 'duration',
  proxyMinSyncPeriod: 'duration',
  proxySyncPeriod: 'period',
  controllerWatchDelay: 'delay',
  kubeletWatchDelay: 'delay',
  proxyWatchDelay: 'delay',
  userWatchDelay: 'delay',
  drainRetryInterval: 'period',
  pdbDeletionTimeout: 'duration',
  maxEventsPerInstant: 'limit',
  maxReconcilesPerKeyPerInstant: 'limit',
  settleTimeout: 'period',
} as const satisfies Record<SimTimingField, FieldKind>;

type FieldsOfKind<Kind extends FieldKind> = {
  [K in SimTimingField]: (typeof FIELD_KINDS)[K] extends Kind ? K : never;
}[SimTimingField];

type InputOf<K extends keyof SimConfig> =
  K extends FieldsOfKind<'period' | 'duration'>
    ? Duration
    : K extends FieldsOfKind<'delay'>
      ? DelayModelInput
      : K extends 'startTime'
        ? number | string
        : SimConfig[K];

/**
 * What a user may pass as `config`: any subset of {@link SimConfig}, with durations as ms or Go
 * strings (`'40s'`, `'1m30s'`), delays as durations or `{ min, max }` jitter ranges, and
 * `startTime` as epoch ms or an RFC 3339 timestamp.
 */
export type SimConfigInput = { readonly [K in keyof SimConfig]?: InputOf<K> };

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function readDuration(field: string, value: unknown): number {
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new ConfigError(field, `must be a duration in ms or a Go duration string such as '40s'`);
  }
  try {
    return parseDuration(value);
  } catch (e) {
    if (e instanceof DurationParseError) throw new ConfigError(field, e.message);
    throw e;
  }
}

function readDelay(field: string, value: unknown): DelayModel {
  if (!isRecord(value)) return readDuration(field, value);
  const extra = Object.keys(value).filter((k) => k !== 'min' && k !== 'max' && k !== 'stream');
  if (extra.length > 0) {
    throw new ConfigError(`${field}.${extra[0] ?? ''}`, 'unknown field of a delay range');
  }
  const min = readDuration(`${field}.min`, value.min);
  const max = readDuration(`${field}.max`, value.max);
  if (min > max) throw new ConfigError(field, `min (${min} ms) must not exceed max (${max} ms)`);
  const stream = value.stream;
  if (stream === undefined) return { min, max };
  if (typeof stream !== 'string' || stream === '') {
    throw new ConfigError(`${field}.stream`, 'must be a non-empty stream name');
  }
  return { min, max, stream };
}

function readNumber(field: string, value: unknown, kind: FieldKind): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError(field, `must be a finite number, got ${JSON.stringify(value)}`);
  }
  const ok =
    kind === 'rate'
      ? value >= 0
      : kind === 'fraction'
        ? value > 0 && value <= 1
        : kind === 'count'
          ? Number.isSafeInteger(value) && value >= 0
          : Number.isSafeInteger(value) && value >= 1;
  if (!ok) {
    const want = {
      rate: 'at least 0',
      fraction: 'in (0, 1]',
      count: 'a whole number, at least 0',
      limit: 'a whole number, at least 1',
    }[kind as 'rate' | 'fraction' | 'count' | 'limit'];
    throw new ConfigError(field, `must be ${want}, got ${value}`);
  }
  return value;
}

function readTimingField(field: SimTimingField, value: unknown): unknown {
  const kind: FieldKind = FIELD_KINDS[field];
  switch (kind) {
    case 'delay':
      return readDelay(field, value);
    case 'period':
    case 'duration': {
      const ms = readDuration(field, value);
      if (kind === 'period' && ms <= 0) throw new ConfigError(field, 'must be longer than 0');
      return ms;
    }
    default:
      return readNumber(field, value, kind);
  }
}

/** kubesim's size limits: whole numbers, at least 1. */
const LIMIT_FIELDS = new Set(['maxNodes', 'maxReplicas', 'maxNestingDepth', 'maxManifestLength']);

/** Core's fields: the type of the default, plus the few ranges the engine relies on. */
function readClusterField(field: string, value: unknown, fallback: unknown): unknown {
  if (field === 'startTime' && typeof value === 'string') {
    const ms = parseTimestamp(value);
    if (ms === undefined) {
      throw new ConfigError(
        field,
        `must be epoch ms or an RFC 3339 timestamp, got ${JSON.stringify(value)}`,
      );
    }
    return ms;
  }
  if (typeof value !== typeof fallback) {
    throw new ConfigError(field, `must be a ${typeof fallback}, got ${JSON.stringify(value)}`);
  }
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new ConfigError(field, `must be a whole number, got ${value}`);
  }
  if (field === 'maxEndpointsPerSlice' && (value as number) < 1) {
    throw new ConfigError(field, 'must be between 1 and 1000');
  }
  if (field === 'maxEndpointsPerSlice' && (value as number) > 1000) {
    throw new ConfigError(field, 'must be between 1 and 1000');
  }
  if (field === 'fieldValidation' && value !== 'Strict' && value !== 'Warn' && value !== 'Ignore') {
    throw new ConfigError(
      field,
      `must be 'Strict', 'Warn' or 'Ignore', got ${JSON.stringify(value)}`,
    );
  }
  if (LIMIT_FIELDS.has(field) && (value as number) < 1) {
    throw new ConfigError(field, `must be a whole number, at least 1, got ${String(value)}`);
  }
  if (field === 'headlessEmptyAnswer' && value !== 'NODATA' && value !== 'NXDOMAIN') {
    throw new ConfigError(field, `must be 'NODATA' or 'NXDOMAIN', got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkRelations(c: SimConfig): void {
  type MsField = FieldsOfKind<'period' | 'duration'>;
  const notAbove = (low: MsField, high: MsField): void => {
    if (c[low] > c[high]) {
      throw new ConfigError(low, `must not exceed ${high} (${c[high]} ms), got ${c[low]} ms`);
    }
  };
  notAbove('leaseRenewInterval', 'leaseDuration');
  notAbove('schedulerInitialBackoff', 'schedulerMaxBackoff');
  notAbove('containerBackoffInitial', 'containerBackoffMax');
  notAbove('endpointSliceBackoffBase', 'endpointSliceBackoffMax');
}

/**
 * Fills in defaults and checks a user's config. Durations may be ms or Go strings; unknown fields
 * are refused (a typo must not silently keep a default).
 *
 * @example
 * ```ts
 * resolveSimConfig({ nodeMonitorGracePeriod: '40s' }).nodeMonitorGracePeriod === 40_000 // ≤ 1.31 value
 * resolveSimConfig({ proxyWatchDelay: { min: '100ms', max: '300ms' } })
 * ```
 * @throws ConfigError naming the field (`config.nodeMonitorGracePeriod: …`).
 */
export function resolveSimConfig(input: SimConfigInput | undefined = {}): Readonly<SimConfig> {
  // Callers from JavaScript or YAML may pass anything: check the shape at run time too.
  if (!isRecord(input)) throw new ConfigError('config', 'must be an object of settings');
  const out: Record<string, unknown> = { ...defaultSimConfig };
  for (const [field, value] of Object.entries(input as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (Object.hasOwn(FIELD_KINDS, field)) {
      out[field] = readTimingField(field as SimTimingField, value);
    } else if (Object.hasOwn(defaultSimConfig, field)) {
      out[field] = readClusterField(
        field,
        value,
        (defaultSimConfig as Record<string, unknown>)[field],
      );
    } else {
      throw new ConfigError(field, 'unknown setting (see SimConfig for the names)');
    }
  }
  const config = out as unknown as SimConfig;
  checkRelations(config);
  return Object.freeze(config);
}
