/**
 * Schema validation, table-driven. The cases marked `upstream` are apiextensions-apiserver's own
 * `TestValidateCustomResource` (pkg/apiserver/validation/validation_test.go) and
 * `TestValidateListSetsAndMaps` (pkg/apiserver/schema/listtype/validation_test.go), translated as
 * data: schema, valid objects, invalid objects with the exact error strings upstream expects
 * (compared as sets, as upstream does), every case of upstream's table but the CEL ones (CEL rules
 * are not evaluated, see README).
 * The `kube-openapi` cases exercise the other keywords with the messages of kube-openapi
 * pkg/validation/errors/schema.go.
 */
import { describe, expect, it } from 'vitest';
import { formatFieldIssue } from '../errors.js';
import type { JsonSchemaProps } from './schemaTypes.js';
import { validateAgainstSchema } from './validateAgainstSchema.js';

interface Case {
  readonly name: string;
  readonly schema: JsonSchemaProps;
  readonly valid?: readonly unknown[];
  readonly invalid?: readonly { readonly object: unknown; readonly errors: readonly string[] }[];
}

const obj = (properties: Record<string, JsonSchemaProps>, extra: JsonSchemaProps = {}) =>
  ({ type: 'object', properties, ...extra }) as JsonSchemaProps;

const typeErrors = (expected: string, values: readonly [unknown, string][]) =>
  values.map(([v, t]) => ({
    object: { field: v },
    errors: [`field: Invalid value: "${t}": field in body must be of type ${expected}: "${t}"`],
  }));

