// Closing a served simulation ends every connection, including one still in its TLS handshake:
// a client that connects just before close() (an informer restarting its watch) must not keep
// close() waiting, nor get its request served afterwards.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '@kubesim/sim';
import { eventually, openWatch, targetOf } from './apiClient.js';

describe('ServeHandle.close', () => {
  it('ends open watches and connections still in their TLS handshake', async () => {
    const sim = createSimulation({ seed: 1 });
    sim.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    const server = await sim.serve();
    const t = targetOf(server.kubeconfig);
    const watch = openWatch(t, '/api/v1/namespaces/default/configmaps?watch=true');
    await eventually(() => watch.frames.length === 1);
    // A plain TCP connection: accepted, its TLS handshake never started.
    const port = Number(new URL(t.url).port);
    const raw = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      raw.once('connect', resolve);
      raw.once('error', reject);
    });
    const rawClosed = new Promise<void>((resolve) => {
      raw.once('close', () => {
        resolve();
      });
    });
    raw.on('error', () => undefined); // the server resets it
    await server.close();
    await watch.ended;
    await rawClosed;
    expect(raw.destroyed).toBe(true);
  });
});
