import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { TargetParseError, parseTarget } from './parseTarget.js';

describe('parseTarget', () => {
  it.each([
    ['web', { host: 'web', isIP: false }],
    ['web.default', { host: 'web.default', isIP: false }],
    [
      'web.default.svc.cluster.local:80',
      { host: 'web.default.svc.cluster.local', port: 80, isIP: false },
    ],
    ['10.96.0.15:80', { host: '10.96.0.15', port: 80, isIP: true }],
    ['node-1:30080', { host: 'node-1', port: 30080, isIP: false }],
    ['[fd00::1]:443', { host: 'fd00::1', port: 443, isIP: true }],
    ['fd00::1', { host: 'fd00::1', isIP: true }],
  ])('splits %s', (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  it.each(['', ':80', 'web:0', 'web:65536', 'web:http', '[fd00::1'])('refuses %j', (text) => {
    expect(() => parseTarget(text)).toThrow(TargetParseError);
  });

  it('round-trips host:port for any DNS-like host and valid port', () => {
    fc.assert(
      fc.property(fc.domain(), fc.integer({ min: 1, max: 65535 }), (host, port) => {
        expect(parseTarget(`${host}:${port}`)).toMatchObject({ host, port });
      }),
    );
  });
});
