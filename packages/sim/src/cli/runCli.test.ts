import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { demoScenario, type Scenario } from '../scenario/index.js';
import { memoryIo } from './memoryIo.test-helper.js';
import { runCli } from './runCli.js';
import { webAppManifests } from '../testFixtures.test-helper.js';
import { TRACE_FORMAT_VERSION } from '../world/trace.js';

const app = webAppManifests('web', 2);

/** Checks only what the test needs: no built-in invariants. */
const ok: Scenario = {
  name: 'steady',
  seed: 2,
  nodes: [{ count: 2 }],
  manifests: app,
  traffic: [{ from: { external: true }, to: 'web', every: '1s' }],
  horizon: '1m',
  invariants: [],
};

/** Fails deterministically: a 1 ms settle timeout while pods are still starting (`settles`). */
const failing: Scenario = {
  ...ok,
  name: 'unsettled',
  traffic: [],
  horizon: '1ms',
  config: { settleTimeout: '1ms' },
  invariants: ['settles'],
};

describe('kubesim run', () => {
  it('exits 0 with a summary, plain progress lines off a TTY, and --show output', async () => {
    const io = memoryIo({ 's.yaml': stringify(ok) });
    const out = await runCli(['run', 's.yaml', '--show', 'service/web'], io);
    expect(out.exitCode).toBe(0);
    expect(out.output).toMatch(/seed 2, ran 1m of virtual time/);
    expect(out.output).toMatch(/trace hash [0-9a-f]{16}/);
    expect(out.output).toMatch(/requests to web: \d+ ok, 0 timeout/);
    expect(out.output).toMatch(/no invariant violated/);
    expect(out.output).toMatch(/10\.128\.\d+\.\d+/);
    expect(io.progress.at(-1)).toMatch(/1m of 1m \(100%\)/);
  });

  it('exits 1 on a violation, writes a failure record and prints the replay command', async () => {
    const io = memoryIo({ 's.json': JSON.stringify(failing) });
    const out = await runCli(['run', 's.json'], io);
    expect(out.exitCode).toBe(1);
    expect(out.output).toMatch(/1 invariant violation:\n {2}\[\d.*\] settles: /);
    const file = /replay it with: kubesim replay (kubesim-failure-[0-9a-f]{16}\.json)/.exec(
      out.output,
    )?.[1];
    expect(file).toBeDefined();
    const record = JSON.parse(io.files.get(file ?? '') ?? '{}');
    expect(record.kind).toBe('kubesim-failure');
    expect(record.violations[0].invariant).toBe('settles');

    const replay = await runCli(['replay', file ?? ''], io);
    expect(replay.exitCode).toBe(1);
    expect(replay.output).toContain(`hash ${record.hash} matches the record`);
    expect(replay.output).toContain('the recorded failure reproduced (exit code 1)');

    io.files.set('tampered.json', JSON.stringify({ ...record, hash: '0000000000000000' }));
    const mismatch = await runCli(['replay', 'tampered.json'], io);
    expect(mismatch.exitCode).toBe(3);
    expect(mismatch.output).toMatch(/differs from the record's 0000000000000000/);
    expect(record.traceFormat).toBe(TRACE_FORMAT_VERSION);

    // A record written before trace format 2 has no traceFormat: its hash cannot match, and the
    // replay says why instead of only "differs".
    const { traceFormat: _f, ...older } = record;
    io.files.set('format1.json', JSON.stringify({ ...older, hash: '1111111111111111' }));
    const old = await runCli(['replay', 'format1.json'], io);
    expect(old.exitCode).toBe(1);
    expect(old.output).toContain(
      `the record's hash is of trace format 1, this kubesim hashes format ${TRACE_FORMAT_VERSION}`,
    );
  });

  it('uses --seed over the scenario seed and prints JSON with --json', async () => {
    const io = memoryIo({ 's.yaml': stringify(ok) });
    const a = JSON.parse((await runCli(['run', 's.yaml', '--json'], io)).output);
    const b = JSON.parse((await runCli(['run', 's.yaml', '--json', '--seed', '9'], io)).output);
    expect(a.seed).toBe('2');
    expect(b.seed).toBe('9');
    expect(b.hash).not.toBe(a.hash);
    expect(a.violations).toEqual([]);
  });

  it('exits 2 on bad input with the message and no stack trace', async () => {
    const io = memoryIo({
      'bad.yaml': 'seed: 1\nhorizon: 1m\nactions:\n  - {at: 5x, type: drain, node: node-0}\n',
      'broken.yaml': 'seed: 1\nhorizon: [1m\n',
      'notjson.json': '{',
    });
    const bad = await runCli(['run', 'bad.yaml'], io);
    expect(bad).toEqual({
      exitCode: 2,
      output: expect.stringMatching(/^kubesim: actions\[0\]\.at: invalid duration "5x"/),
    });
    expect(bad.output).not.toMatch(/\n\s+at /);
    const broken = await runCli(['run', 'broken.yaml'], io);
    expect(broken.exitCode).toBe(2);
    expect(broken.output).toMatch(/at line \d+, column \d+/);
    expect((await runCli(['run', 'missing.yaml'], io)).output).toMatch(
      /cannot read missing\.yaml: ENOENT/,
    );
    expect((await runCli(['replay', 'notjson.json'], io)).exitCode).toBe(2);
    expect((await runCli(['run', 'bad.yaml', '--nope'], io)).output).toMatch(/Usage:/);
  });

  it('writes a report with --report, or says why it could not', async () => {
    const io = memoryIo({ 's.yaml': stringify(ok) });
    const render = () =>
      Promise.resolve(({ title }: { title?: string }) => `<html>${title ?? ''}</html>`);
    const written = await runCli(['run', 's.yaml', '--report', 'out.html'], io, {
      loadRenderReport: render,
    });
    expect(written.output).toContain('report written to out.html');
    expect(io.files.get('out.html')).toBe('<html>steady</html>');
    const missing = await runCli(['run', 's.yaml', '--report', 'r2.html'], io, {
      loadRenderReport: () => Promise.resolve(undefined),
    });
    expect(missing.exitCode).toBe(0);
    expect(missing.output).toMatch(/report not written: .*no HTML report module/);
    expect(io.files.has('r2.html')).toBe(false);
  });
});

describe('kubesim run prints black-hole windows per entry path', () => {
  it("the demo's scenario run as a file: the same windows as kubesim demo, per entry path", async () => {
    const io = memoryIo({ 'demo.yaml': stringify(demoScenario()) });
    const out = await runCli(['run', 'demo.yaml'], io);
    expect(out.exitCode).toBe(0);
    const demo = await runCli(['demo', '--no-report'], memoryIo({}));
    const windowLines = (text: string): string[] =>
      text.split('\n').filter((l) => /^ {2}(in-cluster|via the load balancer) +\S.* → /.test(l));
    // README: in-cluster 1m → 1m55s, via the load balancer (GCE health checks) 1m → 1m21s.
    expect(out.output).toContain(
      'black-hole windows of default/web (new connections still sent to a dead backend):',
    );
    const lines = windowLines(out.output);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ {2}in-cluster +default\/web-\S+ +1m → 1m55s \(55s\)$/);
    expect(lines[1]).toMatch(/^ {2}via the load balancer +node-1 \(\S+\) +1m → 1m21s \(21s\)$/);
    expect(lines).toEqual(windowLines(demo.output));
  });

  it('says none for an entry path without a window', async () => {
    const io = memoryIo({ 's.yaml': stringify(ok) });
    const out = await runCli(['run', 's.yaml'], io);
    expect(out.output).toContain(
      [
        'black-hole windows of default/web (new connections still sent to a dead backend):',
        '  in-cluster  none',
      ].join('\n'),
    );
  });
});