const upstream: readonly Case[] = [
  {
    name: 'map',
    schema: obj({ field: { type: 'object', additionalProperties: { type: 'string' } } }),
    valid: [{}, { field: { a: 'b' } }],
  },
  {
    name: '!nullable',
    schema: obj({ field: { type: 'object', nullable: false } }),
    valid: [{}, { field: {} }],
    invalid: typeErrors('object', [
      ['foo', 'string'],
      [42, 'integer'],
      [true, 'boolean'],
      [1.2, 'number'],
      [[], 'array'],
      [null, 'null'],
    ]),
  },
  {
    name: 'nullable',
    schema: obj({ field: { type: 'object', nullable: true } }),
    valid: [{}, { field: {} }, { field: null }],
    invalid: typeErrors('object', [
      ['foo', 'string'],
      [42, 'integer'],
      [true, 'boolean'],
      [1.2, 'number'],
      [[], 'array'],
    ]),
  },
  {
    name: 'nullable and no type',
    schema: obj({ field: { nullable: true } }),
    valid: [{}, { field: {} }, { field: null }, { field: 'foo' }, { field: 42 }, { field: true }],
  },
  {
    name: 'x-kubernetes-int-or-string',
    schema: obj({ field: { 'x-kubernetes-int-or-string': true } }),
    valid: [{}, { field: 42 }, { field: 'foo' }],
    invalid: typeErrors('integer,string', [
      [null, 'null'],
      [true, 'boolean'],
      [1.2, 'number'],
      [{}, 'object'],
      [[], 'array'],
    ]),
  },
  {
    name: 'nullable and x-kubernetes-int-or-string',
    schema: obj({ field: { nullable: true, 'x-kubernetes-int-or-string': true } }),
    valid: [{}, { field: 42 }, { field: 'foo' }, { field: null }],
    invalid: typeErrors('integer,string', [
      [true, 'boolean'],
      [1.2, 'number'],
      [{}, 'object'],
      [[], 'array'],
    ]),
  },
  {
    name: 'nullable, x-kubernetes-int-or-string and user-provided anyOf',
    schema: obj({
      field: {
        nullable: true,
        'x-kubernetes-int-or-string': true,
        anyOf: [{ type: 'integer' }, { type: 'string' }],
      },
    }),
    valid: [{}, { field: null }, { field: 42 }, { field: 'foo' }],
    invalid: (
      [
        [true, 'boolean'],
        [1.2, 'number'],
        [{}, 'object'],
        [[], 'array'],
      ] as const
    ).map(([v, t]) => ({
      object: { field: v },
      errors: [
        `<nil>: Invalid value: "": "field" must validate at least one schema (anyOf)`,
        `field: Invalid value: "${t}": field in body must be of type integer,string: "${t}"`,
        `field: Invalid value: "${t}": field in body must be of type integer: "${t}"`,
      ],
    })),
  },
  {
    name: 'nullable, x-kubernetes-int-or-string and user-provider allOf',
    schema: obj({
      field: {
        nullable: true,
        'x-kubernetes-int-or-string': true,
        allOf: [{ anyOf: [{ type: 'integer' }, { type: 'string' }] }],
      },
    }),
    valid: [{}, { field: null }, { field: 42 }, { field: 'foo' }],
    invalid: (
      [
        [true, 'boolean'],
        [1.2, 'number'],
        [{}, 'object'],
        [[], 'array'],
      ] as const
    ).map(([v, t]) => ({
      object: { field: v },
      errors: [
        `<nil>: Invalid value: "": "field" must validate all the schemas (allOf). None validated`,
        `<nil>: Invalid value: "": "field" must validate at least one schema (anyOf)`,
        `field: Invalid value: "${t}": field in body must be of type integer,string: "${t}"`,
        `field: Invalid value: "${t}": field in body must be of type integer: "${t}"`,
      ],
    })),
  },
  {
    // The pattern keyword's upstream case: a pattern RE2 cannot compile, in Go's words.
    name: 'invalid regex',
    schema: obj({ field: { type: 'string', pattern: '+' } }),
    invalid: [
      {
        object: { field: 'foo' },
        errors: [
          'field: Invalid value: "foo": field in body should match \'+, but pattern is invalid: error parsing regexp: missing argument to repetition operator: `+`\'',
        ],
      },
    ],
  },
  {
    name: 'required field',
    schema: obj(
      { field: { type: 'object', required: ['nested'], properties: { nested: {} } } },
      { required: ['field'] },
    ),
    invalid: [
      { object: { test: 'a' }, errors: ['field: Required value'] },
      { object: { field: {} }, errors: ['field.nested: Required value'] },
    ],
  },
  {
    name: 'enum',
    schema: obj({
      field: {
        type: 'object',
        required: ['nestedint', 'nestedstring'],
        properties: {
          nestedint: { type: 'integer', enum: [1, 2] },
          nestedstring: { type: 'string', enum: ['a', 'b'] },
        },
      },
    }),
    invalid: [
      {
        object: { field: {} },
        errors: ['field.nestedint: Required value', 'field.nestedstring: Required value'],
      },
      {
        object: { field: { nestedint: 'x', nestedstring: true } },
        errors: [
          'field.nestedint: Invalid value: "string": field.nestedint in body must be of type integer: "string"',
          'field.nestedint: Unsupported value: "x": supported values: "1", "2"',
          'field.nestedstring: Invalid value: "boolean": field.nestedstring in body must be of type string: "boolean"',
          'field.nestedstring: Unsupported value: true: supported values: "a", "b"',
        ],
      },
    ],
  },
  {
    name: 'maxProperties',
    schema: obj({ fieldX: { type: 'object', maxProperties: 2 } }),
    invalid: [
      {
        object: { fieldX: { a: true, b: true, c: true } },
        errors: ['fieldX: Too many: 3: must have at most 2 items'],
      },
    ],
  },
  {
    name: 'maxItems',
    schema: obj({ fieldX: { type: 'array', maxItems: 2 } }),
    invalid: [
      {
        object: { fieldX: ['a', 'b', 'c'] },
        errors: ['fieldX: Too many: 3: must have at most 2 items'],
      },
    ],
  },
  {
    name: 'maxLength',
    schema: obj({ fieldX: { type: 'string', maxLength: 2 } }),
    invalid: [
      { object: { fieldX: 'abc' }, errors: ['fieldX: Too long: may not be more than 2 bytes'] },
    ],
  },
  {
    name: 'items in object (TestItemsProperty)',
    schema: { properties: { spec: { properties: { replicas: { type: 'integer' } } } } },
    valid: [{ spec: { replicas: 1, items: ['1', '2'] } }],
  },
  {
    name: 'items in array (TestItemsProperty)',
    schema: { properties: { secrets: { type: 'array', items: { type: 'string' } } } },
    valid: [{ secrets: ['1', '2'] }],
  },
];

const setOf = (items: JsonSchemaProps = {}): JsonSchemaProps => ({
  type: 'array',
  'x-kubernetes-list-type': 'set',
  items,
});

