import {
  StrictDecodingError,
  StrictPatchError,
  ValidationError,
  type KubeObjectInput,
} from '@kubesim/core';
import { describe, expect, it } from 'vitest';
import { createSimulation } from './createSimulation.js';

const deployment = (spec: Record<string, unknown> = {}, annotations?: Record<string, string>) =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' }, ...(annotations ? { annotations } : {}) },
        spec: { containers: [{ name: 'web', image: 'nginx' }] },
      },
      ...spec,
    },
  }) as KubeObjectInput;

const fingerprint = (sim: ReturnType<typeof createSimulation>) => ({
  hash: sim.trace.hash(),
  length: sim.trace.entries.length,
  deployments: sim.list('Deployment').map((d) => d.metadata.resourceVersion),
});

describe('apply: strict field validation (issue 14)', () => {
  it('unknown fields are rejected by default: replcas, readinesProbe, targetport', () => {
    const sim = createSimulation();
    const before = fingerprint(sim);
    expect(() => sim.apply(deployment({ replcas: 3 }))).toThrow(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replcas"',
    );
    expect(() =>
      sim.apply(
        'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80, targetport: 8080}]\n',
      ),
    ).toThrow(/unknown field "spec\.ports\[0\]\.targetport"/);
    expect(fingerprint(sim)).toEqual(before);
  });

  it('an update through apply is the 422 of a patch; the object is unchanged', () => {
    const sim = createSimulation();
    sim.apply(deployment());
    const before = fingerprint(sim);
    const err = (() => {
      try {
        sim.apply(deployment({ replcas: 3 }));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(StrictPatchError);
    expect((err as StrictPatchError).message).toMatch(
      /^The request is invalid: patch: Invalid value: "map\[.*\]": strict decoding error: unknown field "spec\.replcas"$/,
    );
    expect(fingerprint(sim)).toEqual(before);
  });

  it('fieldValidation Warn drops the field, returns the warning and traces it', () => {
    const sim = createSimulation({ config: { fieldValidation: 'Warn' } });
    const out = sim.apply(deployment({ replcas: 3 }));
    expect(out.warnings).toEqual([
      { kind: 'Deployment', name: 'web', text: 'unknown field "spec.replcas"' },
    ]);
    expect(sim.get('Deployment', 'web')?.spec).not.toHaveProperty('replcas');
    expect(sim.trace.entries.filter((e) => e.type === 'Warning').map((e) => e.detail)).toEqual([
      { kind: 'Deployment', name: 'web', warning: 'unknown field "spec.replcas"' },
    ]);
  });

  it('per-call fieldValidation overrides the config; Ignore drops silently', () => {
    const sim = createSimulation();
    const out = sim.apply(deployment({ replcas: 3 }), { fieldValidation: 'Ignore' });
    expect(out.warnings).toEqual([]);
    expect(out).toHaveLength(1);
    expect(sim.trace.entries.some((e) => e.type === 'Warning')).toBe(false);
    expect(() => createSimulation({ config: { fieldValidation: 'Loose' as 'Warn' } })).toThrow(
      /fieldValidation: must be 'Strict', 'Warn' or 'Ignore'/,
    );
  });

  it('StrictDecodingError has code BadRequest (400)', () => {
    const sim = createSimulation();
    try {
      sim.apply(deployment({ replcas: 3 }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StrictDecodingError);
      expect((e as StrictDecodingError).code).toBe('BadRequest');
    }
  });
});

describe('apply: the kubesim.io/behavior annotation (issue 14)', () => {
  it('a bad key or value in the kubesim.io/behavior annotation is a ValidationError at apply', () => {
    const sim = createSimulation();
    const before = fingerprint(sim);
    for (const text of ['{readyAfer: 5s}', '{readyAfter: soon}', '{exitCode: 300}', '[1, 2']) {
      try {
        sim.apply(deployment({}, { 'kubesim.io/behavior': text }));
        expect.unreachable(text);
      } catch (e) {
        expect(e, text).toBeInstanceOf(ValidationError);
        expect((e as ValidationError).issues[0]?.path).toBe(
          'spec.template.metadata.annotations[kubesim.io/behavior]',
        );
      }
    }
    expect(fingerprint(sim)).toEqual(before);
    expect(() =>
      sim.apply(deployment({}, { 'kubesim.io/behavior': '{readyAfter: 5s, exitCode: 2}' })),
    ).not.toThrow();
  });
});
