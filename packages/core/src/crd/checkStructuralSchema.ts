/**
 * The checks the API server makes on a CRD's `openAPIV3Schema` before accepting it: a structural
 * schema (apiextensions-apiserver pkg/apiserver/schema/validation.go `ValidateStructural`), valid
 * patterns, list types with their map keys, and defaults that validate against their own schema
 * (pkg/apiserver/schema/defaulting/validation.go).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { forbidden, invalid, notSupported, required } from '../validation/fieldIssues.js';
import type { JsonSchemaProps } from './schemaTypes.js';
import { isJsonObject, itemSchema } from './schemaTypes.js';
import { compilePattern, validateAgainstSchema } from './validateAgainstSchema.js';

const knownTypes = ['array', 'boolean', 'integer', 'number', 'object', 'string'];

/** What {@link checkStructuralSchema} found: refusals, and warnings for accepted but ignored parts. */
export interface SchemaCheck {
  readonly issues: FieldIssue[];
  readonly warnings: string[];
}

function checkListType(s: JsonSchemaProps, path: string, out: SchemaCheck): void {
  const listType = s['x-kubernetes-list-type'];
  const keys = s['x-kubernetes-list-map-keys'];
  if (listType !== undefined) {
    if (!['atomic', 'map', 'set'].includes(listType)) {
      out.issues.push(
        notSupported(`${path}.x-kubernetes-list-type`, listType, ['atomic', 'map', 'set']),
      );
    } else if (s.type !== 'array') {
      out.issues.push(
        invalid(
          `${path}.type`,
          s.type ?? '',
          'must be array if x-kubernetes-list-type is specified',
        ),
      );
    }
  }
  if (listType === 'map') {
    if (keys === undefined || keys.length === 0) {
      out.issues.push(
        required(
          `${path}.x-kubernetes-list-map-keys`,
          'must not be empty if x-kubernetes-list-type is map',
        ),
      );
      return;
    }
    const items = itemSchema(s);
    if (items?.type !== 'object') {
      out.issues.push(
        invalid(
          `${path}.items.type`,
          items?.type ?? '',
          "must be object if parent array's x-kubernetes-list-type is map",
        ),
      );
      return;
    }
    keys.forEach((k, i) => {
      const keySchema = items.properties?.[k];
      if (keySchema === undefined) {
        out.issues.push(
          required(
            `${path}.x-kubernetes-list-map-keys[${i}]`,
            `entries must all be names of item properties`,
          ),
        );
      } else if (!['string', 'integer', 'number', 'boolean'].includes(keySchema.type ?? '')) {
        out.issues.push(
          invalid(
            `${path}.items.properties[${k}].type`,
            keySchema.type ?? '',
            "must be a scalar type if parent array's x-kubernetes-list-type is map",
          ),
        );
      }
    });
  } else if (keys !== undefined && keys.length > 0) {
    out.issues.push(
      required(
        `${path}.x-kubernetes-list-type`,
        'must be map if x-kubernetes-list-map-keys is non-empty',
      ),
    );
  }
}

