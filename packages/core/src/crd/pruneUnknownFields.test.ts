/**
 * Pruning, table-driven: the cases are apiextensions-apiserver's own `TestPrune`
 * (pkg/apiserver/schema/pruning/algorithm_test.go) translated as data (input, schema, expected
 * object, expected pruned paths).
 */
import { describe, expect, it } from 'vitest';
import { pruneUnknownFields } from './pruneUnknownFields.js';
import type { JsonSchemaProps } from './schemaTypes.js';

interface Case {
  readonly name: string;
  readonly input: unknown;
  readonly schema?: JsonSchemaProps;
  readonly root?: boolean;
  readonly expected: unknown;
  readonly pruned?: readonly string[];
}

const object = (
  properties: Record<string, JsonSchemaProps> = {},
  extra: JsonSchemaProps = {},
): JsonSchemaProps => ({ type: 'object', properties, ...extra });

const embeddedInput = () => ({
  apiVersion: 'foo/v1',
  kind: 'Foo',
  metadata: { name: 'instance', unspecified: 'bar' },
  unspecified: 'bar',
  pruned: {
    apiVersion: 'foo/v1',
    kind: 'Foo',
    unspecified: 'bar',
    metadata: { name: 'instance', unspecified: 'bar' },
    spec: { unspecified: 'bar' },
  },
  preserving: {
    apiVersion: 'foo/v1',
    kind: 'Foo',
    unspecified: 'bar',
    metadata: { name: 'instance', unspecified: 'bar' },
    spec: { unspecified: 'bar' },
  },
  nested: {
    apiVersion: 'foo/v1',
    kind: 'Foo',
    unspecified: 'bar',
    metadata: { name: 'instance', unspecified: 'bar' },
    spec: {
      unspecified: 'bar',
      embedded: {
        apiVersion: 'foo/v1',
        kind: 'Foo',
        unspecified: 'bar',
        metadata: { name: 'instance', unspecified: 'bar' },
        spec: { unspecified: 'bar' },
      },
    },
  },
});

