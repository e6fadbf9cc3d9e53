import { describe, expect, it } from 'vitest';
import { renderReport } from './renderReport.js';
import { CRASH_AT, nodeFailureRun } from './reportRun.test-helper.js';

describe('renderReport', () => {
  it('renders byte-identical pages for two identical runs', () => {
    const a = renderReport({ sim: nodeFailureRun() });
    const b = renderReport({ sim: nodeFailureRun() });
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(10_000);
  });

  it('differs when the run differs', () => {
    expect(renderReport({ sim: nodeFailureRun(120_000, 5) })).not.toBe(
      renderReport({ sim: nodeFailureRun(90_000, 5) }),
    );
  });

  it('is one self-contained page: no script, link, import or external URL', () => {
    const html = renderReport({ sim: nodeFailureRun() });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|@import|src=|href=|url\((?!#)/);
  });

  it('shows the summary, the charts of the web Service, node lanes and a fault marker at the crash', () => {
    const sim = nodeFailureRun();
    const html = renderReport({ sim });
    expect(html).toContain(`data-testid="trace-hash">${sim.trace.hash()}<`);
    expect(html).toContain('data-testid="chart-ready-default/web"');
    expect(html).toContain('data-testid="chart-outcomes-default/web"');
    expect(html).not.toContain('chart-ready-default/kubernetes');
    expect(html).toContain('data-testid="lanes-nodes"');
    expect(html).toContain(`data-testid="fault-marker" data-t="${CRASH_AT}"`);
    expect(html).toMatch(
      /<tr class="fault"><td class="t">00:30\.000<\/td><td class="cause">fault<\/td><td class="what">CrashNode node-\d<\/td><\/tr>/,
    );
    expect(html).toMatch(/Node node-\d Ready → Unknown/);
    expect(html).toMatch(/Pod default\/web-[a-z0-9-]+ Ready → False/);
    expect(html).toContain('class="blackhole"');
    expect(html).toContain('data-series="timeout"');
    expect(html).toContain('class="lane lane-down"');
  });

  it('escapes every text it prints', () => {
    const sim = nodeFailureRun(40_000);
    const html = renderReport({
      sim,
      title: '<b>"x" & \'y\'</b>',
      violations: [{ invariant: 'inv<1>', t: 1234, message: 'a < b & "c"', subjects: ['<s>'] }],
    });
    expect(html).toContain('<h1>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</h1>');
    expect(html).toContain('<code>inv&lt;1&gt;</code>');
    expect(html).toContain('a &lt; b &amp; &quot;c&quot;');
    expect(html).toContain('<td class="t">00:01.234</td>');
    expect(html).not.toContain('<s>');
  });

  it('caps the event list and says so', () => {
    const html = renderReport({ sim: nodeFailureRun(60_000), maxEvents: 5 });
    const rows = html.split('data-testid="event-list"')[1]?.split('</table>')[0] ?? '';
    expect(rows.match(/<tr class=/g)).toHaveLength(5);
    expect(html).toMatch(/Showing the first 5 of \d+ notable entries/);
  });

  it('charts only the Services asked for, and says when there is none', () => {
    const html = renderReport({ sim: nodeFailureRun(40_000), services: [] });
    expect(html).not.toContain('chart-ready-');
    expect(html).toContain('No Service with a selector to chart.');
  });
});
