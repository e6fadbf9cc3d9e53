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