describe('kubesim demo', () => {
  it('prints the node-failure timeline and the request outcomes', async () => {
    const io = memoryIo();
    const out = await runCli(['demo'], io);
    expect(out.output).toMatch(/1m {2}node-1 loses power/);
    expect(out.output).toMatch(/node-1 NotReady: no heartbeat for 55s/);
    expect(out.output).toMatch(/endpoints not ready: default\/web has 2 of 3 ready/);
    expect(out.output).toMatch(/taint node\.kubernetes\.io\/unreachable:NoExecute on node-1/);
    expect(out.output).toMatch(/default\/web-[a-z0-9-]+ evicted/);
    expect(out.output).toMatch(/replacements Ready: default\/web has 3 ready endpoints again/);
    expect(out.output).toMatch(
      /1m21s {2}load balancer stops sending to node-1: 3 failed checks of kube-proxy's \/healthz \(gce: every 8s, 1s timeout\)/,
    );
    // The external window beside the in-cluster one, then the requests by entry path.
    expect(out.output).toMatch(
      /black-hole windows[^\n]*\n {2}in-cluster +default\/web-[a-z0-9-]+ +1m → 1m55s \(55s\)\n {2}via the load balancer +node-1 \(172\.16\.0\.\d+\) +1m → 1m21s \(21s\)\n/,
    );
    expect(out.output).toMatch(
      /requests:\n {2}in-cluster +4496 ok, 205 timeout, 0 refused, 0 nxdomain; failed between 1m and 1m55s\n {2}via the load balancer +\d+ ok, \d+ timeout, 0 refused, 0 nxdomain; failed between 1m and 1m55s\n/,
    );
    expect(out.exitCode, out.output).toBe(0);
    // The demo's report shows the external window beside the in-cluster one.
    const html = io.files.get('kubesim-demo-report.html') ?? '';
    expect(html).toContain(
      'data-testid="external-windows">Black-hole windows: in-cluster: 01:00.000 → 01:55.000 · via load balancer: 01:00.000 → 01:21.000</p>',
    );
    expect(html).toContain('data-testid="chart-windows-default/web"');
  });
});

