import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ManifestParseError, ScenarioError } from '@kubesim/core';
import { parseScenario } from './parseScenario.js';
import { validateScenario } from './validateScenario.js';

const base = { seed: 1, horizon: '5m' };

/** The ScenarioError message validateScenario throws for `input`. */
function errorOf(input: unknown): string {
  try {
    validateScenario(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).code).toBe('ScenarioInvalid');
    return (err as ScenarioError).message;
  }
  throw new Error('expected a ScenarioError');
}

const service = (port: unknown) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [{ port }] },
});

describe('validateScenario', () => {
  it('accepts a full scenario and returns it', () => {
    const s = {
      ...base,
      version: 1,
      name: 'full',
      config: { nodeMonitorGracePeriod: '40s' },
      nodes: [{ count: 3, zones: ['a', 'b'], cpu: '2', memory: '8Gi', labels: { tier: 'x' } }],
      manifests: [service(80)],
      actions: [
        { at: '1m', type: 'scale', kind: 'Deployment', key: 'web', replicas: 0 },
        { at: 0, type: 'rollout', key: 'web' },
        { at: '2m', type: 'evict', pod: 'default/web-0' },
        {
          at: '2m',
          type: 'apply',
          manifests: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n',
        },
      ],
      faults: [{ at: '30s', type: 'crashNode', target: 'node-0', duration: '1m' }],
      traffic: [
        { from: [{ external: true }, { node: 'node-1' }, 'default/c'], to: 'web', every: '1s' },
      ],
      invariants: ['slices-well-formed', 'settles'],
    };
    expect(validateScenario(s)).toBe(s);
  });

  it('names a missing horizon and seed', () => {
    expect(errorOf({ seed: 1 })).toMatch(/^horizon: Required/);
    expect(errorOf({ horizon: '1m' })).toMatch(/^seed: Required/);
  });

  it('names the action whose time is not a duration', () => {
    const actions = [
      { at: '1s', type: 'drain', node: 'node-0' },
      { at: '2s', type: 'uncordon', node: 'node-0' },
      { at: '5x', type: 'drain', node: 'node-0' },
    ];
    expect(errorOf({ ...base, actions })).toMatch(/^actions\[2\]\.at: invalid duration "5x"/);
  });

  it('refuses unknown fields at the top and inside entries', () => {
    expect(errorOf({ ...base, horizn: '1m' })).toMatch(/^horizn: unknown field/);
    expect(errorOf({ ...base, nodes: [{ count: 1, zone: 'a' }] })).toMatch(
      /^nodes\[0\]\.zone: unknown field/,
    );
    expect(errorOf({ ...base, actions: [{ at: 0, type: 'evict', pod: 'p', node: 'n' }] })).toMatch(
      /^actions\[0\]\.node: unknown field/,
    );
  });

  it('wants node counts to be positive whole numbers', () => {
    for (const count of [0, -1, 1.5, '3']) {
      expect(errorOf({ ...base, nodes: [{ count }] })).toMatch(
        /^nodes\[0\]\.count: must be a positive whole number/,
      );
    }
    expect(errorOf({ ...base, nodes: [{}] })).toMatch(/^nodes\[0\]\.count: Required/);
  });

  it('checks node labels, taints and quantities as the Node they build', () => {
    expect(errorOf({ ...base, nodes: [{ count: 1, cpu: 'lots' }] })).toMatch(/^nodes\[0\]\.cpu: /);
    expect(
      errorOf({ ...base, nodes: [{ count: 1, taints: [{ key: 'k', effect: 'Sometimes' }] }] }),
    ).toMatch(/^nodes\[0\]\.taints\[0\]\.effect: /);
    expect(errorOf({ ...base, nodes: [{ count: 1, labels: { 'bad key!': 'v' } }] })).toMatch(
      /^nodes\[0\]\.labels/,
    );
  });

  it('knows the fault types', () => {
    expect(errorOf({ ...base, faults: [{ at: 0, type: 'meteor', target: 'node-0' }] })).toMatch(
      /^faults\[0\]\.type: Unsupported value: "meteor": one of crashNode, partitionNode/,
    );
  });

  it('reports a manifest issue at its path in the scenario', () => {
    expect(errorOf({ ...base, manifests: [service(80), service(0)] })).toBe(
      'manifests[1].spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    );
    expect(
      errorOf({ ...base, actions: [{ at: '1m', type: 'apply', manifests: [service(70000)] }] }),
    ).toMatch(/^actions\[0\]\.manifests\[0\]\.spec\.ports\[0\]\.port: Invalid value: 70000/);
  });

  it('reports a syntax error in manifests given as YAML text with its line', () => {
    expect(errorOf({ ...base, manifests: 'kind: [unclosed\n' })).toMatch(
      /^manifests: cannot parse manifest at line/,
    );
  });

  it('refuses a time after the horizon, and bad config values at config.<field>', () => {
    expect(errorOf({ ...base, faults: [{ at: '6m', type: 'crashNode', target: 'n' }] })).toMatch(
      /^faults\[0\]\.at: 6m is after the horizon \(5m\)/,
    );
    expect(errorOf({ ...base, config: { nodeMonitorPeriod: -5 } })).toMatch(
      /^config\.nodeMonitorPeriod: /,
    );
    expect(errorOf({ ...base, config: { noSuchThing: 1 } })).toMatch(/^config\.noSuchThing/);
  });

  it('checks traffic sources, intervals and windows', () => {
    const t = { from: { external: true }, to: 'web', every: '1s' };
    expect(errorOf({ ...base, traffic: [{ ...t, every: 0 }] })).toMatch(
      /^traffic\[0\]\.every: must be longer than 0/,
    );
    expect(errorOf({ ...base, traffic: [{ ...t, from: [] }] })).toMatch(
      /^traffic\[0\]\.from: must not be empty/,
    );
    expect(errorOf({ ...base, traffic: [{ ...t, from: { external: false } }] })).toMatch(
      /^traffic\[0\]\.from\.external: must be true/,
    );
    expect(errorOf({ ...base, traffic: [{ ...t, start: '2m', until: '1m' }] })).toMatch(
      /^traffic\[0\]\.until: must not be before start/,
    );
  });

  it('checks action fields per type', () => {
    expect(
      errorOf({ ...base, actions: [{ at: 0, type: 'delete', kind: 'Widget', key: 'x' }] }),
    ).toMatch(/^actions\[0\]\.kind: Unsupported value: "Widget"/);
    expect(
      errorOf({
        ...base,
        actions: [{ at: 0, type: 'scale', kind: 'Deployment', key: 'x', replicas: -1 }],
      }),
    ).toMatch(/^actions\[0\]\.replicas: /);
    expect(errorOf({ ...base, actions: [{ at: 0, type: 'jump' }] })).toMatch(
      /^actions\[0\]\.type: Unsupported value: "jump"/,
    );
    expect(errorOf({ ...base, actions: [{ at: 0, type: 'apply' }] })).toMatch(
      /^actions\[0\]\.manifests: Required/,
    );
  });

  it('refuses unknown and duplicate invariant names and a scenario that is not a mapping', () => {
    expect(errorOf({ ...base, invariants: ['settles', 'settles'] })).toMatch(
      /^invariants\[1\]: Duplicate value/,
    );
    expect(errorOf({ ...base, invariants: ['settles', 'no-such-check'] })).toMatch(
      /^invariants\[1\]: Unsupported value: "no-such-check": one of .*slices-well-formed/,
    );
    expect(errorOf([1, 2])).toMatch(/must be a mapping .* got a list/);
  });

  it('never throws anything but a ScenarioError, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true }),
        (input) => {
          try {
            validateScenario(input);
          } catch (err) {
            return err instanceof ScenarioError;
          }
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never crashes on inputs shaped like scenarios with random fields', () => {
    const entry = fc.dictionary(
      fc.constantFrom(
        'at',
        'type',
        'target',
        'node',
        'kind',
        'key',
        'replicas',
        'manifests',
        'count',
        'from',
        'to',
        'every',
      ),
      fc.anything(),
    );
    const arb = fc.record(
      {
        seed: fc.anything(),
        horizon: fc.oneof(fc.anything(), fc.constant('10m')),
        nodes: fc.array(entry),
        actions: fc.array(entry),
        faults: fc.array(entry),
        traffic: fc.array(entry),
        manifests: fc.oneof(fc.array(fc.anything()), fc.string()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arb, (input) => {
        try {
          validateScenario(input);
        } catch (err) {
          return err instanceof ScenarioError;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseScenario', () => {
  it('reads YAML and JSON alike', () => {
    const yaml = parseScenario('seed: 7\nhorizon: 2m\nnodes:\n  - count: 2\n');
    const json = parseScenario('{"seed": 7, "horizon": "2m", "nodes": [{"count": 2}]}');
    expect(yaml).toEqual(json);
    expect(yaml.nodes?.[0]?.count).toBe(2);
  });

  it('reports a syntax error as a ManifestParseError with line and column', () => {
    const err = (() => {
      try {
        parseScenario('seed: 1\nhorizon: 2m\nnodes: [\n');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ManifestParseError);
    expect((err as ManifestParseError).line).toBeGreaterThanOrEqual(3);
    expect((err as ManifestParseError).column).toBeGreaterThanOrEqual(1);
  });

  it('validates what it parsed', () => {
    expect(() => parseScenario('seed: 1\n')).toThrow(/horizon: Required/);
  });
});