function checkNode(
  s: JsonSchemaProps,
  path: string,
  level: 'root' | 'field' | 'item' | 'value',
  out: SchemaCheck,
): void {
  const intOrString = s['x-kubernetes-int-or-string'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'];
  if (level !== 'value') {
    if (s.type === undefined || s.type === '') {
      if (!intOrString && preserve !== true) {
        const where =
          level === 'root'
            ? 'must not be empty at the root'
            : level === 'item'
              ? 'must not be empty for specified array items'
              : 'must not be empty for specified object fields';
        out.issues.push(required(`${path}.type`, where));
      }
    } else if (!knownTypes.includes(s.type)) {
      out.issues.push(notSupported(`${path}.type`, s.type, knownTypes));
    }
    if (level === 'root' && s.type !== undefined && s.type !== 'object') {
      out.issues.push(invalid(`${path}.type`, s.type, 'must be object at the root'));
    }
  }
  if (intOrString && s.type !== undefined && s.type !== '') {
    out.issues.push(
      invalid(`${path}.type`, s.type, 'must be empty if x-kubernetes-int-or-string is true'),
    );
  }
  if (preserve === false) {
    out.issues.push(
      invalid(`${path}.x-kubernetes-preserve-unknown-fields`, false, 'must be true or undefined'),
    );
  }
  if (s['x-kubernetes-embedded-resource'] === true && s.type !== 'object') {
    out.issues.push(
      invalid(
        `${path}.type`,
        s.type ?? '',
        'must be object if x-kubernetes-embedded-resource is true',
      ),
    );
  }
  if (typeof s['$ref'] === 'string')
    out.issues.push(forbidden(`${path}.$ref`, '$ref is not supported'));
  if (s.uniqueItems === true) {
    out.issues.push(
      forbidden(
        `${path}.uniqueItems`,
        'uniqueItems cannot be set to true since the runtime complexity becomes quadratic',
      ),
    );
  }
  if (s.additionalProperties === false) {
    out.issues.push(
      forbidden(`${path}.additionalProperties`, 'additionalProperties cannot be set to false'),
    );
  }
  if (s.properties !== undefined && s.additionalProperties !== undefined) {
    out.issues.push(
      forbidden(
        `${path}.additionalProperties`,
        'additionalProperties and properties are mutual exclusive',
      ),
    );
  }
  if (s.pattern !== undefined) {
    const re = compilePattern(s.pattern);
    if (typeof re === 'string') {
      out.issues.push(
        invalid(
          `${path}.pattern`,
          s.pattern,
          `must be a valid regular expression, but isn't: ${re}`,
        ),
      );
    }
  }
  checkListType(s, path, out);
  if (s['x-kubernetes-validations'] !== undefined) {
    out.warnings.push(
      `${path}.x-kubernetes-validations: CEL validation rules are not evaluated by kubesim (no maintained CEL implementation for JavaScript); the rules are kept but ignored`,
    );
  }
  if (level !== 'value' && s.default !== undefined) {
    if (level === 'root') {
      out.issues.push(forbidden(`${path}.default`, 'must not be set at the root'));
    } else {
      for (const issue of validateAgainstSchema(s.default, s)) {
        const at = issue.path === '<nil>' || issue.path === '' ? '' : `.${issue.path}`;
        out.issues.push({ ...issue, path: `${path}.default${at}` });
      }
    }
  }
  for (const [key, child] of Object.entries(s.properties ?? {})) {
    if (!isJsonObject(child)) continue;
    if (level === 'root' && key === 'metadata') {
      const names = Object.keys(child.properties ?? {});
      if (names.some((n) => n !== 'name' && n !== 'generateName')) {
        out.issues.push(
          forbidden(
            `${path}.properties[metadata]`,
            'must not specify anything other than name and generateName, but metadata is implicitly specified',
          ),
        );
      }
    }
    checkNode(child, `${path}.properties[${key}]`, level === 'value' ? 'value' : 'field', out);
  }
  if (typeof s.additionalProperties === 'object') {
    checkNode(
      s.additionalProperties,
      `${path}.additionalProperties`,
      level === 'value' ? 'value' : 'field',
      out,
    );
  }
  if (Array.isArray(s.items)) {
    out.issues.push(forbidden(`${path}.items`, 'items must be a schema object and not an array'));
  } else {
    const items = itemSchema(s);
    if (items !== undefined)
      checkNode(items, `${path}.items`, level === 'value' ? 'value' : 'item', out);
    else if (s.type === 'array' && level !== 'value') {
      out.issues.push(required(`${path}.items`, 'must be specified'));
    }
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    (s[key] ?? []).forEach((branch, i) => {
      checkNode(branch, `${path}.${key}[${i}]`, 'value', out);
    });
  }
  if (s.not !== undefined) checkNode(s.not, `${path}.not`, 'value', out);
}

/**
 * Checks a CRD version's `openAPIV3Schema` at `path`
 * (`spec.versions[0].schema.openAPIV3Schema`). Issues refuse the CRD; warnings accompany an
 * accepted one (CEL rules, which kubesim does not evaluate).
 *
 * @example
 * ```ts
 * checkStructuralSchema({ type: 'object', properties: { spec: {} } }, 'spec.versions[0].schema.openAPIV3Schema').issues;
 * // [{ path: '….properties[spec].type', message: 'Required value: must not be empty for specified object fields', … }]
 * ```
 */
export function checkStructuralSchema(schema: JsonSchemaProps, path: string): SchemaCheck {
  const out: SchemaCheck = { issues: [], warnings: [] };
  checkNode(schema, path, 'root', out);
  return out;
}