describe('kubesim exit codes (issue 14)', () => {
  it('run exits 1 when the cluster refuses an action, and says so', async () => {
    const refused: Scenario = {
      ...ok,
      traffic: [],
      actions: [{ at: '10s', type: 'evict', pod: 'default/nope' }],
    };
    const io = memoryIo({ 's.yaml': stringify(refused) });
    const out = await runCli(['run', 's.yaml'], io);
    expect(out.output).toMatch(/refused at 10s: actions\[0\] evict: /);
    expect(out.output).toMatch(/1 action\(s\) refused by the cluster \(exit code 1\)/);
    expect(out.exitCode).toBe(1);
    const json = await runCli(['run', 's.yaml', '--json'], io);
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.output).actionErrors).toHaveLength(1);
  });

  it('--show deployment/web prints the object, a missing object NotFound, never a crash', async () => {
    const io = memoryIo({ 's.yaml': stringify(ok) });
    const out = await runCli(
      ['run', 's.yaml', '--show', 'deployment/web', '--show', 'pod/nope', '--show', 'svc/nope'],
      io,
    );
    expect(out.exitCode).toBe(0);
    expect(out.output).toMatch(/deployment\/web:\napiVersion: apps\/v1\nkind: Deployment/);
    expect(out.output).toMatch(/Error from server \(NotFound\): pods "nope" not found/);
    expect(out.output).toMatch(/Error from server \(NotFound\): services "nope" not found/);
    const bad = await runCli(['run', 's.yaml', '--show', 'potato/web'], io);
    expect(bad.exitCode).toBe(2);
    expect(bad.output).toMatch(/^kubesim: --show: "potato" is not a kind kubesim simulates/);
  });

  it('YAML alias errors in a scenario are bad input (exit 2), not a stack trace', async () => {
    const io = memoryIo({
      'unresolved.yaml': 'seed: 1\nhorizon: 1m\nname: *nope\n',
      'manifest-alias.yaml': 'seed: 1\nhorizon: 1m\nmanifests: |\n  a: &x 1\n  b: *y\n',
      'bomb.yaml': `seed: 1\nhorizon: 1m\nname: x\na0: &a0 [x, x, x, x, x, x, x, x, x]\n${Array.from(
        { length: 9 },
        (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`,
      ).join('\n')}\n`,
    });
    for (const file of ['unresolved.yaml', 'manifest-alias.yaml', 'bomb.yaml']) {
      const out = await runCli(['run', file], io);
      expect(out.exitCode, file).toBe(2);
      expect(out.output, file).toMatch(/^kubesim: /);
      expect(out.output, file).not.toMatch(/\n\s+at /);
    }
  });

  it('replay exits 1 when a custom invariant failure reproduces, 3 when it does not', async () => {
    const io = memoryIo({ 's.yaml': stringify(ok) });
    const run = JSON.parse((await runCli(['run', 's.yaml', '--json'], io)).output);
    // A record a library user's own check wrote (runScenario with custom invariants).
    const custom = {
      kind: 'kubesim-failure',
      version: run.version,
      scenario: ok,
      seed: '2',
      hash: run.hash,
      violations: [{ invariant: 'my-client-agrees', t: 1000, message: 'stale answer' }],
    };
    io.files.set('custom.json', JSON.stringify(custom));
    const again = await runCli(['replay', 'custom.json'], io);
    expect(again.output).toMatch(/cannot recheck \(the run is identical, so they happened again\)/);
    expect(again.output).toMatch(/my-client-agrees: stale answer/);
    expect(again.exitCode).toBe(1);
    io.files.set(
      'other.json',
      JSON.stringify({ ...custom, scenario: { ...ok, seed: 3 }, seed: '3' }),
    );
    expect((await runCli(['replay', 'other.json'], io)).exitCode).toBe(3);
    io.files.set('nohash.json', JSON.stringify({ ...custom, hash: '' }));
    const noHash = await runCli(['replay', 'nohash.json'], io);
    expect(noHash.exitCode).toBe(3);
    expect(noHash.output).toMatch(/no hash to compare/);
    io.files.set('notrecord.json', JSON.stringify({ kind: 'x' }));
    expect((await runCli(['replay', 'notrecord.json'], io)).exitCode).toBe(2);
  });

  it('demo writes kubesim-demo-report.html by default, --report moves it, --no-report skips it', async () => {
    const render = () => Promise.resolve(() => '<html>demo</html>');
    const io = memoryIo();
    const out = await runCli(['demo'], io, { loadRenderReport: render });
    expect(out.output).toContain('report written to kubesim-demo-report.html');
    expect(io.files.get('kubesim-demo-report.html')).toBe('<html>demo</html>');
    const moved = memoryIo();
    await runCli(['demo', '--report', 'd.html'], moved, { loadRenderReport: render });
    expect([...moved.files.keys()]).toEqual(['d.html']);
    const none = memoryIo();
    const skipped = await runCli(['demo', '--no-report'], none, { loadRenderReport: render });
    expect(skipped.exitCode).toBe(0);
    expect(none.files.size).toBe(0);
    const both = await runCli(['demo', '--report', 'x.html', '--no-report'], none);
    expect(both.exitCode).toBe(2);
  });
});
