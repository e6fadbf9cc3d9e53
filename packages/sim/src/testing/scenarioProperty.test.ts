import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFailureRecord, replayFailure } from '../scenario/failureRecord.js';
import { parseScenario } from '../scenario/parseScenario.js';
import type { Scenario } from '../scenario/types.js';
import { agreesWithKubeProxy } from './checks/index.js';
import { ScenarioPropertyError, checkScenarios, scenarioTest } from './scenarioProperty.js';
import { CLIENTS, type DiscoveryClient } from './sixClients.test-helper.js';

/** A gitignored folder in the repository, removed after each use. */
const DIR = new URL('../../../../.kubesim/test-failures/', import.meta.url).pathname;
const agree = agreesWithKubeProxy((c: DiscoveryClient, svc) => c.backends(svc));

describe('checkScenarios', () => {
  it('reports the check, the instant, the YAML scenario and the replay command, and writes the record', () => {
    rmSync(DIR, { recursive: true, force: true });
    let error: ScenarioPropertyError | undefined;
    try {
      checkScenarios({
        attach: CLIENTS['reads one slice']!,
        checks: [agree],
        invariants: () => [],
        numRuns: 200,
        seed: 1,
        failureDir: DIR,
      });
    } catch (err) {
      error = err as ScenarioPropertyError;
    }
    expect(error).toBeInstanceOf(ScenarioPropertyError);
    const e = error!;
    const lines = e.message.split('\n');
    expect(lines[0]).toMatch(/^agrees-with-kube-proxy violated at t=\d+ ms$/);
    expect(lines[1]).toMatch(/the client would use \[.*\], kube-proxy \[.*\]/);
    expect(e.message).toContain(`replay the cluster side: npx kubesim replay ${e.recordFile!}`);
    expect(e.message).toMatch(/rerun this property: \{ seed: 1, path: '[\d:]+' \}/);
    // Fits on a screen.
    expect(lines.length).toBeLessThanOrEqual(60);
    // The YAML in the message is the scenario.
    const yaml = e.message.slice(
      e.message.indexOf('\nseed:') + 1,
      e.message.indexOf('\nfailure record:'),
    );
    expect(parseScenario(yaml)).toEqual(parseScenario(JSON.stringify(e.scenario)));
    // The horizon ends just after the failure.
    expect(Number(e.scenario.horizon)).toBeLessThanOrEqual(e.violation!.t + 2_000);
    // The record is the CLI's and replays to the same hash.
    expect(existsSync(e.recordFile!)).toBe(true);
    const record = readFailureRecord(JSON.parse(readFileSync(e.recordFile!, 'utf8')));
    expect(record.violations[0]?.invariant).toBe('agrees-with-kube-proxy');
    expect(replayFailure(record, { invariants: [] }).sameHash).toBe(true);
    rmSync(DIR, { recursive: true, force: true });
  }, 300_000);

  it('drops zero-replica Deployments and unneeded objects from a counterexample', () => {
    const padded: Scenario = {
      seed: 1,
      config: { maxEndpointsPerSlice: 1 },
      nodes: [{ count: 4 }],
      manifests: [
        ...['web', 'idle'].map((name) => ({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name },
          spec: {
            replicas: name === 'web' ? 2 : 0,
            selector: { matchLabels: { app: name } },
            template: {
              metadata: { labels: { app: name } },
              spec: { containers: [{ name: 'c', image: 'app:1' }] },
            },
          },
        })),
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'web' },
          spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
        },
      ],
      actions: [{ at: '5m', type: 'scale', kind: 'Deployment', key: 'idle', replicas: 0 }],
      horizon: '10m',
    };
    let error: ScenarioPropertyError | undefined;
    try {
      checkScenarios({
        arbitrary: fc.constant(padded),
        attach: CLIENTS['reads one slice']!,
        checks: [agree],
        numRuns: 1,
        failureDir: false,
      });
    } catch (err) {
      error = err as ScenarioPropertyError;
    }
    expect(error?.size).toEqual({ objects: 2, actions: 0, faults: 0, nodes: 1 });
    expect(error?.recordFile).toBeUndefined();
    expect(Number(error?.scenario.horizon)).toBeLessThan(10_000);
  }, 120_000);

  it('passes quietly when nothing breaks', () => {
    expect(() => {
      checkScenarios({ attach: CLIENTS['correct']!, checks: [agree], numRuns: 5, seed: 3 });
    }).not.toThrow();
  }, 120_000);
});

describe('scenarioTest', () => {
  it('registers one test with a timeout that fits its runs', () => {
    const seen: { name: string; timeout: number }[] = [];
    scenarioTest((name, _fn, timeout) => seen.push({ name, timeout }), 'my client', {
      numRuns: 200,
    });
    scenarioTest((name, _fn, timeout) => seen.push({ name, timeout }), 'default');
    expect(seen).toEqual([
      { name: 'my client', timeout: 160_000 },
      { name: 'default', timeout: 110_000 },
    ]);
  });
});
