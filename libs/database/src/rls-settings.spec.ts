import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerPool } from '@app/testing';
import { allRlsSettings, RLS_SETTINGS, routeSetting } from './rls-settings.js';

describe('RLS_SETTINGS', () => {
  let owner: pg.Pool;
  beforeAll(() => {
    owner = ownerPool();
  });
  afterAll(() => owner.end());

  it('names exactly the settings the policies (and the functions they call) of the migrated database read', async () => {
    const { rows } = await owner.query<{ source: string }>(`
      SELECT coalesce(qual, '') || ' ' || coalesce(with_check, '') AS source FROM pg_policies WHERE schemaname = 'public'
      UNION ALL
      SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`);
    const read = new Set(
      rows.flatMap((r) => [...r.source.matchAll(/current_setting\('(app\.[a-z_]+)'/g)].map((m) => m[1]!)),
    );
    expect([...read].toSorted()).toEqual(allRlsSettings().toSorted());
  });

  it('gives a route its one setting', () => {
    expect(routeSetting({ channelId: 'x' })).toEqual([RLS_SETTINGS.route.channelId, 'x']);
    expect(() => routeSetting({} as never)).toThrow(TypeError);
  });
});
