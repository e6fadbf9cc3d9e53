/**
 * The examples table of the Kubernetes Ingress documentation (concepts/services-networking/
 * ingress, "Examples", and "Hostname wildcards"), row by row.
 */
import { describe, expect, it } from 'vitest';
import type { IngressObject, IngressPathType } from './ingressTypes.js';
import { matchesIngressHost } from './matchIngressHost.js';
import { routeIngressRequest } from './routeIngressRequest.js';

type RulePath = readonly [IngressPathType, string];

/** An Ingress whose every path goes to a Service named after its index, with a default backend. */
function ingressWith(paths: readonly RulePath[]): IngressObject {
  return {
    metadata: { name: 'ex', namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: {
      defaultBackend: { service: { name: 'default-backend', port: { number: 80 } } },
      rules: [
        {
          http: {
            paths: paths.map(([pathType, path], i) => ({
              path,
              pathType,
              backend: { service: { name: `svc-${i}`, port: { number: 80 } } },
            })),
          },
        },
      ],
    },
  };
}

function routeTo(paths: readonly RulePath[], request: string): string {
  const r = routeIngressRequest([ingressWith(paths)], { host: 'example.com', path: request });
  if (r.outcome !== 'backend') return 'none';
  return r.service === 'default/default-backend' ? 'default' : r.service.replace('default/', '');
}

// [kind, rule paths, request paths, expected backend: 'svc-<i>' of the matching rule path, or 'default']
const rows: readonly [string, readonly RulePath[], readonly string[], string][] = [
  ['Prefix / (all paths)', [['Prefix', '/']], ['/', '/foo', '/aaa/bbb/ccc'], 'svc-0'],
  ['Exact /foo, /foo', [['Exact', '/foo']], ['/foo'], 'svc-0'],
  ['Exact /foo, /bar', [['Exact', '/foo']], ['/bar'], 'default'],
  ['Exact /foo, /foo/', [['Exact', '/foo']], ['/foo/'], 'default'],
  ['Exact /foo/, /foo', [['Exact', '/foo/']], ['/foo'], 'default'],
  ['Prefix /foo, /foo and /foo/', [['Prefix', '/foo']], ['/foo', '/foo/'], 'svc-0'],
  ['Prefix /foo/, /foo and /foo/', [['Prefix', '/foo/']], ['/foo', '/foo/'], 'svc-0'],
  ['Prefix /aaa/bb, /aaa/bbb', [['Prefix', '/aaa/bb']], ['/aaa/bbb'], 'default'],
  ['Prefix /aaa/bbb, /aaa/bbb', [['Prefix', '/aaa/bbb']], ['/aaa/bbb'], 'svc-0'],
  ['Prefix /aaa/bbb/ ignores trailing slash', [['Prefix', '/aaa/bbb/']], ['/aaa/bbb'], 'svc-0'],
  ['Prefix /aaa/bbb matches trailing slash', [['Prefix', '/aaa/bbb']], ['/aaa/bbb/'], 'svc-0'],
  ['Prefix /aaa/bbb matches subpath', [['Prefix', '/aaa/bbb']], ['/aaa/bbb/ccc'], 'svc-0'],
  ['Prefix /aaa/bbb not string prefix', [['Prefix', '/aaa/bbb']], ['/aaa/bbbxyz'], 'default'],
  [
    'Prefix /, /aaa matches /aaa prefix',
    [
      ['Prefix', '/'],
      ['Prefix', '/aaa'],
    ],
    ['/aaa/ccc'],
    'svc-1',
  ],
  [
    'Prefix /, /aaa, /aaa/bbb matches /aaa/bbb prefix',
    [
      ['Prefix', '/'],
      ['Prefix', '/aaa'],
      ['Prefix', '/aaa/bbb'],
    ],
    ['/aaa/bbb'],
    'svc-2',
  ],
  [
    'Prefix /, /aaa, /aaa/bbb matches / prefix',
    [
      ['Prefix', '/'],
      ['Prefix', '/aaa'],
      ['Prefix', '/aaa/bbb'],
    ],
    ['/ccc'],
    'svc-0',
  ],
  ['Prefix /aaa uses default backend', [['Prefix', '/aaa']], ['/ccc'], 'default'],
  [
    'Mixed /foo (Prefix), /foo (Exact) prefers Exact',
    [
      ['Prefix', '/foo'],
      ['Exact', '/foo'],
    ],
    ['/foo'],
    'svc-1',
  ],
];

describe('Ingress path matching: the Kubernetes documentation examples', () => {
  for (const [name, paths, requests, expected] of rows) {
    for (const request of requests) {
      it(`${name}: ${request} → ${expected}`, () => {
        expect(routeTo(paths, request)).toBe(expected);
      });
    }
  }

  it('Exact wins over Prefix whatever the order in the manifest', () => {
    expect(
      routeTo(
        [
          ['Exact', '/foo'],
          ['Prefix', '/foo'],
        ],
        '/foo',
      ),
    ).toBe('svc-0');
  });

  it('ImplementationSpecific is a plain string prefix, as ingress-nginx renders it', () => {
    expect(routeTo([['ImplementationSpecific', '/aaa/bb']], '/aaa/bbb')).toBe('svc-0');
    expect(routeTo([['ImplementationSpecific', '/aaa/bbb']], '/aaa/bbbxyz')).toBe('svc-0');
    expect(routeTo([['ImplementationSpecific', '/aaa']], '/ccc')).toBe('default');
  });
});

describe('Ingress host wildcards: the Kubernetes documentation examples', () => {
  const hostRows: readonly [string, string, boolean][] = [
    ['*.foo.com', 'bar.foo.com', true],
    ['*.foo.com', 'baz.bar.foo.com', false],
    ['*.foo.com', 'foo.com', false],
    ['foo.bar.com', 'foo.bar.com', true],
    ['foo.bar.com', 'FOO.bar.com:8080', true],
    ['foo.bar.com', 'bar.com', false],
  ];
  for (const [rule, header, match] of hostRows) {
    it(`${rule} vs Host ${header}: ${match ? 'match' : 'no match'}`, () => {
      expect(matchesIngressHost(rule, header)).toBe(match);
    });
  }

  it('a precise host wins over a wildcard, a wildcard over a rule without host', () => {
    const rule = (host: string | undefined, svc: string) => ({
      ...(host === undefined ? {} : { host }),
      http: {
        paths: [
          {
            path: '/',
            pathType: 'Prefix' as const,
            backend: { service: { name: svc, port: { number: 80 } } },
          },
        ],
      },
    });
    const ing: IngressObject = {
      metadata: { name: 'hosts', namespace: 'shop' },
      spec: {
        rules: [rule(undefined, 'any'), rule('*.foo.com', 'wild'), rule('bar.foo.com', 'exact')],
      },
    };
    const svc = (host: string) => {
      const r = routeIngressRequest([ing], { host, path: '/x' });
      return r.outcome === 'backend' ? r.service : r.outcome;
    };
    expect(svc('bar.foo.com')).toBe('shop/exact');
    expect(svc('qux.foo.com')).toBe('shop/wild');
    expect(svc('other.org')).toBe('shop/any');
  });
});

describe('Ingress routing without a match', () => {
  it('is notFound (404) when no rule and no default backend match', () => {
    const ing: IngressObject = {
      metadata: { name: 'a', namespace: 'default' },
      spec: {
        rules: [
          {
            host: 'shop.example.com',
            http: {
              paths: [
                {
                  path: '/cart',
                  pathType: 'Prefix',
                  backend: { service: { name: 'cart', port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    };
    expect(routeIngressRequest([ing], { host: 'shop.example.com', path: '/' }).outcome).toBe(
      'notFound',
    );
    expect(routeIngressRequest([ing], { host: 'other.example.com', path: '/cart' }).outcome).toBe(
      'notFound',
    );
    expect(routeIngressRequest([ing], { host: 'shop.example.com', path: '/cart/1' })).toMatchObject(
      {
        outcome: 'backend',
        service: 'default/cart',
        port: { number: 80 },
      },
    );
  });

  it('the oldest Ingress keeps a path two Ingresses both define', () => {
    const mk = (name: string, ts: string): IngressObject => ({
      metadata: { name, namespace: 'default', creationTimestamp: ts },
      spec: {
        rules: [
          {
            host: 'a.example.com',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: name, port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    });
    const r = routeIngressRequest(
      [mk('newer', '2025-01-01T00:01:00Z'), mk('older', '2025-01-01T00:00:00Z')],
      { host: 'a.example.com', path: '/' },
    );
    expect(r).toMatchObject({ outcome: 'backend', service: 'default/older' });
  });
});
