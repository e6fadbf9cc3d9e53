/* eslint-disable @typescript-eslint/no-unsafe-call -- wire JSON read in tests */
// `kubesim serve --paused` and `kubesim advance`: the printed kubeconfig works, time moves only
// when advanced, and bad input is exit code 2 without a stack trace.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../packages/sim/src/cli/memoryIo.test-helper.js';
import { runCli } from '../../packages/sim/src/cli/runCli.js';
import { call, targetOf } from './apiClient.js';

describe('kubesim serve and advance', () => {
  it('serves a paused cluster that moves only by kubesim advance', async () => {
    let stop = (): void => {};
    let printed = '';
    const stopped = new Promise<void>((r) => {
      stop = r;
    });
    const io = memoryIo({});
    const serving = runCli(['serve', '--paused'], io, {
      serve: { stopped, print: (t) => (printed += t) },
    });
    for (let i = 0; i < 500 && printed === ''; i++) await new Promise((r) => setTimeout(r, 10));
    const kubeconfigPath = printed.trim();
    const t = targetOf(readFileSync(kubeconfigPath, 'utf8'));
    const nodes = await call(t, 'GET', '/api/v1/nodes');
    expect(nodes.json.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual([
      'node-0',
      'node-1',
      'node-2',
    ]);
    const ageOf = async (): Promise<string> =>
      (
        await call(t, 'GET', '/api/v1/nodes/node-0', {
          headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
        })
      ).json.rows[0].cells[3] as string;
    expect(await ageOf()).toBe('0s');
    const advanced = await runCli(
      ['advance', '5m', '--kubeconfig', kubeconfigPath],
      memoryIo({ [kubeconfigPath]: readFileSync(kubeconfigPath, 'utf8') }),
    );
    expect(advanced).toEqual({
      exitCode: 0,
      output: 'advanced 5m; virtual time is now 300000 ms\n',
    });
    expect(await ageOf()).toBe('5m');
    stop();
    expect(await serving).toEqual({ exitCode: 0, output: '' });
  });

  it('refuses bad input with exit code 2', async () => {
    const io = memoryIo({});
    const never = { stopped: new Promise<void>(() => {}), print: () => {} };
    expect((await runCli(['serve', '--speed', '0'], io, { serve: never })).exitCode).toBe(2);
    expect(
      (await runCli(['serve', '--speed', '2', '--paused'], io, { serve: never })).exitCode,
    ).toBe(2);
    expect((await runCli(['advance', 'soon', '--kubeconfig', 'k'], io)).exitCode).toBe(2);
    expect((await runCli(['advance', '5m'], io)).output).toMatch(/kubeconfig/);
  });
});