// listtype/validation_test.go: `duplicate("root", "array[1]")` means the error path `array[1]`.
const listTypes: readonly Case[] = [
  {
    name: 'set list with two equal items',
    schema: obj({ array: setOf() }),
    valid: [{ array: ['a'] }, { array: ['a', 'b'] }],
    invalid: [{ object: { array: ['a', 'a'] }, errors: ['array[1]: Duplicate value: "a"'] }],
  },
  {
    name: 'set list with multiple duplicated items',
    schema: obj({ array: setOf() }),
    invalid: [
      {
        object: { array: ['a', 'a', 'b', 'c', 'd', 'c'] },
        errors: ['array[1]: Duplicate value: "a"', 'array[5]: Duplicate value: "c"'],
      },
    ],
  },
  {
    name: 'normal list with items',
    schema: obj({ array: { type: 'array', items: { type: 'string' } } }),
    valid: [{ array: ['a', 'b', 'a'] }],
  },
  {
    name: 'atomic list with items',
    schema: obj({
      array: { type: 'array', 'x-kubernetes-list-type': 'atomic', items: { type: 'string' } },
    }),
    valid: [{ array: ['a', 'b', 'a'] }],
  },
  {
    name: 'set list with items under items',
    schema: obj({ array: { type: 'array', items: setOf({ type: 'string' }) } }),
    invalid: [
      {
        object: {
          array: [
            ['a', 'b', 'a'],
            ['b', 'b', 'a'],
          ],
        },
        errors: ['array[0][2]: Duplicate value: "a"', 'array[1][1]: Duplicate value: "b"'],
      },
    ],
  },
  {
    name: 'set list with compound map items',
    schema: obj({
      integers: setOf({ type: 'integer' }),
      booleans: setOf({ type: 'boolean' }),
      'map values': setOf({ type: 'object', additionalProperties: { type: 'string' } }),
      array: setOf({ type: 'array', items: { type: 'string' } }),
    }),
    invalid: [
      {
        object: {
          integers: [1, 2, 1],
          booleans: [false, true, true],
          'map values': [{ a: 'b' }, { a: 'c' }, { a: 'b' }],
          array: [[], ['a'], ['b'], ['a']],
        },
        errors: [
          'integers[2]: Duplicate value: 1',
          'booleans[2]: Duplicate value: true',
          'map values[2]: Duplicate value: {"a":"b"}',
          'array[3]: Duplicate value: ["a"]',
        ],
      },
    ],
  },
  {
    name: 'map list with one and two keys',
    schema: obj({
      'one key': {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['a'],
        items: { type: 'object', properties: { a: { type: 'string' }, c: { type: 'string' } } },
      },
      'two keys': {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['a', 'b'],
        items: {
          type: 'object',
          properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } },
        },
      },
    }),
    invalid: [
      {
        object: {
          'one key': [{ a: '0', c: '2' }, { a: '1', c: '1' }, { a: '1', c: '2' }, {}],
          'two keys': [
            { a: '1', b: '1', c: '1' },
            { a: '1', b: '2', c: '2' },
            { a: '1', b: '2', c: '3' },
            {},
          ],
        },
        errors: [
          'one key[2]: Duplicate value: {"a":"1"}',
          'two keys[2]: Duplicate value: {"a":"1","b":"2"}',
        ],
      },
    ],
  },
];

