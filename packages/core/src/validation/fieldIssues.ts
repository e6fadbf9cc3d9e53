/**
 * Constructors for field issues in kubectl's words (upstream `field.Invalid`, `field.Required`, …).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';

/** Renders a value the way upstream's field errors do: strings quoted, numbers and booleans bare. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null || value === undefined) return 'null';
  return safeStringify(value);
}

// Never throws: cycles, BigInts or hostile getters inside a value must not break validation.
function safeStringify(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'bigint' ? v.toString() : v,
    ) as string | undefined;
    return text ?? typeof value;
  } catch {
    return Array.isArray(value) ? '[…]' : '{…}';
  }
}

/** `path: Too many: <n>: must have at most <max> items`, as upstream's `field.TooMany`. */
export function tooMany(path: string, actual: number, max: number): FieldIssue {
  return {
    path,
    type: 'FieldValueInvalid',
    message: `Too many: ${actual}: must have at most ${max} items`,
  };
}

/** `path: Invalid value: <value>: <detail>`. */
export function invalid(path: string, value: unknown, detail: string): FieldIssue {
  return {
    path,
    type: 'FieldValueInvalid',
    message: `Invalid value: ${formatValue(value)}${detail === '' ? '' : `: ${detail}`}`,
  };
}

/** `path: Required value` (with an optional detail). */
export function required(path: string, detail = ''): FieldIssue {
  return {
    path,
    type: 'FieldValueRequired',
    message: detail === '' ? 'Required value' : `Required value: ${detail}`,
  };
}

/** `path: Forbidden: <detail>`. */
export function forbidden(path: string, detail: string): FieldIssue {
  return { path, type: 'FieldValueForbidden', message: `Forbidden: ${detail}` };
}

/** `path: Unsupported value: "x": supported values: "a", "b"`. */
export function notSupported(
  path: string,
  value: unknown,
  supported: readonly string[],
): FieldIssue {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return {
    path,
    type: 'FieldValueNotSupported',
    message: `Unsupported value: ${formatValue(value)}${list === '' ? '' : `: supported values: ${list}`}`,
  };
}

/** `path: Duplicate value: <value>`. */
export function duplicate(path: string, value: unknown): FieldIssue {
  return { path, type: 'FieldValueDuplicate', message: `Duplicate value: ${formatValue(value)}` };
}

/** `path: Not found: <value>` (a reference to something that does not exist). */
export function notFound(path: string, value: unknown): FieldIssue {
  return { path, type: 'FieldValueNotFound', message: `Not found: ${formatValue(value)}` };
}

/** `path: Too long: may not be more than N bytes`. */
export function tooLong(path: string, max: number): FieldIssue {
  return {
    path,
    type: 'FieldValueTooLong',
    message: `Too long: may not be more than ${max} bytes`,
  };
}

/** `path: Invalid value: "<type>": expected <expected>` for a field of the wrong JSON type. */
export function typeInvalid(path: string, value: unknown, expected: string): FieldIssue {
  return {
    path,
    type: 'FieldValueTypeInvalid',
    message: `Invalid value: ${formatValue(value)}: must be ${expected}`,
  };
}

/** Joins a field path: `child('spec', 'ports')` → `spec.ports`; `index('spec.ports', 0)` → `spec.ports[0]`. */
export function child(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** `index('spec.ports', 0)` → `spec.ports[0]`. */
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** `key('metadata.labels', 'app')` → `metadata.labels[app]`, as upstream's `field.Path.Key`. */
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}
