// Issue 15, build item 1: sim.serve() listens on 127.0.0.1 only, on a free port by default or the
// one asked for, with a bearer token of its own in the kubeconfig it writes; POST
// /kubesim/v1/advance?by= moves time.
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, type ServeHandle } from '@kubesim/sim';
import { call, targetOf } from './apiClient.js';

const servers: ServeHandle[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(opts: { port?: number } = {}) {
  const sim = createSimulation({ seed: 5 });
  sim.addNodes(1);
  const server = await sim.serve(opts);
  servers.push(server);
  return { sim, server };
}

/** Whether a TCP connect to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

describe('sim.serve() listening', () => {
  it('takes a free loopback port by default and gives each server its own token', async () => {
    const a = await serve();
    const b = await serve();
    const ta = targetOf(a.server.kubeconfig);
    const tb = targetOf(b.server.kubeconfig);
    expect(a.server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(a.server.url).not.toBe(b.server.url);
    expect(ta.token).not.toBe(tb.token);
    expect(readFileSync(a.server.kubeconfigPath, 'utf8')).toBe(a.server.kubeconfig);
    expect((await call(ta, 'GET', '/api/v1/nodes')).status).toBe(200);
    // One server's token is no good at another.
    const foreign = await call(ta, 'GET', '/api/v1/nodes', { token: tb.token });
    expect(foreign.status).toBe(401);
    expect(foreign.json).toMatchObject({ kind: 'Status', code: 401, reason: 'Unauthorized' });
  });

  it('nothing listens beyond loopback', async () => {
    const { server } = await serve();
    const port = Number(new URL(server.url).port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal && i.family === 'IPv4')
      .map((i) => i?.address ?? '');
    for (const address of external) expect(await accepts(address, port)).toBe(false);
  });

  it('listens on the port asked for', async () => {
    const first = await serve();
    const port = Number(new URL(first.server.url).port);
    await first.server.close();
    servers.length = 0;
    const { server } = await serve({ port });
    expect(server.url).toBe(`https://127.0.0.1:${String(port)}`);
  });

  it('POST /kubesim/v1/advance?by=5m moves virtual time', async () => {
    const { sim, server } = await serve();
    const t = targetOf(server.kubeconfig);
    const before = sim.now;
    const answer = await call(t, 'POST', '/kubesim/v1/advance?by=5m');
    expect(answer.status).toBe(200);
    expect(sim.now - before).toBe(300_000);
    expect((await call(t, 'POST', '/kubesim/v1/advance?by=soon')).status).toBe(400);
  });
});
