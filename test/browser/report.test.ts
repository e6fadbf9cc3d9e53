// Loads an HTML report of a node-failure run in a real browser and checks what is drawn: the
// summary's hash, the series of each chart, the fault marker at the crash time's x position, the
// node lanes and the event list. Saves a screenshot for people to look at.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The published build, as users get it (the unit tests of the report run against the sources).
import { createSimulation, renderReport, type Simulation } from '@kubesim/sim';
import { webAppManifests } from '../../packages/sim/src/testFixtures.test-helper.js';

const CRASH_AT = 30_000;
const HORIZON = 150_000;
const SCREENSHOT = join(tmpdir(), 'kubesim-report.png');

function nodeFailureRun(): { sim: Simulation; victim: string } {
  const sim = createSimulation({ seed: 5 });
  sim.addNodes(4);
  sim.apply(webAppManifests('web', 3));
  sim.settle();
  const victim = sim.list('Pod', { labelSelector: 'app=web' })[0]?.spec.nodeName ?? '';
  sim.traffic({ from: { external: true }, to: 'web', every: '100ms' });
  sim.at(CRASH_AT, (s) => {
    s.faults.crashNode(victim);
  });
  sim.runFor(HORIZON - sim.now);
  return { sim, victim };
}

describe('the HTML report in a real browser', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let sim: Simulation;
  let victim: string;

  beforeAll(async () => {
    ({ sim, victim } = nodeFailureRun());
    dir = mkdtempSync(join(tmpdir(), 'kubesim-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport({ sim, title: 'web: node failure under traffic' }));
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1060, height: 900 } });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) external.push(r.url());
    });
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(external).toEqual([]);
  });

  afterAll(async () => {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the trace hash and seed in the summary', async () => {
    const summary = page.getByTestId('summary');
    await expect(summary.isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('trace-hash').textContent()).toBe(sim.trace.hash());
    expect(await page.getByTestId('seed').textContent()).toBe('5');
    expect(await page.getByTestId('horizon').textContent()).toBe('02:30.000');
  });

  it('draws one ready-endpoints line stepping 3 → 2 → 3', async () => {
    const chart = page.getByTestId('chart-ready-default/web');
    expect(await chart.locator('[data-series="ready"]').count()).toBe(1);
    const d = (await chart.locator('path[data-series="ready"]').getAttribute('d')) ?? '';
    // M, then one H…V pair per change, then the final H to the horizon.
    const changes = sim.metrics.readyEndpoints('default/web').length;
    expect(d.match(/V/g)).toHaveLength(changes - 1);
    expect(await chart.locator('rect.blackhole').count()).toBe(
      sim.metrics.blackHoleWindows('default/web').length,
    );
  });

  it('draws four outcome series with ok bars, and timeout bars during the black hole', async () => {
    const chart = page.getByTestId('chart-outcomes-default/web');
    expect(await chart.locator('g[data-series]').count()).toBe(4);
    const ok = await chart.locator('g[data-series="ok"] rect').count();
    const timeout = await chart.locator('g[data-series="timeout"] rect').count();
    expect(ok).toBeGreaterThan(100);
    expect(timeout).toBeGreaterThan(0);
    expect(await chart.locator('g[data-series="nxdomain"] rect').count()).toBe(0);
    // Every timeout bar starts inside the black-hole window.
    const hole = chart.locator('rect.blackhole').first();
    const x0 = Number(await hole.getAttribute('x'));
    const x1 = x0 + Number(await hole.getAttribute('width'));
    const xs: number[] = [];
    for (const r of await chart.locator('g[data-series="timeout"] rect').all()) {
      xs.push(Number(await r.getAttribute('x')));
    }
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(x0 - 1);
      expect(x).toBeLessThanOrEqual(x1);
    }
  });

  it('places a fault marker at the crash time on every chart', async () => {
    const markers = page.getByTestId('fault-marker');
    // ready + outcomes + lanes
    expect(await markers.count()).toBe(3);
    const svg = page.getByTestId('chart-ready-default/web');
    const x0 = Number(await svg.getAttribute('data-x0'));
    const x1 = Number(await svg.getAttribute('data-x1'));
    const horizon = Number(await svg.getAttribute('data-horizon'));
    const expected = x0 + (CRASH_AT / horizon) * (x1 - x0);
    for (const m of await markers.all()) {
      expect(await m.getAttribute('data-t')).toBe(String(CRASH_AT));
      const x = Number(await m.locator('line').getAttribute('x1'));
      expect(Math.abs(x - expected)).toBeLessThanOrEqual(0.05);
      expect(await m.locator('text').textContent()).toBe(`CrashNode ${victim}`);
    }
    // The marker is really drawn where the attribute says, in screen space too.
    const box = await svg.boundingBox();
    const line = await markers.first().locator('line').boundingBox();
    expect(box).not.toBeNull();
    expect(line).not.toBeNull();
    const scale = (box?.width ?? 0) / 960;
    expect(Math.abs((line?.x ?? 0) - (box?.x ?? 0) - expected * scale)).toBeLessThan(2);
  });

  it('draws a lane per node with the victim down and then Unknown', async () => {
    const lanes = page.getByTestId('lanes-nodes');
    expect(await lanes.locator('g.lane-row').count()).toBe(4);
    const row = lanes.locator(`g.lane-row[data-node="${victim}"]`);
    expect(await row.locator('rect.lane-down').count()).toBe(1);
    expect(await row.locator('rect.lane-Unknown').count()).toBe(1);
    expect(await lanes.locator('rect.lane-down').count()).toBe(1);
  });

  it('lists events with times, causes and what happened', async () => {
    const rows = page.getByTestId('event-list').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    const crash = page.getByTestId('event-list').locator('tr.fault');
    expect(await crash.count()).toBe(1);
    expect(await crash.locator('td').allTextContents()).toEqual([
      '00:30.000',
      'fault',
      `CrashNode ${victim}`,
    ]);
    expect(await page.getByTestId('violations').textContent()).toContain('No invariant');
  });
});
