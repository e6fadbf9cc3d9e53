// The behaviour the service-endpoints example prints, asserted.
import { describe, expect, it } from 'vitest';
import { GUESTBOOK_SERVICES, deleteOneFrontendPod, startGuestbook } from './guestbook.js';

describe('service-endpoints example: the guestbook Services', () => {
  it('publishes one ready endpoint per pod, on the three zones', () => {
    const sim = startGuestbook();
    const frontend = sim.endpointsOf('frontend');
    expect(frontend).toHaveLength(3);
    expect(frontend.every((e) => e.ready && e.serving && !e.terminating)).toBe(true);
    expect(new Set(frontend.map((e) => e.zone))).toEqual(new Set(['zone-a', 'zone-b', 'zone-c']));
    // Every Service's endpoints are exactly the Running pods its selector matches.
    for (const name of GUESTBOOK_SERVICES) {
      const selector = sim.get('Service', name)?.spec.selector ?? {};
      const labelSelector = Object.entries(selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      const podIps = sim
        .list('Pod', { labelSelector })
        .map((p) => p.status.podIP)
        .sort();
      expect(
        sim
          .endpointsOf(name)
          .map((e) => e.ip)
          .sort(),
      ).toEqual(podIps);
    }
  });

  it('keeps a deleted pod as a terminating, serving endpoint until it is gone, next to its replacement', () => {
    const sim = startGuestbook();
    const d = deleteOneFrontendPod(sim);

    const old = d.duringShutdown.find((e) => e.podKey === d.deleted);
    expect(old).toMatchObject({ ip: d.ip, terminating: true, serving: true, ready: false });

    const oldThen = d.replacementReady.find((e) => e.podKey === d.deleted);
    expect(oldThen).toMatchObject({ terminating: true, serving: true, ready: false });
    const ready = d.replacementReady.filter((e) => e.ready);
    expect(ready).toHaveLength(3);
    expect(ready.map((e) => e.podKey)).not.toContain(d.deleted);
    // kube-proxy sends new connections only to ready endpoints while any exist. (Its view may not
    // have the replacement yet: it applies changes at most once per minSyncPeriod, 1 s.)
    expect(d.routedWhileShuttingDown).toHaveLength(30);
    expect(d.routedWhileShuttingDown).not.toContain(d.ip);
    const readyIps = ready.map((e) => e.ip);
    expect(d.routedWhileShuttingDown.every((ip) => readyIps.includes(ip))).toBe(true);
    // The replacement was ready before the old pod finished its 20 s shutdown.
    expect(d.replacementReadyAfterMs).toBeLessThan(20_000);
    expect(d.goneAfterMs).toBeGreaterThanOrEqual(20_000);

    expect(d.settled).toHaveLength(3);
    expect(d.settled.every((e) => e.ready && e.podKey !== d.deleted)).toBe(true);
  });

  it('answers DNS A queries with the ClusterIP', () => {
    const sim = startGuestbook();
    for (const name of GUESTBOOK_SERVICES) {
      const answer = sim.resolve(name);
      expect(answer.rcode).toBe('NOERROR');
      expect(answer.records).toHaveLength(1);
      expect(answer.records[0]).toMatchObject({
        type: 'A',
        data: sim.get('Service', name)?.spec.clusterIP,
      });
    }
    expect(sim.resolve('guestbook').rcode).toBe('NXDOMAIN');
  });
});
