import { describe, expect, it } from 'vitest';
import { servesIngress } from './ingressClassFilter.js';
import type { IngressClassObject, IngressObject } from './ingressTypes.js';

const nginx = (isDefault: boolean): IngressClassObject => ({
  metadata: {
    name: 'nginx',
    ...(isDefault
      ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }
      : {}),
  },
  spec: { controller: 'k8s.io/ingress-nginx' },
});
const ing = (spec: IngressObject['spec'], annotations?: Record<string, string>): IngressObject => ({
  metadata: { name: 'i', namespace: 'default', ...(annotations ? { annotations } : {}) },
  ...(spec ? { spec } : {}),
});

describe('servesIngress', () => {
  it('serves an Ingress naming the class and not one naming another class', () => {
    expect(servesIngress(nginx(false), ing({ ingressClassName: 'nginx' }))).toBe(true);
    expect(servesIngress(nginx(true), ing({ ingressClassName: 'traefik' }))).toBe(false);
  });
  it('honours the deprecated kubernetes.io/ingress.class annotation', () => {
    expect(servesIngress(nginx(false), ing({}, { 'kubernetes.io/ingress.class': 'nginx' }))).toBe(
      true,
    );
    expect(servesIngress(nginx(true), ing({}, { 'kubernetes.io/ingress.class': 'other' }))).toBe(
      false,
    );
  });
  it('serves a class-less Ingress only when the class is the default one', () => {
    expect(servesIngress(nginx(true), ing({}))).toBe(true);
    expect(servesIngress(nginx(false), ing({}))).toBe(false);
  });
});
