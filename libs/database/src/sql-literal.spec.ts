import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL } from '@app/testing';
import { UnstorableTextError, inlineParams, sqlLiteral } from './sql-literal.js';

const url = PG_ADMIN_URL;

describe('sqlLiteral', () => {
  const client = new pg.Client({ connectionString: url });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  // Each value must come back from the server exactly as it went in, under both settings of
  // standard_conforming_strings (a literal that relied on one would break, or inject, under the other).
  const texts = [
    '',
    'plain',
    "O'Brien",
    "'; DROP TABLE audit_events; --",
    'back\\slash',
    "\\'; SELECT 1; --",
    "E'x'",
    'multi\nline\ttab',
    'unicode é 漢字 🙂',
    '$$dollar$$',
  ];
  for (const standard of ['on', 'off']) {
    it(`round-trips nasty text with standard_conforming_strings=${standard}`, async () => {
      await client.query(`SET standard_conforming_strings = ${standard}`);
      for (const text of texts) {
        const { rows } = await client.query<{ v: string }>(`SELECT ${sqlLiteral(text)}::text AS v`);
        expect(rows[0]!.v).toBe(text);
      }
    });
  }

  it('round-trips bytes, numbers, booleans, dates, json text and null', async () => {
    const bytes = Buffer.from([0, 1, 0x27, 0x5c, 255]);
    const when = new Date('2026-11-24T01:02:03.456Z');
    const json = JSON.stringify({ quote: "it's", slash: '\\' });
    const { rows } = await client.query(
      `SELECT ${sqlLiteral(bytes)} AS b, ${sqlLiteral(-12.5)}::float8 AS n, ${sqlLiteral(true)}::boolean AS t,
              ${sqlLiteral(when)}::timestamptz AS d, ${sqlLiteral(json)}::jsonb AS j, ${sqlLiteral(null)}::text AS z`,
    );
    expect(rows[0]).toEqual({
      b: bytes,
      n: -12.5,
      t: true,
      d: when,
      j: { quote: "it's", slash: '\\' },
      z: null,
    });
  });

  it('refuses what has no exact literal', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(TypeError);
    expect(() => sqlLiteral(new Date('nope'))).toThrow(TypeError);
    expect(() => sqlLiteral('a\0b')).toThrow(UnstorableTextError);
  });
});

describe('inlineParams', () => {
  it('replaces placeholders outside quoted text, quoted identifiers and comments', () => {
    const sql = `SELECT $1::text AS "a$1", '$2' AS b -- $2\n /* $2 */ WHERE x = $2 AND y = $10`;
    const params = ['one', 2, 3, 4, 5, 6, 7, 8, 9, "t'en"];
    expect(inlineParams(sql, params)).toBe(
      `SELECT 'one'::text AS "a$1", '$2' AS b -- $2\n /* $2 */ WHERE x = '2' AND y = 't''en'`,
    );
  });

  it('refuses what it does not read: dollar quotes, backslashes in quotes, missing values, open quotes', () => {
    expect(() => inlineParams('SELECT $$x$$', [])).toThrow(TypeError);
    expect(() => inlineParams("SELECT E'\\'' , $1", [1])).toThrow(TypeError);
    expect(() => inlineParams('SELECT $2', [1])).toThrow(TypeError);
    expect(() => inlineParams("SELECT 'open", [])).toThrow(TypeError);
  });

  it('gives the server the same values as parameters would', async () => {
    const sql = `SELECT $1::uuid AS id, $2::text[] AS tags, $3::timestamptz AS at, $4::bytea AS b, $5::jsonb AS j,
                        $6::int AS n, $7::boolean AS t, $8::text AS z`;
    const params = [
      '7c1f01dc-4b2f-4c8d-b0ce-ccb0cdf29014',
      ['billing', 'it\'s "quoted"', 'back\\slash', null],
      new Date('2026-11-24T00:00:00.123Z'),
      Buffer.from([0, 39, 92, 255]),
      { a: "it's" },
      42,
      false,
      null,
    ];
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      const viaParams = (await client.query(sql, params)).rows[0];
      const viaLiterals = (await client.query(inlineParams(sql, params))).rows[0];
      expect(viaLiterals).toEqual(viaParams);
      expect(viaLiterals.tags).toEqual(['billing', 'it\'s "quoted"', 'back\\slash', null]);
    } finally {
      await client.end();
    }
  });
});
