/**
 * CRD fixtures shared by the custom-resource tests.
 */
import type { CustomResourceDefinition } from './customResourceDefinition.js';

/** A namespaced `Widget` (example.com/v1) with status and scale subresources. */
export function widgetCrd(
  overrides: Partial<CustomResourceDefinition['spec']> = {},
): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      names: {
        plural: 'widgets',
        singular: 'widget',
        kind: 'Widget',
        shortNames: ['wd'],
        categories: ['all'],
      },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          subresources: {
            status: {},
            scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' },
          },
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  required: ['size'],
                  properties: {
                    size: { type: 'string', enum: ['small', 'large'] },
                    replicas: { type: 'integer', minimum: 0, default: 1 },
                    labels: { type: 'object', additionalProperties: { type: 'string' } },
                    extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                  },
                },
                status: {
                  type: 'object',
                  properties: { replicas: { type: 'integer' }, phase: { type: 'string' } },
                },
              },
            },
          },
        },
      ],
      ...overrides,
    },
  };
}

/** A Widget manifest. */
export function widget(name: string, spec: Record<string, unknown> = { size: 'small' }) {
  return { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name }, spec };
}
