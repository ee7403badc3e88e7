import { describe, expect, it } from 'vitest';
import { encodeCursor } from '@app/conversations';
import { typesOfScope, scopeOfTypes } from '../clients/scopes.js';
import { narrowByLastUpdated, searchQuerySchema } from './search-params.js';

const at = (iso: string) => new Date(iso);
const parse = (q: Record<string, unknown>) => searchQuerySchema.safeParse(q);
const ID = '0b7e2f7c-1d2a-4c3b-8e7f-6a5b4c3d2e1f';

describe('_lastUpdated: a value stands for the span of its precision', () => {
  it('reads a day as a UTC day, for each prefix', () => {
    expect(narrowByLastUpdated({}, '2026-03-10')).toEqual({
      from: at('2026-03-10T00:00:00Z'),
      to: at('2026-03-11T00:00:00Z'),
    });
    expect(narrowByLastUpdated({}, 'ge2026-03-10')).toEqual({ from: at('2026-03-10T00:00:00Z') });
    expect(narrowByLastUpdated({}, 'gt2026-03-10')).toEqual({ from: at('2026-03-11T00:00:00Z') });
    expect(narrowByLastUpdated({}, 'lt2026-03-10')).toEqual({ to: at('2026-03-10T00:00:00Z') });
    expect(narrowByLastUpdated({}, 'le2026-03-10')).toEqual({ to: at('2026-03-11T00:00:00Z') });
  });

  it('reads an instant to the second or the millisecond, zones included', () => {
    expect(narrowByLastUpdated({}, 'gt2026-03-10T08:00:00+02:00')).toEqual({
      from: at('2026-03-10T06:00:01Z'),
    });
    expect(narrowByLastUpdated({}, 'le2026-03-10T06:00:00.250Z')).toEqual({
      to: at('2026-03-10T06:00:00.251Z'),
    });
  });

  it('keeps the narrower bound when two values make a range', () => {
    const range = narrowByLastUpdated({}, 'ge2026-01-01');
    expect(narrowByLastUpdated(range as object, 'ge2025-01-01')).toEqual({
      from: at('2026-01-01T00:00:00Z'),
    });
    expect(narrowByLastUpdated(range as object, 'lt2026-02-01')).toEqual({
      from: at('2026-01-01T00:00:00Z'),
      to: at('2026-02-01T00:00:00Z'),
    });
  });

  it('refuses what is not a date, an impossible date, and a prefix it does not take', () => {
    for (const value of [
      'yesterday',
      '2026-02-30',
      '2026-13-01',
      'ne2026-01-01',
      'sa2026-01-01',
      '2026-01-01T10:00',
      '2026',
    ])
      expect(typeof narrowByLastUpdated({}, value), value).toBe('string');
  });
});

describe('search parameters', () => {
  it('defaults to 50 per page and takes 1 to 1000', () => {
    expect(parse({}).data?.count).toBe(50);
    expect(parse({ _count: '1000' }).data?.count).toBe(1000);
    for (const count of ['0', '1001', '-1', '2.5', 'ten'])
      expect(parse({ _count: count }).success, count).toBe(false);
  });

  it('reads patient and _id; ids that cannot be ours match nothing', () => {
    expect(parse({ patient: `Patient/${ID}` }).data?.patient).toBe(ID);
    expect(parse({ patient: ID }).data?.patient).toBe(ID);
    expect(parse({ patient: 'Patient/abc' }).data?.patient).toBeNull();
    expect(parse({ _id: `${ID},abc` }).data?.ids).toEqual([ID]);
    expect(parse({ _id: ',' }).success).toBe(false);
  });

  it('takes only cursors this server wrote and refuses unknown parameters', () => {
    const cursor = encodeCursor({ micros: '1767200000000000', id: ID });
    expect(parse({ _cursor: cursor }).data?.after).toEqual({ micros: '1767200000000000', id: ID });
    expect(parse({ _cursor: 'bm90IGEgY3Vyc29y' }).success).toBe(false);
    expect(parse({ name: 'Ana' }).success).toBe(false);
    expect(parse({ _lastUpdated: ['ge2026-01-01', 'lt2026-02-01', 'lt2026-03-01'] }).success).toBe(false);
  });
});

describe('scopes', () => {
  it('grants read scopes of served types only', () => {
    expect([...typesOfScope('system/*.read')!]).toEqual([
      'Patient',
      'Communication',
      'Consent',
      'AuditEvent',
    ]);
    expect([...typesOfScope('system/Patient.read system/Consent.read')!]).toEqual(['Patient', 'Consent']);
    for (const scope of ['', 'system/Patient.write', 'user/*.read', 'system/Observation.read', 'system/*.*'])
      expect(typesOfScope(scope), scope).toBeNull();
    expect(scopeOfTypes(typesOfScope('system/Consent.read system/Patient.read')!)).toBe(
      'system/Patient.read system/Consent.read',
    );
  });
});
