// The README's short example, run as written (with a concrete manifest), and its numbers checked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, demoScenario, runScenario } from '@kubesim/sim';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

const manifestsYaml = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
`;

describe('README', () => {
  it('shows the property example exactly as examples/src/client-lb-property/readmeProperty.test.ts runs it', () => {
    // That file is the README's block, run by vitest with the project's defaults for everything
    // but the timeout scenarioTest sets itself.
    const example = readFileSync(
      new URL('../examples/src/client-lb-property/readmeProperty.test.ts', import.meta.url),
      'utf8',
    );
    expect(readme).toContain('```ts\n' + example + '```');
  });

  it('names the two set-up commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
  });

  it('short example: a crash at 1 min black-holes the dead backend until 115 s', () => {
    const sim = createSimulation({ seed: 42 });
    sim.addNodes(3, { zones: ['a', 'b', 'c'] });
    sim.apply(manifestsYaml);
    sim.settle();
    expect(sim.endpointsOf('default/web')).toHaveLength(3);
    sim.traffic({ from: { node: 'node-0' }, to: 'web', every: '100ms' });
    sim.at('1m', (s) => {
      s.faults.crashNode('node-1');
    });
    sim.runFor('8m');
    const windows = sim.metrics.blackHoleWindows('web');
    expect(windows.map((w) => [w.start, w.end])).toEqual([[60_000, 115_000]]);
    expect(readme).toContain('start: 60000, end: 115000');
    const total = sim.metrics.outcomes('web').total;
    expect(total.timeout).toBeGreaterThan(0);
    expect(total.ok).toBeGreaterThan(total.timeout);
    expect(sim.trace.hash()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('describes what the demo prints: the load balancer window beside the in-cluster one', () => {
    const demo = readme.split('The demo (`kubesim demo`)')[1]?.split('\n\n')[0] ?? '';
    const flat = demo.replace(/\s+/g, ' ');
    expect(flat).toContain('a Service of type LoadBalancer with a GCE-style cloud load balancer');
    expect(flat).toContain('a client on node-0 and a client outside the cluster');
    const r = runScenario(demoScenario(), { invariants: [] });
    const m = r.sim.metrics;
    const span = (w: { start: number; end?: number } | undefined) =>
      w === undefined ? '' : `${w.start / 60_000}m → ${formatMs(w.end)}`;
    const inside = m.blackHoleWindows('default/web', { via: 'cluster' });
    const outside = m.blackHoleWindows('default/web', { via: 'loadBalancer' });
    expect(flat).toContain(
      `in-cluster ${span(inside[0])}, via the load balancer ${span(outside[0])}`,
    );
    expect(flat).toContain(
      `stops sending to the node ${((outside[0]?.end ?? 0) - 60_000) / 1000} s later`,
    );
    expect(flat).toContain(
      `${((inside[0]?.end ?? 0) - 60_000) / 1000} s later, endpoints not ready`,
    );
    // Outside users fail until the in-cluster window closes, as the paragraph says.
    const failing = m
      .outcomes('default/web', { via: 'loadBalancer' })
      .buckets.filter((b) => b.timeout > 0);
    expect(formatMs((failing.at(-1)?.t ?? 0) + 1000)).toBe(formatMs(inside[0]?.end));
    expect(flat).toContain(`outside users fail until ${formatMs(inside[0]?.end)} too`);
  });
});

/** `1m55s`, `1m21s` as the demo prints them (whole seconds past a minute). */
function formatMs(ms: number | undefined): string {
  const s = Math.round((ms ?? 0) / 1000);
  return `${Math.floor(s / 60)}m${s % 60 === 0 ? '' : `${s % 60}s`}`;
}
