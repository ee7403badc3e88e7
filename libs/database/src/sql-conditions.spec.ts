import { describe, expect, it } from 'vitest';
import { SqlConditions, fromMicrosSql } from './sql-conditions.js';

describe('SqlConditions', () => {
  it("numbers each condition's values after the parameters already given, in order", () => {
    const where = new SqlConditions(['t'], 'tenant_id = $1');
    where.add('id = ANY(?::uuid[])', ['a']);
    where.add(`(at, id) > (${fromMicrosSql('?')}, ?::uuid)`, '123', 'b');
    const limit = where.param(50);
    expect(`${where}`).toBe(
      "tenant_id = $1 AND id = ANY($2::uuid[]) AND (at, id) > ((timestamptz 'epoch' + $3::bigint * interval '1 microsecond'), $4::uuid)",
    );
    expect(limit).toBe('$5');
    expect(where.params).toEqual(['t', ['a'], '123', 'b', 50]);
  });
});
