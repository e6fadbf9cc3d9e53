import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from './selfSignedCert.js';

describe('selfSignedCertificate', () => {
  it('always encodes a valid certificate (the serial is a minimal positive DER INTEGER)', () => {
    // With only the sign bit cleared, 1 serial in 256 started 0x00 0x0? and OpenSSL refused the
    // certificate ("asn1 encoding routines::illegal padding"): 2,000 tries see that ~8 times.
    for (let i = 0; i < 2000; i++) {
      const { cert, key } = selfSignedCertificate();
      const x = new X509Certificate(cert);
      const serial = x.serialNumber;
      expect(serial).toMatch(/^[4-7][0-9A-F]{31}$/);
      if (i < 20) expect(() => createSecureContext({ cert, key })).not.toThrow();
    }
  });

  it('names 127.0.0.1 and localhost and signs itself', () => {
    const { cert } = selfSignedCertificate();
    const x = new X509Certificate(cert);
    expect(x.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
    expect(x.checkIssued(x)).toBe(true);
    expect(x.verify(x.publicKey)).toBe(true);
  });
});
