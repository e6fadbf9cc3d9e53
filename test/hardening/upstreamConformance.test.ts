// Issue 14, upstream conformance: each bullet has a regression test named after it, with the rows
// of Kubernetes' own test tables as data where they exist (facts, not code: apimachinery
// pkg/api/resource/quantity_test.go, pkg/labels/selector_test.go; k8s.io/endpointslice
// reconciler_test.go, util/controller_utils.go).
import {
  defaultClusterConfig,
  parseQuantity,
  parseSelector,
  podEndpointsChanged,
  reconcileEndpointSlices,
  type Node,
  type Pod,
  type Service,
} from '@kubesim/core';
import { describe, expect, it } from 'vitest';

const INT64_MAX = 2n ** 63n - 1n;
const nanosOf = (units: bigint): bigint => units * 1_000_000_000n;

describe('issue 14: upstream conformance', () => {
  it('binary-suffix quantities above int64 are capped as upstream does (9Ei); decimal ones such as 10E stay exact', () => {
    // TestQuantityParse: `9Ei` and `9223372036854775807Ki` parse to maxAllowed (2^63 - 1), BinarySI.
    for (const text of ['9Ei', '9223372036854775807Ki', '8Ei']) {
      const q = parseQuantity(text);
      expect(q.nanos, text).toBe(nanosOf(INT64_MAX));
      expect(q.format, text).toBe('BinarySI');
      // Canonical text of 2^63 - 1: not a whole number of Ki, so no binary suffix.
      expect(q.toString(), text).toBe('9223372036854775807');
    }
    expect(parseQuantity('-9Ei').nanos).toBe(-nanosOf(INT64_MAX));
    // Still exact just below the cap (TestQuantityParse row `3Ei`).
    expect(parseQuantity('3Ei').nanos).toBe(nanosOf(3n * 2n ** 60n));
    expect(parseQuantity('7Ei').toString()).toBe('7Ei');
    // Decimal and exponent forms are never capped: `12E` (TestQuantityParse) and the 20-digit rows
    // of the int64-boundary table, with their canonical text.
    const exact: readonly (readonly [string, bigint, string])[] = [
      ['12E', 12n * 10n ** 18n, '12E'],
      ['10E', 10n ** 19n, '10E'],
      ['-10E', -(10n ** 19n), '-10E'],
      ['10000000000000000000', 10n ** 19n, '10E'],
      ['10000000000000000000000m', 10n ** 19n, '10E'],
      ['9223372036854775808', INT64_MAX + 1n, '9223372036854775808'],
      ['10000000000000000001', 10n ** 19n + 1n, '10000000000000000001'],
    ];
    for (const [text, units, canonical] of exact) {
      const q = parseQuantity(text);
      expect(q.nanos, text).toBe(nanosOf(units));
      expect(q.toString(), text).toBe(canonical);
    }
    expect(parseQuantity('1e30').nanos).toBe(nanosOf(10n ** 30n));
  });

  it('a sub-unit binary quantity switches to DecimalSI', () => {
    // TestQuantityParse: `0.000000000001Ki` "rounds up, changes format" to 2n, DecimalSI.
    const troll = parseQuantity('0.000000000001Ki');
    expect(troll.nanos).toBe(2n);
    expect(troll.format).toBe('DecimalSI');
    expect(parseQuantity('-0.000000000001Ki').format).toBe('DecimalSI');
    // TestQuantityParseEmit rows, and their negatives.
    const emit: readonly (readonly [string, string])[] = [
      ['1Ki', '1Ki'],
      ['1Mi', '1Mi'],
      ['1Gi', '1Gi'],
      ['1024Mi', '1Gi'],
      ['1000M', '1G'],
      ['.001Ki', '1024m'],
      ['.000001Ki', '1024u'],
      ['.000000001Ki', '1024n'],
      ['.000000000001Ki', '2n'],
    ];
    for (const [text, canonical] of emit) {
      expect(parseQuantity(text).toString(), text).toBe(canonical);
      expect(parseQuantity(`-${text}`).toString(), `-${text}`).toBe(`-${canonical}`);
    }
    // One unit or more stays BinarySI, fractions included (`0.5Mi`, `0.05Gi` rows).
    expect(parseQuantity('.001Ki').format).toBe('BinarySI'); // 1.024
    expect(parseQuantity('0.5Mi').format).toBe('BinarySI');
    expect(parseQuantity('0.05Gi').nanos).toBe(53687091200000000n);
    expect(parseQuantity('0Ki').format).toBe('BinarySI');
  });

  it('IPv6 endpoint addresses are published in canonical form', () => {
    // reconciler_test.go: a pod with IPs 1.2.3.4 and 1234::5678:0000:0000:9abc:def0 behind an
    // IPv6 Service is published as 1234::5678:0:0:9abc:def0.
    const node: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-1', labels: { 'topology.kubernetes.io/zone': 'us-central1-a' } },
      spec: {},
      status: {},
    } as unknown as Node;
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'pod1', namespace: 'default', uid: 'u1', labels: { app: 'foo' } },
      spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'i' }] },
      status: {
        phase: 'Running',
        podIP: '1.2.3.4',
        podIPs: [{ ip: '1.2.3.4' }, { ip: '1234::5678:0000:0000:9abc:def0' }],
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    } as unknown as Pod;
    const service = (families: string[]): Service =>
      ({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'foo', namespace: 'default', uid: 's1' },
        spec: {
          selector: { app: 'foo' },
          clusterIP: families.length === 1 && families[0] === 'IPv6' ? 'fd00::10' : '10.0.0.10',
          clusterIPs: families.map((f) => (f === 'IPv6' ? 'fd00::10' : '10.0.0.10')),
          ipFamilies: families,
          ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }],
        },
      }) as unknown as Service;
    const published = (families: string[]): Record<string, string[]> => {
      const changes = reconcileEndpointSlices({
        service: service(families),
        pods: [pod],
        existingSlices: [],
        nodes: [node],
        config: defaultClusterConfig,
        now: 0,
      });
      return Object.fromEntries(
        changes.toCreate.map((s) => [s.addressType, s.endpoints.flatMap((e) => e.addresses)]),
      );
    };
    expect(published(['IPv6'])).toEqual({ IPv6: ['1234::5678:0:0:9abc:def0'] });
    expect(published(['IPv4', 'IPv6'])).toEqual({
      IPv4: ['1.2.3.4'],
      IPv6: ['1234::5678:0:0:9abc:def0'],
    });
  });

  it("parseSelector('z!=a,z').toString() keeps upstream's order for a repeated key", () => {
    // TestToString row `x=abc,y==jkl,z!=a,z`; upstream's parser sorts by key only, and Go sorts
    // so few requirements by insertion, which keeps one key's requirements in written order.
    expect(parseSelector('z!=a,z').toString()).toBe('z!=a,z');
    expect(parseSelector('z,z!=a').toString()).toBe('z,z!=a');
    expect(parseSelector('x=abc,y==jkl,z!=a,z').toString()).toBe('x=abc,y==jkl,z!=a,z');
    expect(parseSelector('z!=a,y==jkl,z,x=abc').toString()).toBe('x=abc,y==jkl,z!=a,z');
    // TestDeterministicParse: different keys still come out in one order.
    expect(parseSelector('x=a,a=x').toString()).toBe(parseSelector('a=x,x=a').toString());
    // And the string parses back to the same requirements.
    const s = parseSelector('b in (2,1),a,b!=3,a=1');
    expect(s.toString()).toBe('a,a=1,b in (1,2),b!=3');
    expect(parseSelector(s.toString()).toString()).toBe(s.toString());
  });

  it('a change of only spec.nodeName is not an endpoint change', () => {
    // util/controller_utils.go podEndpointsChanged: labels, hostname/subdomain, deletion,
    // readiness and pod IPs count; nodeName does not (it is set once, before the pod has an IP).
    const base = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', uid: 'u', labels: { app: 'web' } },
      spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'i' }] },
      status: {
        phase: 'Running',
        podIP: '10.0.0.1',
        podIPs: [{ ip: '10.0.0.1' }],
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    } as unknown as Pod;
    const moved = { ...base, spec: { ...base.spec, nodeName: 'node-2' } } as Pod;
    expect(podEndpointsChanged(base, moved)).toBe(false);
    const notReady = {
      ...base,
      status: { ...base.status, conditions: [{ type: 'Ready', status: 'False' }] },
    } as Pod;
    expect(podEndpointsChanged(base, notReady)).toBe(true);
    const newIp = {
      ...base,
      status: { ...base.status, podIP: '10.0.0.2', podIPs: [{ ip: '10.0.0.2' }] },
    } as Pod;
    expect(podEndpointsChanged(base, newIp)).toBe(true);
  });
});
