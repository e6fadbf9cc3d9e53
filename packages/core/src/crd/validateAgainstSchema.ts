/**
 * Validation of a value against a structural OpenAPI v3 schema, in the API server's words
 * (kube-openapi pkg/validation/validate, converted to field errors by apiextensions-apiserver
 * pkg/apiserver/validation/validation.go `kubeOpenAPIResultToFieldErrors`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { formatValue } from '../validation/fieldIssues.js';
import { validateListType } from './listTypes.js';
import { re2SyntaxError } from './re2Syntax.js';
import { matchesFormat } from './schemaFormats.js';
import type { JsonSchemaProps } from './schemaTypes.js';
import { deepEqual } from '../store/deepEqual.js';
import { isJsonObject, itemSchema, jsonTypeOf } from './schemaTypes.js';

const patternCache = new Map<string, RegExp | string>();

/**
 * The compiled `pattern`, or the reason it does not compile: Go's words for what RE2 refuses
 * (lookarounds and backreferences included), else the JavaScript engine's.
 */
export function compilePattern(pattern: string): RegExp | string {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = re2SyntaxError(pattern) ?? new RegExp(pattern, 'u');
    } catch (e) {
      re = e instanceof Error ? e.message : String(e);
    }
    patternCache.set(pattern, re);
  }
  return re;
}

function invalidIssue(path: string, value: unknown, detail: string): FieldIssue {
  return {
    path: path === '' ? '<nil>' : path,
    type: 'FieldValueInvalid',
    message: `Invalid value: ${formatValue(value)}: ${detail}`,
  };
}

// kube-openapi names the value's place `<path> in body`; the root has no name.
function named(path: string): string {
  return path === '' ? 'in body' : `${path} in body`;
}

function formatNumber(n: number): string {
  return String(n);
}

/** Whether a value is allowed by the node's type (`number` admits integers). */
function typeIssue(value: unknown, s: JsonSchemaProps, path: string): FieldIssue | undefined {
  const expected = s['x-kubernetes-int-or-string'] === true ? ['integer', 'string'] : [];
  if (expected.length === 0 && typeof s.type === 'string' && s.type !== '') expected.push(s.type);
  if (expected.length === 0) return undefined;
  const actual = jsonTypeOf(value);
  if (expected.includes(actual) || (actual === 'integer' && expected.includes('number'))) {
    return undefined;
  }
  return {
    path,
    type: 'FieldValueTypeInvalid',
    message: `Invalid value: ${JSON.stringify(actual)}: ${named(path)} must be of type ${expected.join(',')}: ${JSON.stringify(actual)}`,
  };
}

function checkString(value: string, s: JsonSchemaProps, path: string, out: FieldIssue[]): void {
  // kube-openapi counts characters (runes), not UTF-16 units.
  let length = 0;
  for (const _ of value) length += 1;
  if (s.maxLength !== undefined && length > s.maxLength) {
    out.push({
      path,
      type: 'FieldValueTooLong',
      message: `Too long: may not be more than ${s.maxLength} bytes`,
    });
  }
  if (s.minLength !== undefined && length < s.minLength) {
    out.push(
      invalidIssue(path, value, `${named(path)} should be at least ${s.minLength} chars long`),
    );
  }
  if (s.pattern !== undefined) {
    const re = compilePattern(s.pattern);
    if (typeof re === 'string') {
      out.push(
        invalidIssue(
          path,
          value,
          `${named(path)} should match '${s.pattern}, but pattern is invalid: ${re}'`,
        ),
      );
    } else if (!re.test(value)) {
      out.push(invalidIssue(path, value, `${named(path)} should match '${s.pattern}'`));
    }
  }
  if (s.format !== undefined && !matchesFormat(s.format, value)) {
    out.push({
      path,
      type: 'FieldValueTypeInvalid',
      message: `Invalid value: ${formatValue(value)}: ${named(path)} must be of type ${s.format}: ${JSON.stringify(value)}`,
    });
  }
}

function checkNumber(value: number, s: JsonSchemaProps, path: string, out: FieldIssue[]): void {
  if (s.maximum !== undefined) {
    const exclusive = s.exclusiveMaximum === true;
    if (exclusive ? value >= s.maximum : value > s.maximum) {
      const rel = exclusive ? 'less than' : 'less than or equal to';
      out.push(
        invalidIssue(path, value, `${named(path)} should be ${rel} ${formatNumber(s.maximum)}`),
      );
    }
  }
  if (s.minimum !== undefined) {
    const exclusive = s.exclusiveMinimum === true;
    if (exclusive ? value <= s.minimum : value < s.minimum) {
      const rel = exclusive ? 'greater than' : 'greater than or equal to';
      out.push(
        invalidIssue(path, value, `${named(path)} should be ${rel} ${formatNumber(s.minimum)}`),
      );
    }
  }
  if (s.multipleOf !== undefined && s.multipleOf > 0) {
    const q = value / s.multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9) {
      out.push(
        invalidIssue(
          path,
          value,
          `${named(path)} should be a multiple of ${formatNumber(s.multipleOf)}`,
        ),
      );
    }
  }
}

