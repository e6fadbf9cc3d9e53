/**
 * What a simulated application does, declared per pod (kwok-style lifecycles as data): when its
 * readiness probe passes, when it crashes, how long it takes to shut down.
 * @packageDocumentation
 */
import { DurationParseError, parseDuration } from '@kubesim/core';
import type { Duration } from '@kubesim/core';
import { parse as parseYaml } from 'yaml';
import { BehaviorInvalidError } from './kubeletErrors.js';

/** The annotation (on a pod or its template) that declares its {@link PodBehaviorInput}. */
export const BEHAVIOR_ANNOTATION = 'kubesim.io/behavior';

/** A window, measured from each container start, during which a probe fails. */
export interface FailureWindowInput {
  /** Start of the window after container start. */
  readonly from: Duration;
  /** Length of the window; absent: the probe keeps failing for the rest of the run. */
  readonly for?: Duration;
}

/**
 * A pod's behaviour as written in the `kubesim.io/behavior` annotation (JSON or YAML flow), e.g.
 * `{ readyAfter: 5s, crashAfter: 2m, exitCode: 2 }`. It describes the MAIN container
 * (`spec.containers[0]`); other containers are healthy (probes pass, they never crash).
 */
export interface PodBehaviorInput {
  /** The readiness probe starts succeeding this long after container start. @defaultValue `0` */
  readonly readyAfter?: Duration;
  /**
   * The application accepts connections this long after container start; before, connections to
   * it are refused (whatever the readiness probe says). @defaultValue `0`
   */
  readonly listenAfter?: Duration;
  /** Windows (from container start) during which the readiness probe fails. @defaultValue `[]` */
  readonly readinessFailing?: readonly FailureWindowInput[];
  /** The startup probe starts succeeding this long after container start. @defaultValue `0` */
  readonly startedAfter?: Duration;
  /** The main container exits this long after each start. @defaultValue never */
  readonly crashAfter?: Duration;
  /** Exit code of a crash. @defaultValue `1` */
  readonly exitCode?: number;
  /** Windows (from container start) during which the liveness probe fails. @defaultValue `[]` */
  readonly livenessFailing?: readonly FailureWindowInput[];
  /** Time the application takes to exit after TERM. @defaultValue `0` */
  readonly terminationDelay?: Duration;
  /**
   * Time the preStop hook takes.
   * @defaultValue `lifecycle.preStop.sleep.seconds` of the container, else `0`
   */
  readonly preStopDuration?: Duration;
}

/** A failure window in ms from container start; `until` is `Infinity` for an open window. */
export interface FailureWindow {
  readonly from: number;
  readonly until: number;
}

/** A resolved behaviour: every duration in ms. */
export interface PodBehavior {
  readonly readyAfter: number;
  readonly listenAfter: number;
  readonly readinessFailing: readonly FailureWindow[];
  readonly startedAfter: number;
  /** `undefined`: the container never crashes on its own. */
  readonly crashAfter: number | undefined;
  readonly exitCode: number;
  readonly livenessFailing: readonly FailureWindow[];
  readonly terminationDelay: number;
  /** `undefined`: take the container's `lifecycle.preStop.sleep.seconds`. */
  readonly preStopDuration: number | undefined;
}

/** The behaviour of a pod without annotation: healthy, ready at start, exits at once on TERM. */
export const DEFAULT_BEHAVIOR: Readonly<PodBehavior> = Object.freeze({
  readyAfter: 0,
  listenAfter: 0,
  readinessFailing: [],
  startedAfter: 0,
  crashAfter: undefined,
  exitCode: 1,
  livenessFailing: [],
  terminationDelay: 0,
  preStopDuration: undefined,
});

type Fields = { -readonly [K in keyof PodBehavior]?: PodBehavior[K] };

