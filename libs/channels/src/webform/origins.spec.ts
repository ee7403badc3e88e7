import { describe, expect, it } from 'vitest';
import { allowedOriginsSchema, normalizeOrigin } from './origins.js';

describe('normalizeOrigin', () => {
  it('answers the origin exactly as browsers send it', () => {
    expect(normalizeOrigin('https://www.clinic.test')).toBe('https://www.clinic.test');
    expect(normalizeOrigin('HTTPS://WWW.Clinic.TEST/')).toBe('https://www.clinic.test');
    expect(normalizeOrigin('https://www.clinic.test:443')).toBe('https://www.clinic.test');
    expect(normalizeOrigin('http://localhost:8080')).toBe('http://localhost:8080');
  });

  it('refuses what is not a plain http(s) origin', () => {
    for (const raw of [
      'null',
      '',
      'www.clinic.test',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@clinic.test',
      'https://clinic.test/path',
      'https://clinic.test?x=1',
      'https://clinic.test#x',
    ])
      expect(normalizeOrigin(raw), raw).toBeNull();
  });
});

describe('allowedOriginsSchema', () => {
  it('normalizes and de-duplicates', () => {
    expect(allowedOriginsSchema.parse(['https://a.test/', 'HTTPS://A.TEST', 'https://b.test'])).toEqual([
      'https://a.test',
      'https://b.test',
    ]);
  });

  it('needs at least one and at most 20 origins', () => {
    expect(allowedOriginsSchema.safeParse([]).success).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => `https://s${i}.test`);
    expect(allowedOriginsSchema.safeParse(many).success).toBe(false);
  });
});