function checkArray(
  value: readonly unknown[],
  s: JsonSchemaProps,
  path: string,
  out: FieldIssue[],
): void {
  const items = itemSchema(s);
  if (items !== undefined) {
    value.forEach((item, i) => {
      validateNode(item, items, `${path}[${i}]`, out);
    });
  }
  if (s.minItems !== undefined && value.length < s.minItems) {
    out.push(
      invalidIssue(path, value.length, `${named(path)} should have at least ${s.minItems} items`),
    );
  }
  if (s.maxItems !== undefined && value.length > s.maxItems) {
    out.push({
      path,
      type: 'FieldValueInvalid',
      message: `Too many: ${value.length}: must have at most ${s.maxItems} items`,
    });
  }
  validateListType(value, s, path, out);
}

function checkObject(
  value: Readonly<Record<string, unknown>>,
  s: JsonSchemaProps,
  path: string,
  out: FieldIssue[],
): void {
  const prefix = path === '' ? '' : `${path}.`;
  for (const name of s.required ?? []) {
    if (!Object.prototype.hasOwnProperty.call(value, name)) {
      out.push({ path: `${prefix}${name}`, type: 'FieldValueRequired', message: 'Required value' });
    }
  }
  const count = Object.keys(value).length;
  if (s.maxProperties !== undefined && count > s.maxProperties) {
    out.push({
      path,
      type: 'FieldValueInvalid',
      message: `Too many: ${count}: must have at most ${s.maxProperties} items`,
    });
  }
  if (s.minProperties !== undefined && count < s.minProperties) {
    out.push(
      invalidIssue(
        path,
        s.minProperties,
        `${named(path)} should have at least ${s.minProperties} properties`,
      ),
    );
  }
  const props = s.properties ?? {};
  const additional = s.additionalProperties;
  for (const key of Object.keys(value).sort()) {
    const child = Object.prototype.hasOwnProperty.call(props, key)
      ? props[key]
      : typeof additional === 'object'
        ? additional
        : undefined;
    if (child !== undefined) validateNode(value[key], child, `${prefix}${key}`, out);
  }
}

function checkCombinators(
  value: unknown,
  s: JsonSchemaProps,
  path: string,
  out: FieldIssue[],
): void {
  const name = JSON.stringify(path);
  const trial = (branch: JsonSchemaProps): FieldIssue[] => {
    const found: FieldIssue[] = [];
    validateNode(value, branch, path, found);
    return found;
  };
  if (s.allOf !== undefined && s.allOf.length > 0) {
    const results = s.allOf.map(trial);
    const passed = results.filter((r) => r.length === 0).length;
    if (passed < results.length) {
      const suffix = passed === 0 ? '. None validated' : '';
      out.push(invalidIssue('', '', `${name} must validate all the schemas (allOf)${suffix}`));
      for (const r of results) out.push(...r);
    }
  }
  if (s.anyOf !== undefined && s.anyOf.length > 0) {
    const results = s.anyOf.map(trial);
    if (!results.some((r) => r.length === 0)) {
      out.push(invalidIssue('', '', `${name} must validate at least one schema (anyOf)`));
      // kube-openapi reports the failures of the branch that came closest (the first with fewest).
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...best);
    }
  }
  if (s.oneOf !== undefined && s.oneOf.length > 0) {
    const results = s.oneOf.map(trial);
    const passed = results.filter((r) => r.length === 0).length;
    if (passed === 0) {
      out.push(
        invalidIssue(
          '',
          '',
          `${name} must validate one and only one schema (oneOf). Found none valid`,
        ),
      );
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...best);
    } else if (passed > 1) {
      out.push(
        invalidIssue(
          '',
          '',
          `${name} must validate one and only one schema (oneOf). Found ${passed} valid alternatives`,
        ),
      );
    }
  }
  if (s.not !== undefined && trial(s.not).length === 0) {
    out.push(invalidIssue('', '', `${name} must not validate the schema (not)`));
  }
}

function validateNode(value: unknown, s: JsonSchemaProps, path: string, out: FieldIssue[]): void {
  if (value === null || value === undefined) {
    if (s.nullable === true) return;
    const t = typeIssue(null, s, path);
    if (t !== undefined) out.push(t);
    return;
  }
  const t = typeIssue(value, s, path);
  if (t !== undefined) out.push(t);
  if (s.enum !== undefined && s.enum.length > 0 && !s.enum.some((e) => deepEqual(e, value))) {
    const supported = s.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
    out.push({
      path,
      type: 'FieldValueNotSupported',
      message: `Unsupported value: ${formatValue(value)}: supported values: ${supported.map((x) => JSON.stringify(x)).join(', ')}`,
    });
  }
  if (typeof value === 'string') checkString(value, s, path, out);
  else if (typeof value === 'number') checkNumber(value, s, path, out);
  else if (Array.isArray(value)) checkArray(value, s, path, out);
  else if (isJsonObject(value)) checkObject(value, s, path, out);
  checkCombinators(value, s, path, out);
}

/**
 * Validates `value` against `schema` as the API server validates a custom resource: every issue
 * with its field path (`spec.replicas`, `spec.ports[1].name`). Empty when valid. The value is
 * not changed; unknown fields are not reported here (pruning handles them).
 *
 * @example
 * ```ts
 * validateAgainstSchema({ spec: { replicas: 'x' } }, schema);
 * // [{ path: 'spec.replicas', message: 'Invalid value: "string": spec.replicas in body must be of type integer: "string"', … }]
 * ```
 */
export function validateAgainstSchema(value: unknown, schema: JsonSchemaProps): FieldIssue[] {
  const out: FieldIssue[] = [];
  validateNode(value, schema, '', out);
  return out;
}
