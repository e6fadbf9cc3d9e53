/**
 * CRD validation: the structural-schema rules (apiextensions-apiserver
 * pkg/apiserver/schema/validation.go) and the CRD's own rules (pkg/apis/apiextensions/validation),
 * each with the path and words upstream reports.
 */
import { describe, expect, it } from 'vitest';
import { formatFieldIssue } from '../errors.js';
import { checkStructuralSchema } from './checkStructuralSchema.js';
import type { JsonSchemaProps } from './schemaTypes.js';
import { widgetCrd } from './testCrds.test-helper.js';
import { validateCustomResourceDefinition } from './validateCustomResourceDefinition.js';

const at = 'spec.versions[0].schema.openAPIV3Schema';

const structural: readonly [string, JsonSchemaProps, readonly string[]][] = [
  [
    'a valid schema',
    {
      type: 'object',
      properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } },
    },
    [],
  ],
  [
    'root not object',
    { type: 'string' },
    [`${at}.type: Invalid value: "string": must be object at the root`],
  ],
  [
    'field without type',
    { type: 'object', properties: { spec: {} } },
    [`${at}.properties[spec].type: Required value: must not be empty for specified object fields`],
  ],
  [
    'array items without type',
    { type: 'object', properties: { l: { type: 'array', items: {} } } },
    [`${at}.properties[l].items.type: Required value: must not be empty for specified array items`],
  ],
  [
    'int-or-string needs no type',
    { type: 'object', properties: { p: { 'x-kubernetes-int-or-string': true } } },
    [],
  ],
  [
    'preserve-unknown-fields needs no type',
    { type: 'object', properties: { p: { 'x-kubernetes-preserve-unknown-fields': true } } },
    [],
  ],
  [
    'uniqueItems',
    {
      type: 'object',
      properties: { l: { type: 'array', uniqueItems: true, items: { type: 'string' } } },
    },
    [
      `${at}.properties[l].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic`,
    ],
  ],
  [
    'additionalProperties with properties',
    {
      type: 'object',
      properties: {
        m: {
          type: 'object',
          properties: { a: { type: 'string' } },
          additionalProperties: { type: 'string' },
        },
      },
    },
    [
      `${at}.properties[m].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`,
    ],
  ],
  [
    'list-type map without keys',
    {
      type: 'object',
      properties: {
        l: { type: 'array', 'x-kubernetes-list-type': 'map', items: { type: 'object' } },
      },
    },
    [
      `${at}.properties[l].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map`,
    ],
  ],
  [
    'unknown list-type',
    {
      type: 'object',
      properties: {
        l: { type: 'array', 'x-kubernetes-list-type': 'bag', items: { type: 'string' } },
      },
    },
    [
      `${at}.properties[l].x-kubernetes-list-type: Unsupported value: "bag": supported values: "atomic", "map", "set"`,
    ],
  ],
  [
    'metadata beyond name',
    {
      type: 'object',
      properties: { metadata: { type: 'object', properties: { labels: { type: 'object' } } } },
    },
    [
      `${at}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified`,
    ],
  ],
  [
    // Upstream's "invalid regex pattern" case (pkg/apis/apiextensions/validation).
    'invalid regex pattern',
    { type: 'object', properties: { foo: { type: 'string', pattern: '+' } } },
    [
      `${at}.properties[foo].pattern: Invalid value: "+": must be a valid regular expression, but isn't: error parsing regexp: missing argument to repetition operator: \`+\``,
    ],
  ],
  [
    'a lookahead pattern, which RE2 does not support',
    { type: 'object', properties: { foo: { type: 'string', pattern: '^a(?=b)' } } },
    [
      `${at}.properties[foo].pattern: Invalid value: "^a(?=b)": must be a valid regular expression, but isn't: error parsing regexp: invalid or unsupported Perl syntax: \`(?=\``,
    ],
  ],
  [
    'a default that does not validate',
    { type: 'object', properties: { n: { type: 'integer', default: 'x' } } },
    [
      `${at}.properties[n].default: Invalid value: "string": in body must be of type integer: "string"`,
    ],
  ],
];

describe('checkStructuralSchema', () => {
  it.each(structural)('%s', (_name, schema, expected) => {
    expect(checkStructuralSchema(schema, at).issues.map(formatFieldIssue)).toEqual(expected);
  });

  it('accepts CEL rules with a warning that kubesim does not evaluate them', () => {
    const check = checkStructuralSchema(
      { type: 'object', 'x-kubernetes-validations': [{ rule: 'self.a == 1' }] },
      at,
    );
    expect(check.issues).toEqual([]);
    expect(check.warnings[0]).toContain(
      'x-kubernetes-validations: CEL validation rules are not evaluated by kubesim',
    );
  });
});

