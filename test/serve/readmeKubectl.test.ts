// Issue 15: the README shows kubectl against a simulated cluster in three commands. They are read
// from the README and run as written with the image's kubectl, with files a user would have put
// beside them (a scenario, the guestbook) and the watch cut after a few seconds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireKubectl } from './kubectlHarness.js';

requireKubectl();

const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(`${root}README.md`, 'utf8');

describe('README: kubectl against a simulated cluster', { timeout: 120_000 }, () => {
  it('its three commands serve a cluster, point kubectl at it, and apply and watch the guestbook', () => {
    const section = readme.slice(readme.indexOf('## kubectl against a simulated cluster'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const commands = block
      .trimEnd()
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, ''));
    expect(commands).toEqual([
      'npx kubesim serve scenario.yaml --speed 30 > kubesim-path &',
      'export KUBECONFIG=$(cat kubesim-path)',
      'kubectl apply -f guestbook.yaml && kubectl get pods -o wide -w',
    ]);

    const dir = mkdtempSync(join(tmpdir(), 'kubesim-readme-'));
    writeFileSync(
      join(dir, 'scenario.yaml'),
      'version: 1\nname: readme\nseed: 1\nnodes: [{count: 3}]\nhorizon: 1h\n',
    );
    writeFileSync(
      join(dir, 'guestbook.yaml'),
      readFileSync(`${root}test/fixtures/kubernetes-examples/guestbook-all-in-one.yaml`),
    );
    const [serve, point, applyAndWatch] = commands as [string, string, string];
    // Run from the repository (npx finds the linked bin without asking a registry), with the files
    // in the temporary folder; the watch stops after 8 s, then the server is stopped.
    const script = [
      'set -u -m', // -m: the server gets its own process group, stopped whole at the end
      `cd ${JSON.stringify(root)}`,
      `D=${JSON.stringify(dir)}`,
      'export KUBECACHEDIR="$D/cache" HOME="$D"',
      serve
        .replace('npx kubesim', 'npx --no-install kubesim')
        .replace('scenario.yaml', '"$D/scenario.yaml"')
        .replace('kubesim-path', '"$D/kubesim-path"')
        .replace(' &', ' 2> "$D/serve.err" &'),
      'SERVER=$!',
      "trap 'kill -- -$SERVER' EXIT",
      'for _ in $(seq 100); do [ -s "$D/kubesim-path" ] && break; sleep 0.1; done',
      point.replace('kubesim-path', '"$D/kubesim-path"'),
      `timeout 8 bash -c ${JSON.stringify(applyAndWatch.replace('guestbook.yaml', '"$D/guestbook.yaml"'))}`,
      'echo "exit $?"',
    ].join('\n');
    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'service/redis-master created',
      'deployment.apps/redis-master created',
      'service/redis-replica created',
      'deployment.apps/redis-replica created',
      'service/frontend created',
      'deployment.apps/frontend created',
    ]);
    expect(lines[6]?.trim().split(/\s{2,}/)).toEqual([
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ]);
    // The watch saw the guestbook's six pods, and they came up Running at speed 30.
    const pods = new Map(
      lines
        .slice(7, -1)
        .map((l) => l.trim().split(/\s+/))
        .map((cells) => [cells[0] ?? '', cells[2] ?? '']),
    );
    expect(pods.size).toBe(6);
    expect([...pods.values()].every((s) => s === 'Running')).toBe(true);
    // timeout ended the watch: exit 124.
    expect(lines.at(-1)).toBe('exit 124');
    expect(run.stderr).not.toMatch(/error/i);
  });
});
