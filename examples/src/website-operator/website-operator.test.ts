// The Website operator example: the property catches the planted bug and shrinks it to a
// scenario where every fault is needed; the correct operator keeps a ready endpoint through every
// generated scenario; and the example runs as the README says.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '@kubesim/sim';
import { checkWebsite, websiteProperty } from './property.js';
import { websiteController } from './websiteController.js';
import { website, websiteCrd } from './websiteCrd.js';

// Pinned so the shrunk counterexample is the same on every run.
const seed = 42;

describe('Website operator', () => {
  it('creates a Deployment and a Service owned by the Website, reports Running, and is collected with it', () => {
    const sim = createSimulation({ seed: 1 });
    sim.addNodes(3);
    sim.addController(websiteController());
    sim.apply(websiteCrd);
    sim.apply(website('shop', { image: 'shop:1.0' }));
    sim.settle();
    const dep = sim.get('Deployment', 'shop');
    expect(dep?.spec.replicas).toBe(2);
    expect(dep?.metadata.ownerReferences?.[0]?.kind).toBe('Website');
    expect(sim.endpointsOf('shop').filter((e) => e.ready)).toHaveLength(2);
    expect(sim.getInert('Website', 'shop')?.['status']).toEqual({
      phase: 'Running',
      readyReplicas: 2,
    });
    sim.delete('Website', 'shop');
    sim.settle();
    expect(sim.get('Deployment', 'shop')).toBeUndefined();
    expect(sim.get('Service', 'shop')).toBeUndefined();
  });

  it('the planted bug is found and shrunk to a scenario where every fault is needed', () => {
    const details = fc.check(websiteProperty({ bug: 'recreate-degraded' }), { seed, numRuns: 20 });
    expect(details.failed).toBe(true);
    const [scenario] = details.counterexample ?? [];
    if (scenario === undefined) throw new Error('fast-check found no counterexample');
    expect(details.numShrinks).toBeGreaterThan(0);
    expect(scenario.replicas).toBe(2);
    expect(scenario.faults.length).toBeLessThanOrEqual(2);
    const check = checkWebsite(scenario, { bug: 'recreate-degraded' });
    expect(check.ok).toBe(false);
    expect(check.emptyAt).toBeGreaterThan(0);
    // Shrunk means locally minimal: without any one of its faults the buggy operator survives.
    scenario.faults.forEach((_, i) => {
      const fewer = { ...scenario, faults: scenario.faults.filter((_f, j) => j !== i) };
      expect(checkWebsite(fewer, { bug: 'recreate-degraded' }).ok).toBe(true);
    });
  }, 120_000);

  it('one readiness failure long enough to be detected is enough to trigger the bug', () => {
    const fault = { type: 'failReadiness' as const, pod: 0, after: 90_000, duration: 40_000 };
    expect(checkWebsite({ replicas: 2, faults: [fault] }, {}).ok).toBe(true);
    expect(checkWebsite({ replicas: 2, faults: [fault] }, { bug: 'recreate-degraded' }).ok).toBe(
      false,
    );
  });

  it('the correct operator keeps a ready endpoint through generated faults', () => {
    fc.assert(websiteProperty({}), { seed, numRuns: 15 });
  }, 120_000);

  it("runs from the README: the README's command prints the shrunk failure and the correct operator passing", () => {
    const root = new URL('../../..', import.meta.url).pathname;
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const command = /Run it with `npm run build && (node [^`]+)`/.exec(
      readme.slice(readme.indexOf('[`website-operator`]')),
    )?.[1];
    expect(command).toBe('node examples/dist/website-operator/main.js');
    // `npm test` builds first; the built example is run as the README says, from the repository.
    const run = spawnSync(process.execPath, [command?.split(' ')[1] ?? ''], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^operator with the planted bug: FAILS after \d+ run\(s\), shrunk [1-9]\d* time\(s\) to$/,
    );
    const shrunk = JSON.parse(lines[1] ?? '') as Parameters<typeof checkWebsite>[0];
    expect(checkWebsite(shrunk, { bug: 'recreate-degraded' }).ok).toBe(false);
    expect(lines[2]).toMatch(/^ {2}the Service had no ready endpoint at t=\d+\.\d s/);
    expect(lines[3]).toBe('correct operator: passes 20 generated scenarios');
  }, 120_000);
});
