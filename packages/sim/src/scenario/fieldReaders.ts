/**
 * Small readers for scenario fields: each checks one JSON value and throws a ScenarioError naming
 * its path when it is not what the scenario format says.
 * @packageDocumentation
 */
import { DurationParseError, ScenarioError, parseDuration } from '@kubesim/core';

/** A JSON mapping as read from YAML or JSON. */
export type JsonMap = Readonly<Record<string, unknown>>;

/** True for a plain mapping (not an array, not null). */
export function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `a.b`, or `b` at the top. */
export function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** A short, never-throwing rendering of a value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return typeof value;
  }
}

/** The JSON type name of a value, as messages say it. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** Throws the ScenarioError of a missing field. */
export function required(path: string, what: string): never {
  throw new ScenarioError(path, `Required value: ${what}`);
}

/** Reads a mapping; refuses fields outside `allowed` (a typo must not be silently ignored). */
export function readMap(value: unknown, path: string, allowed: readonly string[]): JsonMap {
  if (!isMap(value)) {
    throw new ScenarioError(path, `must be a mapping, got ${typeName(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new ScenarioError(
        joinPath(path, key),
        `unknown field; expected one of ${allowed.join(', ')}`,
      );
    }
  }
  return value;
}

/** Reads a list. */
export function readList(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new ScenarioError(path, `must be a list, got ${typeName(value)}`);
  }
  return value as readonly unknown[];
}

/** Reads a non-empty string. */
export function readName(value: unknown, path: string, what: string): string {
  if (value === undefined) required(path, what);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ScenarioError(path, `must be a non-empty string (${what}), got ${show(value)}`);
  }
  return value;
}

/** Reads a whole number of at least `min`. */
export function readInteger(value: unknown, path: string, min: number, what: string): number {
  if (value === undefined) required(path, what);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    const want = min === 1 ? 'a positive whole number' : `a whole number, at least ${min}`;
    throw new ScenarioError(path, `must be ${want} (${what}), got ${show(value)}`);
  }
  return value;
}

/**
 * Reads a duration (ms or a Go string such as `'30s'`) as milliseconds.
 * @param positive - refuse 0
 */
export function readDuration(value: unknown, path: string, what: string, positive = false): number {
  if (value === undefined) required(path, what);
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new ScenarioError(
      path,
      `must be a duration (ms, or a string such as '30s' or '5m'), got ${typeName(value)}`,
    );
  }
  let ms: number;
  try {
    ms = parseDuration(value);
  } catch (err) {
    if (err instanceof DurationParseError) throw new ScenarioError(path, err.message);
    throw err;
  }
  if (positive && ms <= 0) throw new ScenarioError(path, `must be longer than 0 (${what})`);
  return ms;
}

/** Reads a mapping of strings to strings (labels). */
export function readStringMap(value: unknown, path: string): Readonly<Record<string, string>> {
  if (!isMap(value)) throw new ScenarioError(path, `must be a mapping, got ${typeName(value)}`);
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') {
      throw new ScenarioError(joinPath(path, key), `must be a string, got ${show(v)}`);
    }
  }
  return value as Readonly<Record<string, string>>;
}