const embeddedSchema = object({
  pruned: object({ spec: object() }, { 'x-kubernetes-embedded-resource': true }),
  preserving: object(
    {},
    { 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
  ),
  nested: object(
    {
      spec: object({
        embedded: object({ spec: object() }, { 'x-kubernetes-embedded-resource': true }),
      }),
    },
    { 'x-kubernetes-embedded-resource': true },
  ),
});

const embeddedExpected = (root: boolean) => ({
  ...(root
    ? { apiVersion: 'foo/v1', kind: 'Foo', metadata: { name: 'instance', unspecified: 'bar' } }
    : {}),
  pruned: {
    apiVersion: 'foo/v1',
    kind: 'Foo',
    metadata: { name: 'instance', unspecified: 'bar' },
    spec: {},
  },
  preserving: embeddedInput().preserving,
  nested: {
    apiVersion: 'foo/v1',
    kind: 'Foo',
    metadata: { name: 'instance', unspecified: 'bar' },
    spec: {
      embedded: {
        apiVersion: 'foo/v1',
        kind: 'Foo',
        metadata: { name: 'instance', unspecified: 'bar' },
        spec: {},
      },
    },
  },
});

const embeddedPruned = [
  'nested.spec.embedded.spec.unspecified',
  'nested.spec.embedded.unspecified',
  'nested.spec.unspecified',
  'nested.unspecified',
  'pruned.spec.unspecified',
  'pruned.unspecified',
  'unspecified',
];

const cases: readonly Case[] = [
  { name: 'empty', input: null, expected: null },
  { name: 'scalar', input: 4, schema: {}, expected: 4 },
  { name: 'scalar array', input: [1, 2], schema: { items: {} }, expected: [1, 2] },
  {
    name: 'object array',
    input: [{ a: 1 }, { b: 1 }, { a: 1, b: 2, c: 3 }],
    schema: { items: { properties: { a: {}, c: {} } } },
    expected: [{ a: 1 }, {}, { a: 1, c: 3 }],
    pruned: ['[1].b', '[2].b'],
  },
  {
    name: 'object array with nil schema',
    input: [{ a: 1 }, { b: 1 }, { a: 1, b: 2, c: 3 }],
    expected: [{}, {}, {}],
    pruned: ['[0].a', '[1].b', '[2].a', '[2].b', '[2].c'],
  },
  {
    name: 'object array object',
    input: {
      array: [{ a: 1 }, { b: 1 }, { a: 1, b: 2, c: 3 }],
      unspecified: { a: 1 },
      specified: { a: 1, b: 2, c: 3 },
    },
    schema: {
      properties: {
        array: { items: { properties: { a: {}, c: {} } } },
        specified: { properties: { a: {}, c: {} } },
      },
    },
    expected: { array: [{ a: 1 }, {}, { a: 1, c: 3 }], specified: { a: 1, c: 3 } },
    pruned: ['array[1].b', 'array[2].b', 'specified.b', 'unspecified'],
  },
  {
    name: 'nested x-kubernetes-preserve-unknown-fields',
    input: {
      unspecified: 'bar',
      alpha: 'abc',
      beta: 42.0,
      unspecifiedObject: { unspecified: 'bar' },
      pruning: {
        unspecified: 'bar',
        unspecifiedObject: { unspecified: 'bar' },
        pruning: { unspecified: 'bar' },
        apiVersion: 'unknown',
        preserving: { unspecified: 'bar' },
      },
      preserving: {
        unspecified: 'bar',
        unspecifiedObject: { unspecified: 'bar' },
        pruning: { unspecified: 'bar' },
        preserving: { unspecified: 'bar' },
      },
      preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields: {
        foo: { specified: { unspecified: 'bar' }, unspecified: 'bar' },
      },
      preservingAdditionalPropertiesKeyPruneValues: {
        foo: { specified: { unspecified: 'bar' }, unspecified: 'bar' },
      },
    },
    schema: object(
      {
        alpha: { type: 'string' },
        beta: { type: 'number' },
        pruning: object({
          preserving: object({}, { 'x-kubernetes-preserve-unknown-fields': true }),
          pruning: object(),
        }),
        preserving: object(
          {
            preserving: object({}, { 'x-kubernetes-preserve-unknown-fields': true }),
            pruning: object(),
          },
          { 'x-kubernetes-preserve-unknown-fields': true },
        ),
        preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          additionalProperties: object({ specified: object() }),
        },
        preservingAdditionalPropertiesKeyPruneValues: {
          type: 'object',
          additionalProperties: object({ specified: object() }),
        },
      },
      { 'x-kubernetes-preserve-unknown-fields': true },
    ),
    expected: {
      unspecified: 'bar',
      alpha: 'abc',
      beta: 42.0,
      unspecifiedObject: { unspecified: 'bar' },
      pruning: { pruning: {}, preserving: { unspecified: 'bar' } },
      preserving: {
        unspecified: 'bar',
        unspecifiedObject: { unspecified: 'bar' },
        pruning: {},
        preserving: { unspecified: 'bar' },
      },
      preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields: {
        foo: { specified: {} },
      },
      preservingAdditionalPropertiesKeyPruneValues: { foo: { specified: {} } },
    },
    pruned: [
      'preserving.pruning.unspecified',
      'preservingAdditionalPropertiesKeyPruneValues.foo.specified.unspecified',
      'preservingAdditionalPropertiesKeyPruneValues.foo.unspecified',
      'preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields.foo.specified.unspecified',
      'preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields.foo.unspecified',
      'pruning.apiVersion',
      'pruning.pruning.unspecified',
      'pruning.unspecified',
      'pruning.unspecifiedObject',
    ],
  },
  {
    name: 'additionalProperties with schema',
    input: { a: 1, b: 1, c: { a: 1, b: 2, c: { a: 1 } } },
    schema: { properties: { a: {}, c: { additionalProperties: { type: 'integer' } } } },
    expected: { a: 1, c: { a: 1, b: 2, c: {} } },
    pruned: ['b', 'c.c.a'],
  },
  {
    name: 'x-kubernetes-embedded-resource',
    input: embeddedInput(),
    schema: embeddedSchema,
    expected: (({ apiVersion: _a, kind: _k, metadata: _m, ...rest }) => rest)(
      embeddedExpected(true),
    ),
    pruned: embeddedPruned,
  },
  {
    name: 'x-kubernetes-embedded-resource, with root=true',
    input: embeddedInput(),
    schema: embeddedSchema,
    root: true,
    expected: embeddedExpected(true),
    pruned: embeddedPruned,
  },
];

describe('pruneUnknownFields (upstream TestPrune)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const before = JSON.stringify(c.input);
      const result = pruneUnknownFields(c.input, c.schema, c.root ?? false);
      expect(result.value).toEqual(c.expected);
      expect(result.pruned).toEqual(c.pruned ?? []);
      expect(JSON.stringify(c.input)).toBe(before);
    });
  }
});