const DURATION_FIELDS = [
  'readyAfter',
  'listenAfter',
  'startedAfter',
  'crashAfter',
  'terminationDelay',
  'preStopDuration',
] as const;
const WINDOW_FIELDS = ['readinessFailing', 'livenessFailing'] as const;
const KNOWN = new Set<string>([...DURATION_FIELDS, ...WINDOW_FIELDS, 'exitCode']);

function duration(value: unknown, field: string): number {
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new BehaviorInvalidError(field, `must be a duration (ms or '30s'), got ${typeof value}`);
  }
  try {
    return parseDuration(value);
  } catch (e) {
    if (e instanceof DurationParseError) throw new BehaviorInvalidError(field, e.message);
    throw e;
  }
}

function windows(value: unknown, field: string): FailureWindow[] {
  if (!Array.isArray(value))
    throw new BehaviorInvalidError(field, 'must be a list of { from, for? }');
  return value.map((w: unknown, i) => {
    if (typeof w !== 'object' || w === null) {
      throw new BehaviorInvalidError(`${field}[${i}]`, 'must be an object { from, for? }');
    }
    const { from, for: length, ...rest } = w as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined)
      throw new BehaviorInvalidError(`${field}[${i}].${extra}`, 'unknown field');
    const start = duration(from, `${field}[${i}].from`);
    const until = length === undefined ? Infinity : start + duration(length, `${field}[${i}].for`);
    return { from: start, until };
  });
}

/**
 * Reads the fields a behaviour object sets (nothing else), for merging over a default.
 * @throws BehaviorInvalidError naming the field.
 */
export function readBehaviorFields(value: unknown): Partial<PodBehavior> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BehaviorInvalidError('', 'must be an object such as { readyAfter: 5s }');
  }
  const input = value as Record<string, unknown>;
  const out: Fields = {};
  for (const key of Object.keys(input)) {
    if (!KNOWN.has(key)) throw new BehaviorInvalidError(key, 'unknown field');
  }
  for (const f of DURATION_FIELDS) {
    if (input[f] !== undefined) out[f] = duration(input[f], f);
  }
  for (const f of WINDOW_FIELDS) {
    if (input[f] !== undefined) out[f] = windows(input[f], f);
  }
  const code = input['exitCode'];
  if (code !== undefined) {
    if (typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code > 255) {
      throw new BehaviorInvalidError(
        'exitCode',
        `must be an integer 0-255, got ${JSON.stringify(code)}`,
      );
    }
    out.exitCode = code;
  }
  return out;
}

/**
 * Resolves a behaviour written as an object (e.g. a config default) over {@link DEFAULT_BEHAVIOR}.
 * @example resolveBehavior({ readyAfter: '5s' }).readyAfter === 5000
 * @throws BehaviorInvalidError naming the field.
 */
export function resolveBehavior(
  input: PodBehaviorInput,
  base: PodBehavior = DEFAULT_BEHAVIOR,
): PodBehavior {
  return { ...base, ...readBehaviorFields(input) };
}

/**
 * Reads the fields an annotation text sets: a JSON object or a YAML flow mapping.
 * @throws BehaviorInvalidError naming the field, or the syntax error.
 */
export function readBehaviorAnnotation(annotationText: string): Partial<PodBehavior> {
  let value: unknown;
  try {
    value = parseYaml(annotationText);
  } catch (e) {
    const first = (e as Error).message.split('\n')[0] ?? '';
    throw new BehaviorInvalidError('', `not a JSON or YAML object: ${first}`);
  }
  return readBehaviorFields(value);
}

/**
 * Parses the text of a `kubesim.io/behavior` annotation: a JSON object or a YAML flow mapping,
 * over `base`. Unknown fields are refused (a typo would silently do nothing otherwise).
 * @example parseBehavior('{ crashAfter: 30s, exitCode: 2 }').crashAfter === 30_000
 * @throws BehaviorInvalidError naming the field, or the syntax error.
 */
export function parseBehavior(
  annotationText: string,
  base: PodBehavior = DEFAULT_BEHAVIOR,
): PodBehavior {
  return { ...base, ...readBehaviorAnnotation(annotationText) };
}