const keywords: readonly Case[] = [
  {
    name: 'minimum and maximum (inclusive)',
    schema: obj({ n: { type: 'integer', minimum: 1, maximum: 10 } }),
    valid: [{ n: 1 }, { n: 10 }],
    invalid: [
      {
        object: { n: 0 },
        errors: ['n: Invalid value: 0: n in body should be greater than or equal to 1'],
      },
      {
        object: { n: 11 },
        errors: ['n: Invalid value: 11: n in body should be less than or equal to 10'],
      },
    ],
  },
  {
    name: 'exclusiveMinimum and exclusiveMaximum',
    schema: obj({
      n: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true },
    }),
    valid: [{ n: 0.5 }],
    invalid: [
      { object: { n: 0 }, errors: ['n: Invalid value: 0: n in body should be greater than 0'] },
      { object: { n: 1 }, errors: ['n: Invalid value: 1: n in body should be less than 1'] },
    ],
  },
  {
    name: 'multipleOf',
    schema: obj({ n: { type: 'integer', multipleOf: 5 } }),
    valid: [{ n: 10 }],
    invalid: [
      { object: { n: 7 }, errors: ['n: Invalid value: 7: n in body should be a multiple of 5'] },
    ],
  },
  {
    name: 'minLength and pattern',
    schema: obj({ s: { type: 'string', minLength: 2, pattern: '^[a-z]+$' } }),
    valid: [{ s: 'ab' }],
    invalid: [
      {
        object: { s: 'A' },
        errors: [
          's: Invalid value: "A": s in body should be at least 2 chars long',
          `s: Invalid value: "A": s in body should match '^[a-z]+$'`,
        ],
      },
    ],
  },
  {
    name: 'minItems and items',
    schema: obj({ l: { type: 'array', minItems: 1, items: { type: 'string' } } }),
    invalid: [
      {
        object: { l: [] },
        errors: ['l: Invalid value: 0: l in body should have at least 1 items'],
      },
      {
        object: { l: ['a', 2] },
        errors: ['l[1]: Invalid value: "integer": l[1] in body must be of type string: "integer"'],
      },
    ],
  },
  {
    name: 'format',
    schema: obj({
      ip: { type: 'string', format: 'ipv4' },
      when: { type: 'string', format: 'date-time' },
    }),
    valid: [{ ip: '10.0.0.1', when: '2025-01-01T00:00:00Z' }],
    invalid: [
      {
        object: { ip: '10.0.0.300', when: 'yesterday' },
        errors: [
          'ip: Invalid value: "10.0.0.300": ip in body must be of type ipv4: "10.0.0.300"',
          'when: Invalid value: "yesterday": when in body must be of type date-time: "yesterday"',
        ],
      },
    ],
  },
  {
    name: 'additionalProperties schema',
    schema: obj({ m: { type: 'object', additionalProperties: { type: 'integer' } } }),
    valid: [{ m: { a: 1, b: 2 } }],
    invalid: [
      {
        object: { m: { a: 'x' } },
        errors: ['m.a: Invalid value: "string": m.a in body must be of type integer: "string"'],
      },
    ],
  },
  {
    name: 'number admits integers, integer refuses fractions',
    schema: obj({ f: { type: 'number' }, i: { type: 'integer' } }),
    valid: [{ f: 1, i: 2 }],
    invalid: [
      {
        object: { i: 2.5 },
        errors: ['i: Invalid value: "number": i in body must be of type integer: "number"'],
      },
    ],
  },
];

/**
 * apiextensions-apiserver's `TestGetUnrecognizedFormats` (pkg/apiserver/validation/formats_test.go)
 * as it applies to a 1.32 server: a recognised format is checked, one the server does not
 * recognise at its version (unknown, or a k8s-* format from 1.34) is stripped and never checked,
 * and a format on a non-string type is not a string format.
 */
const formats: readonly Case[] = [
  {
    name: 'recognized format at version 1.0 (email)',
    schema: obj({ f: { type: 'string', format: 'email' } }),
    valid: [{ f: 'a@example.com' }],
    invalid: [
      {
        object: { f: 'nobody' },
        errors: ['f: Invalid value: "nobody": f in body must be of type email: "nobody"'],
      },
    ],
  },
  {
    name: 'recognized format at exact version (uuid)',
    schema: obj({ f: { type: 'string', format: 'uuid' } }),
    valid: [{ f: '123e4567-e89b-12d3-a456-426614174000' }],
    invalid: [
      {
        object: { f: 'not-a-uuid' },
        errors: ['f: Invalid value: "not-a-uuid": f in body must be of type uuid: "not-a-uuid"'],
      },
    ],
  },
  {
    name: 'unrecognized format at version 1.0: not checked',
    schema: obj({ f: { type: 'string', format: 'unknown-format' } }),
    valid: [{ f: 'anything at all' }],
  },
  {
    name: 'format introduced in a later version (k8s-short-name, 1.34): not checked at 1.32',
    schema: obj({ f: { type: 'string', format: 'k8s-short-name' } }),
    valid: [{ f: 'Not_A_Label!' }],
  },
  {
    name: 'unrecognized format for integer type is not reported',
    schema: obj({ f: { type: 'integer', format: 'unknown-format' } }),
    valid: [{ f: 3 }],
  },
];

describe.each([
  ['upstream TestValidateCustomResource', upstream],
  ['upstream TestValidateListSetsAndMaps', listTypes],
  ['upstream TestGetUnrecognizedFormats at 1.32', formats],
  ['kube-openapi keyword messages', keywords],
])('%s', (_title, cases) => {
  for (const c of cases) {
    it(c.name, () => {
      for (const v of c.valid ?? []) {
        expect(validateAgainstSchema(v, c.schema).map(formatFieldIssue)).toEqual([]);
      }
      for (const bad of c.invalid ?? []) {
        const seen = validateAgainstSchema(bad.object, c.schema).map(formatFieldIssue);
        expect([...new Set(seen)].sort()).toEqual([...bad.errors].sort());
      }
    });
  }
});