describe('validateCustomResourceDefinition', () => {
  const issues = (crd: unknown) =>
    validateCustomResourceDefinition(crd).issues.map(formatFieldIssue);

  it('accepts the widget CRD and describes its kind', () => {
    const check = validateCustomResourceDefinition(widgetCrd());
    expect(check.issues).toEqual([]);
    expect(check.kind).toMatchObject({
      kind: 'Widget',
      listKind: 'WidgetList',
      plural: 'widgets',
      group: 'example.com',
      namespaced: true,
      storageVersion: 'v1',
      shortNames: ['wd'],
    });
    expect(check.kind?.versions[0]?.statusSubresource).toBe(true);
  });

  it('needs the name plural.group', () => {
    expect(issues({ ...widgetCrd(), metadata: { name: 'widget' } })).toEqual([
      'metadata.name: Invalid value: "widget": must be spec.names.plural+"."+spec.group',
    ]);
  });

  it('needs exactly one storage version', () => {
    const crd = widgetCrd();
    const v1 = crd.spec.versions[0]!;
    const two = widgetCrd({ versions: [v1, { ...v1, name: 'v2' }] });
    expect(issues(two)).toEqual([
      'spec.versions: Invalid value: ["v1","v2"]: must have exactly one version marked as storage version',
    ]);
  });

  it('refuses conversion webhooks and unknown scopes', () => {
    expect(
      issues({ ...widgetCrd({ scope: 'Galaxy' as never, conversion: { strategy: 'Webhook' } }) }),
    ).toEqual([
      'spec.scope: Unsupported value: "Galaxy": supported values: "Cluster", "Namespaced"',
      'spec.conversion.strategy: Forbidden: kubesim runs no conversion webhooks; only "None" is supported',
    ]);
  });

  // apiextensions v1 conversion.go lifts settings identical in every version (always so with a
  // single version) to spec.validation, spec.subresources and spec.additionalPrinterColumns
  // before validation.go checks them, so upstream reports them there, once.
  it('reports a schema or subresources identical in every version at the top level, once', () => {
    const v1 = widgetCrd().spec.versions[0]!;
    const badSchema = {
      openAPIV3Schema: { type: 'object' as const, properties: { spec: {} } },
    };
    const badScale = {
      ...v1.subresources,
      scale: { specReplicasPath: '.status.replicas', statusReplicasPath: '.status.replicas' },
    };
    const single = widgetCrd({ versions: [{ ...v1, schema: badSchema, subresources: badScale }] });
    expect(issues(single)).toEqual([
      'spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields',
      'spec.subresources.scale.specReplicasPath: Invalid value: ".status.replicas": should be a json path under .spec',
    ]);
    const same = { ...v1, schema: badSchema, subresources: badScale };
    const two = widgetCrd({ versions: [same, { ...same, name: 'v2', storage: false }] });
    expect(issues(two)).toEqual(issues(single));
  });

  it('reports per-version paths when the versions differ', () => {
    const v1 = widgetCrd().spec.versions[0]!;
    const badSchema = {
      openAPIV3Schema: { type: 'object' as const, properties: { spec: {} } },
    };
    const crd = widgetCrd({
      versions: [v1, { ...v1, name: 'v2', storage: false, schema: badSchema, subresources: {} }],
    });
    expect(issues(crd)).toEqual([
      'spec.versions[1].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields',
    ]);
  });

  it('requires a schema per version and checks names as DNS-1035 labels', () => {
    const crd = widgetCrd();
    const v1 = crd.spec.versions[0]!;
    const { schema: _s, ...noSchema } = v1;
    expect(issues(widgetCrd({ versions: [noSchema] }))).toEqual([
      'spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required',
    ]);
    expect(
      issues(widgetCrd({ names: { plural: 'widgets', kind: 'Widget', shortNames: ['W_D'] } }))[0],
    ).toMatch(/^spec\.names\.shortNames\[0\]: Invalid value: "W_D": a DNS-1035 label/);
  });
});

describe('additionalPrinterColumns', () => {
  const issues = (crd: unknown) =>
    validateCustomResourceDefinition(crd).issues.map(formatFieldIssue);
  const v1 = widgetCrd().spec.versions[0]!;

  it('serves a lone Age column when a version declares none (serveDefaultColumnsIfEmpty)', () => {
    expect(validateCustomResourceDefinition(widgetCrd()).kind?.versions[0]?.printerColumns).toEqual(
      [
        expect.objectContaining({
          name: 'Age',
          type: 'date',
          jsonPath: '.metadata.creationTimestamp',
        }),
      ],
    );
  });

  it('keeps declared columns, without adding Age', () => {
    const cols = [
      { name: 'Size', type: 'string', jsonPath: '.spec.size' },
      { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas', priority: 1 },
    ];
    const kind = validateCustomResourceDefinition(
      widgetCrd({ versions: [{ ...v1, additionalPrinterColumns: cols }] }),
    ).kind;
    expect(kind?.versions[0]?.printerColumns).toEqual(cols);
  });

  it("checks type, format and jsonPath in the API server's words, lifted to spec when identical", () => {
    const bad = [
      { name: 'A', type: 'object', jsonPath: '.spec.size' },
      { name: 'B', type: 'string', format: 'uuid', jsonPath: 'spec.size' },
      { name: '', type: '', jsonPath: '' },
    ];
    expect(issues(widgetCrd({ versions: [{ ...v1, additionalPrinterColumns: bad }] }))).toEqual([
      'spec.additionalPrinterColumns[0].type: Invalid value: "object": must be one of boolean,date,integer,number,string',
      'spec.additionalPrinterColumns[1].format: Invalid value: "uuid": must be one of byte,date,date-time,double,float,int32,int64,password',
      'spec.additionalPrinterColumns[1].JSONPath: Invalid value: "spec.size": must be a simple json path starting with .',
      'spec.additionalPrinterColumns[2].name: Required value',
      'spec.additionalPrinterColumns[2].type: Required value: must be one of boolean,date,integer,number,string',
      'spec.additionalPrinterColumns[2].JSONPath: Required value',
    ]);
    // Columns that differ between versions are reported per version.
    const two = widgetCrd({
      versions: [
        { ...v1, additionalPrinterColumns: [{ name: 'A', type: 'object', jsonPath: '.a' }] },
        { ...v1, name: 'v2', storage: false },
      ],
    });
    expect(issues(two)).toEqual([
      'spec.versions[0].additionalPrinterColumns[0].type: Invalid value: "object": must be one of boolean,date,integer,number,string',
    ]);
  });
});
