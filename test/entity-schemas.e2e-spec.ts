import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityMetadata } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_SCHEMAS, ownerPool, startApi } from '@app/testing';

/** The migrations' bookkeeping table (TypeORM's own), not one of ours. */
const MIGRATIONS_TABLE = 'schema_migrations';

/** TypeORM's column type -> the udt Postgres reports for it (an array's udt is `_` + the element's). */
const UDT: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  varchar: 'varchar',
  smallint: 'int2',
  integer: 'int4',
  bigint: 'int8',
  boolean: 'bool',
  bytea: 'bytea',
  jsonb: 'jsonb',
  timestamptz: 'timestamptz',
  numeric: 'numeric',
};

/** `name udt [null]`, one per column, sorted: the shape both sides are compared in. */
type Shape = string[];

function entityShape(metadata: EntityMetadata): Shape {
  return metadata.columns
    .map((c) => {
      const type = UDT[String(c.type)] ?? `unknown type ${String(c.type)}`;
      return `${c.databaseName} ${c.isArray ? `_${type}` : type}${c.isNullable ? ' null' : ''}`;
    })
    .toSorted();
}

// Each table the migrations create is described by exactly one EntitySchema, in its owner lib,
// column for column (name, type, nullability) and with its key; a migration that changes a
// table without its entity (or an entity that names a column no migration made) fails here.
describe('entity schemas (the typed description of every table) match the migrated database', () => {
  let owner: pg.Pool;
  let ds: DataSource;
  const tables = new Map<string, Shape>();
  /** The primary key's columns, or lacking one, its one unique constraint's. */
  const keys = new Map<string, string[]>();

  beforeAll(async () => {
    owner = ownerPool();
    // Building the metadata also checks TypeORM accepts every schema.
    ds = await new DataSource({
      type: 'postgres',
      url: process.env.DATABASE_URL,
      entities: [...ENTITY_SCHEMAS],
    }).initialize();
    const { rows: columns } = await owner.query<{
      table_name: string;
      column_name: string;
      udt_name: string;
      is_nullable: 'YES' | 'NO';
    }>(
      `SELECT c.table_name, c.column_name, c.udt_name, c.is_nullable
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> $1
         -- A partition (messages_y2026m12) is its table's storage, described by the table's entity.
         AND NOT (SELECT relispartition FROM pg_class WHERE oid = ('public.' || quote_ident(c.table_name))::regclass)`,
      [MIGRATIONS_TABLE],
    );
    for (const c of columns) {
      const shape = tables.get(c.table_name) ?? [];
      shape.push(`${c.column_name} ${c.udt_name}${c.is_nullable === 'YES' ? ' null' : ''}`);
      tables.set(c.table_name, shape);
    }
    for (const [table, shape] of tables) tables.set(table, shape.toSorted());
    const { rows: constraints } = await owner.query<{ table_name: string; type: string; columns: string[] }>(
      `SELECT rel.relname AS table_name, con.contype AS type,
              array_agg(att.attname::text) AS columns
       FROM pg_constraint con
       JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace ns ON ns.oid = rel.relnamespace AND ns.nspname = 'public'
       JOIN pg_attribute att ON att.attrelid = rel.oid AND att.attnum = ANY (con.conkey)
       WHERE con.contype IN ('p', 'u')
       GROUP BY rel.relname, con.oid, con.contype`,
    );
    for (const table of tables.keys()) {
      const own = constraints.filter((c) => c.table_name === table);
      const primary = own.filter((c) => c.type === 'p');
      const key = primary.length === 1 ? primary : own.length === 1 ? own : [];
      keys.set(table, (key[0]?.columns ?? []).toSorted());
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await owner?.end();
  });

  it('has exactly one entity for every table, and none for a table that does not exist', () => {
    const described = ds.entityMetadatas.map((m) => m.tableName).toSorted();
    expect(described).toEqual([...tables.keys()].toSorted());
  });

  it("gives each entity its table's columns: names, types and nullability, both ways", () => {
    const drift = ds.entityMetadatas
      .filter((m) => JSON.stringify(entityShape(m)) !== JSON.stringify(tables.get(m.tableName)))
      .map((m) => ({ table: m.tableName, migrated: tables.get(m.tableName), entity: entityShape(m) }));
    expect(drift).toEqual([]);
  });

  it("gives each entity its table's primary key (or, for a table without one, its unique key)", () => {
    const drift = ds.entityMetadatas
      .map((m) => ({
        table: m.tableName,
        migrated: keys.get(m.tableName),
        entity: m.primaryColumns.map((c) => c.databaseName).toSorted(),
      }))
      .filter((d) => JSON.stringify(d.migrated) !== JSON.stringify(d.entity));
    expect(drift).toEqual([]);
  });

  describe('the api', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await startApi();
    });
    afterAll(() => app?.close());

    it('registers every entity with its DataSource (PlatformModule, and each feature module by TypeOrmModule.forFeature)', () => {
      const registered = app
        .get(DataSource)
        .entityMetadatas.map((m) => m.tableName)
        .toSorted();
      expect(registered).toEqual([...tables.keys()].toSorted());
    });
  });
});
