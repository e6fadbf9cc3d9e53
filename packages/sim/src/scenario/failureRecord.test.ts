import { describe, expect, it } from 'vitest';
import { ScenarioError } from '@kubesim/core';
import type { Invariant } from '../invariants/types.js';
import { failureRecord, readFailureRecord, replayFailure } from './failureRecord.js';
import { runScenario } from './runScenario.js';
import type { Scenario } from './types.js';
import { KUBESIM_VERSION } from './version.js';

const scenario: Scenario = {
  seed: 'replay-me',
  nodes: [{ count: 2 }],
  manifests:
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx}]}\n',
  actions: [{ at: '20s', type: 'scale', kind: 'Deployment', key: 'web', replicas: 3 }],
  horizon: '1m',
};

const noThree = (): Invariant => ({
  name: 'no-three',
  kind: 'safety',
  description: 'web never has three replicas',
  check: (sim) =>
    sim.get('Deployment', 'web')?.spec.replicas === 3
      ? [{ invariant: 'no-three', t: sim.now, message: 'three replicas' }]
      : [],
});

describe('failure records', () => {
  const result = runScenario(scenario, { invariants: [noThree()] });

  it('hold the version, scenario, seed, hash and violations as plain JSON', () => {
    const record = failureRecord(result, result.violations);
    expect(record.kind).toBe('kubesim-failure');
    expect(record.version).toBe(KUBESIM_VERSION);
    expect(record.seed).toBe('replay-me');
    expect(record.hash).toBe(result.hash);
    expect(record.violations).toEqual([
      { invariant: 'no-three', t: 20_000, message: 'three replicas' },
    ]);
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it('replay to the same hash and violations after a JSON round trip', () => {
    const record = readFailureRecord(
      JSON.parse(JSON.stringify(failureRecord(result, result.violations))),
    );
    const replay = replayFailure(record, { invariants: [noThree()] });
    expect(replay.sameHash).toBe(true);
    expect(replay.hash).toBe(result.hash);
    expect(replay.violations).toEqual(result.violations);
  });

  it('can be built from a scenario and a seed, and a replay says when the hash differs', () => {
    const record = failureRecord({ scenario, seed: 'other' }, []);
    expect(record.hash).toBe('');
    expect(record.scenario.seed).toBe('other');
    const replay = replayFailure(record, { invariants: [] });
    expect(replay.sameHash).toBe(false);
    expect(replay.hash).not.toBe(result.hash);
  });

  it('refuses JSON that is not a failure record', () => {
    expect(() => readFailureRecord({ kind: 'other' })).toThrow(ScenarioError);
    const record = JSON.parse(JSON.stringify(failureRecord(result, result.violations)));
    expect(() => readFailureRecord({ ...record, traceFormat: 'two' })).toThrow(/traceFormat/);
    expect(readFailureRecord({ ...record, traceFormat: undefined }).traceFormat).toBe(1);
    expect(() =>
      readFailureRecord({ kind: 'kubesim-failure', scenario: { seed: 1 }, hash: 'x' }),
    ).toThrow(/horizon: Required/);
  });
});
