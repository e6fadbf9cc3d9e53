/**
 * Defaulting, table-driven: apiextensions-apiserver's own `TestDefault`
 * (pkg/apiserver/schema/defaulting/algorithm_test.go) translated as data.
 */
import { describe, expect, it } from 'vitest';
import { applySchemaDefaults } from './applySchemaDefaults.js';
import type { JsonSchemaProps } from './schemaTypes.js';

const d = (value: unknown): JsonSchemaProps => ({ default: value });

const cases: readonly [string, unknown, JsonSchemaProps | undefined, unknown][] = [
  ['empty', null, undefined, null],
  ['scalar', 4, d('foo'), 4],
  ['scalar array', [1, 2], { items: d('foo') }, [1, 2]],
  [
    'object array',
    [{ a: 1 }, { b: 1 }, { c: 1 }],
    { items: { properties: { a: d('A'), b: d('B'), c: d('C') } } },
    [
      { a: 1, b: 'B', c: 'C' },
      { a: 'A', b: 1, c: 'C' },
      { a: 'A', b: 'B', c: 1 },
    ],
  ],
  [
    'object array object',
    {
      array: [{ a: 1 }, { b: 2 }],
      object: { a: 1 },
      additionalProperties: { x: { a: 1 }, y: { b: 2 } },
    },
    {
      properties: {
        array: { items: { properties: { a: d('A'), b: d('B') } } },
        object: { properties: { a: d('N'), b: d('O') } },
        additionalProperties: {
          additionalProperties: { properties: { a: d('alpha'), b: d('beta') } },
        },
        foo: d('bar'),
      },
    },
    {
      array: [
        { a: 1, b: 'B' },
        { a: 'A', b: 2 },
      ],
      object: { a: 1, b: 'O' },
      additionalProperties: { x: { a: 1, b: 'beta' }, y: { a: 'alpha', b: 2 } },
      foo: 'bar',
    },
  ],
  [
    'empty and null',
    [{}, { a: 1 }, { a: 0 }, { a: 0.0 }, { a: '' }, { a: null }, { a: [] }, { a: {} }],
    { items: { properties: { a: d('A') } } },
    [{ a: 'A' }, { a: 1 }, { a: 0 }, { a: 0.0 }, { a: '' }, { a: 'A' }, { a: [] }, { a: {} }],
  ],
  [
    'null in nullable list',
    [null],
    { nullable: true, items: { properties: { a: d('A') } } },
    [null],
  ],
  ['null in non-nullable list', [null], { nullable: false, items: d('A') }, ['A']],
  [
    'null in nullable object',
    { a: null },
    { properties: { a: { nullable: true, default: 'A' } } },
    { a: null },
  ],
  ['null in non-nullable object', { a: null }, { properties: { a: d('A') } }, { a: 'A' }],
  [
    'null in nullable object with additionalProperties',
    { a: null },
    { additionalProperties: { nullable: true, default: 'A' } },
    { a: null },
  ],
  [
    'null in non-nullable object with additionalProperties',
    { a: null },
    { additionalProperties: d('A') },
    { a: 'A' },
  ],
  ['null unknown field', { a: null }, { additionalProperties: true }, { a: null }],
];

describe('applySchemaDefaults (upstream TestDefault)', () => {
  it.each(cases)('%s', (_name, input, schema, expected) => {
    const before = JSON.stringify(input);
    expect(applySchemaDefaults(input, schema)).toEqual(expected);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('applies defaults nested inside a defaulted object', () => {
    const schema: JsonSchemaProps = {
      properties: { spec: { type: 'object', default: {}, properties: { replicas: d(1) } } },
    };
    expect(applySchemaDefaults({}, schema)).toEqual({ spec: { replicas: 1 } });
  });
});
