// Serving a simulation and reading it over HTTP (lists, watches, Tables) changes nothing in its
// trace: the same seed run with and without a server gives the same hash.
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '@kubesim/sim';
import { call, eventually, openWatch, targetOf } from './apiClient.js';

function build(): Simulation {
  const sim = createSimulation({ seed: 9 });
  sim.addNodes(3);
  sim.apply(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx}]}
`);
  return sim;
}

describe('serving leaves the trace alone', () => {
  it('gives the same trace hash with and without a server and its readers', async () => {
    const plain = build();
    plain.runFor('1m');
    plain.faults.crashNode('node-1');
    plain.runFor('7m');

    const served = build();
    const server = await served.serve();
    const t = targetOf(server.kubeconfig);
    const w = openWatch(t, '/api/v1/pods?watch=true&allowWatchBookmarks=true', {
      Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
    });
    served.runFor('1m');
    await call(t, 'GET', '/api/v1/pods');
    served.faults.crashNode('node-1');
    served.runFor('7m');
    await call(t, 'GET', '/apis/apps/v1/deployments', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    });
    await eventually(() => w.frames.length > 3);
    w.stop();
    await server.close();
    expect(served.trace.hash()).toBe(plain.trace.hash());
  });
});
