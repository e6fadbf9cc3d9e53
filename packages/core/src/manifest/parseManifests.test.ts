import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManifestParseError } from '../errors.js';
import { parseManifests } from './parseManifests.js';

const examples = new URL('../../../../test/fixtures/kubernetes-examples/', import.meta.url);

describe('parseManifests', () => {
  it('reads every document of the guestbook example, in order', () => {
    const text = readFileSync(new URL('guestbook-all-in-one.yaml', examples), 'utf8');
    const objects = parseManifests(text);
    expect(objects.map((o) => `${String(o.kind)}/${String(o.metadata?.name)}`)).toEqual([
      'Service/redis-master',
      'Deployment/redis-master',
      'Service/redis-replica',
      'Deployment/redis-replica',
      'Service/frontend',
      'Deployment/frontend',
    ]);
  });

  it('keeps fields kubesim does not model', () => {
    const text = readFileSync(new URL('cassandra-statefulset.yaml', examples), 'utf8');
    const [sts] = parseManifests(text);
    const spec = (sts as { spec?: { volumeClaimTemplates?: unknown[] } } | undefined)?.spec;
    expect(spec?.volumeClaimTemplates).toHaveLength(1);
  });

  it('skips empty documents and expands kind: List', () => {
    const text = [
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- {apiVersion: v1, kind: Namespace, metadata: {name: a}}',
      '- {apiVersion: v1, kind: Namespace, metadata: {name: b}}',
      '---',
      '',
    ].join('\n');
    expect(parseManifests(text).map((o) => o.metadata?.name)).toEqual(['a', 'b']);
  });

  it('reports the line and column of a syntax error', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n   bad: [\n';
    try {
      parseManifests(text);
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ManifestParseError);
      const err = e as ManifestParseError;
      expect(err.code).toBe('ManifestParse');
      expect(err.line).toBeGreaterThanOrEqual(4);
      expect(err.message).toMatch(/line \d+, column \d+/);
    }
  });

  it('refuses a document that is not a mapping, naming where it is', () => {
    expect(() => parseManifests('apiVersion: v1\nkind: Pod\n---\n- a\n- b\n')).toThrow(
      /line 4, column 1: document 2 is a list/,
    );
  });

  it('refuses duplicate keys, as the API server does', () => {
    expect(() => parseManifests('kind: Pod\nkind: Service\n')).toThrow(ManifestParseError);
  });

  it('reports an alias without its anchor as a parse error, not a crash', () => {
    expect(() => parseManifests('*!')).toThrow(ManifestParseError);
    expect(() => parseManifests('kind: Pod\nmetadata: *missing\n')).toThrow(ManifestParseError);
  });

  it('never throws anything but ManifestParseError', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseManifests(text);
        } catch (err) {
          return err instanceof ManifestParseError;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('reads JSON too', () => {
    expect(
      parseManifests('{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"x"}}'),
    ).toEqual([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } }]);
  });
});
