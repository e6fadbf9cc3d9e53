import { describe, it, expect } from 'vitest';
import type { Pod } from '@kubesim/core';
import { Kubelet } from './kubelet.js';
import { TestHost, firstWhen } from './testHost.test-helper.js';

// The project's tests run paranoid (test/setup/paranoid.ts): the store validates every write and
// shares nothing by itself, so a stored part that is the same object in two writes was handed back
// by the kubelet as it was.

function setup(): { host: TestHost; kubelet: Kubelet } {
  const host = new TestHost();
  host.addNode('node-1');
  const kubelet = new Kubelet(host, 'node-1', { podCIDR: '10.128.3.0/24' });
  host.register(kubelet);
  return { host, kubelet };
}

const twoContainers = {
  containers: [
    { name: 'app', image: 'app:1', readinessProbe: { httpGet: { path: '/ready', port: 8080 } } },
    { name: 'side', image: 'side:1' },
  ],
};

const appReady = (p: Pod): boolean => p.status.containerStatuses?.[0]?.ready === true;

describe('Kubelet status writes reuse the stored parts that did not change', () => {
  it('writes a container status again as the stored object while its container is unchanged', () => {
    const { host } = setup();
    host.createPod('web', 'node-1', { behavior: '{ readyAfter: 15s }', spec: twoContainers });
    host.runUntil(60_000);
    const writes = host.statusWrites('web');
    const at = firstWhen(writes, appReady);
    expect(at).toBeDefined();
    const i = writes.findIndex((w) => w.t === at);
    const before = writes[i - 1]?.pod.status;
    const after = writes[i]?.pod.status;
    expect(before?.containerStatuses?.[0]?.ready).toBe(false);
    expect(after?.containerStatuses?.[0]?.ready).toBe(true);
    // `side` was running and ready in both writes: the same stored status.
    expect(after?.containerStatuses?.[1]).toMatchObject({ name: 'side', ready: true });
    expect(after?.containerStatuses?.[1]).toBe(before?.containerStatuses?.[1]);
    expect(after?.containerStatuses?.[0]).not.toBe(before?.containerStatuses?.[0]);
    // The conditions changed (Ready), yet unchanged ones are the stored objects.
    const scheduled = (s: Pod['status'] | undefined) =>
      s?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(scheduled(after)).toBe(scheduled(before));
  });

  it('rewrites its own view over a foreign change of a container status it had written', () => {
    const { host } = setup();
    host.createPod('web', 'node-1', { spec: twoContainers });
    host.runUntil(20_000);
    const pod = host.pod('web') as Pod;
    const own = pod.status.containerStatuses?.[1];
    expect(own).toMatchObject({ name: 'side', ready: true });
    const statuses = pod.status.containerStatuses ?? [];
    host.store.updateStatus({
      ...pod,
      status: {
        ...pod.status,
        containerStatuses: [statuses[0], { ...own, ready: false }] as typeof statuses,
      },
    });
    expect(host.pod('web')?.status.containerStatuses?.[1]?.ready).toBe(false);
    host.runUntil(20_001);
    const back = host.pod('web')?.status;
    expect(back?.containerStatuses?.[1]).toEqual(own);
    expect(back?.containerStatuses?.[0]).toBe(statuses[0]);
  });
});
