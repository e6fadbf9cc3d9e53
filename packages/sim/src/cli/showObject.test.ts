import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation/createSimulation.js';
import { UsageError } from './parseArgs.js';
import { parseShowTarget, showObject } from './showObject.js';

describe('--show targets', () => {
  it('reads kinds by name, plural and short name', () => {
    expect(parseShowTarget('service/web')).toEqual({ kind: 'Service', key: 'web' });
    expect(parseShowTarget('svc/shop/web')).toEqual({ kind: 'Service', key: 'shop/web' });
    expect(parseShowTarget('deployments/web')).toEqual({ kind: 'Deployment', key: 'web' });
    expect(parseShowTarget('Pod/web-0')).toEqual({ kind: 'Pod', key: 'web-0' });
  });

  it('refuses what is not kind/name of a simulated kind', () => {
    expect(() => parseShowTarget('web')).toThrow(UsageError);
    expect(() => parseShowTarget('configmap/x')).toThrow(/not a kind kubesim simulates/);
  });

  it('prints something about the Service', () => {
    const sim = createSimulation();
    sim.apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
    expect(showObject(sim, 'service/web')).toMatch(/web/);
  });
});
