/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- OpenAPI JSON read in tests */
/**
 * Discovery entries, the OpenAPI v3 document kubectl explain reads, and the scale subresource of
 * a custom kind.
 */
import { describe, expect, it } from 'vitest';
import { customResourceEntries, customResourceOpenApiV3 } from './customResourceApi.js';
import { customScaleOf, withCustomScale } from './customResourceScale.js';
import { validateCustomResourceDefinition } from './validateCustomResourceDefinition.js';
import { widget, widgetCrd } from './testCrds.test-helper.js';

const kind = validateCustomResourceDefinition(widgetCrd()).kind!;

describe('custom resource API documents', () => {
  it('lists one discovery entry per served version, with the declared subresources', () => {
    const [entry] = customResourceEntries(kind);
    expect(entry).toMatchObject({
      group: 'example.com',
      version: 'v1',
      plural: 'widgets',
      singular: 'widget',
      kind: 'Widget',
      namespaced: true,
      shortNames: ['wd'],
      categories: ['all'],
    });
    expect(entry?.subresources.map((s) => `${s.name}:${s.group}/${s.version}.${s.kind}`)).toEqual([
      'scale:autoscaling/v1.Scale',
      'status:example.com/v1.Widget',
    ]);
  });

  it('publishes the schema under com.example.v1.Widget with its group-version-kind', () => {
    const doc = customResourceOpenApiV3([kind], 'example.com', 'v1') as {
      components: {
        schemas: Record<string, { properties: Record<string, unknown> } & Record<string, unknown>>;
      };
    };
    const schema = doc.components.schemas['com.example.v1.Widget'];
    expect(schema?.['x-kubernetes-group-version-kind']).toEqual([
      { group: 'example.com', kind: 'Widget', version: 'v1' },
    ]);
    expect(Object.keys(schema?.properties ?? {}).sort()).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'spec',
      'status',
    ]);
    expect(doc.components.schemas['com.example.v1.WidgetList']).toBeDefined();
    // kubectl's --validate=strict looks for fieldValidation on the kind's PATCH operation; a
    // custom kind takes no strategic merge patch (kubectl then sends a JSON merge patch).
    const paths = (doc as unknown as { paths: Record<string, Record<string, any>> }).paths;
    const patch = paths['/apis/example.com/v1/namespaces/{namespace}/widgets/{name}']?.['patch'];
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'example.com',
      kind: 'Widget',
      version: 'v1',
    });
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('fieldValidation');
    expect(Object.keys(patch.requestBody.content)).not.toContain(
      'application/strategic-merge-patch+json',
    );
    expect(Object.keys(paths).sort()).toEqual([
      '/apis/example.com/v1/namespaces/{namespace}/widgets',
      '/apis/example.com/v1/namespaces/{namespace}/widgets/{name}',
      '/apis/example.com/v1/namespaces/{namespace}/widgets/{name}/scale',
      '/apis/example.com/v1/namespaces/{namespace}/widgets/{name}/status',
      '/apis/example.com/v1/widgets',
    ]);
    expect(customResourceOpenApiV3([kind], 'example.com', 'v2')).toBeUndefined();
  });

  it('reads and writes replicas through the scale paths', () => {
    const scale = kind.versions[0]!.scale!;
    const w = { ...widget('a', { size: 'small', replicas: 3 }), status: { replicas: 2 } };
    expect(customScaleOf(scale, w)).toEqual({
      specReplicas: 3,
      statusReplicas: 2,
      selector: undefined,
    });
    const scaled = withCustomScale(scale, w, 5);
    expect(customScaleOf(scale, scaled).specReplicas).toBe(5);
    expect(w.spec['replicas']).toBe(3);
  });
});
