/**
 * SQL that puts a tenant table under row-level security. Every tenant table gets exactly this:
 * FORCE so even the table owner is filtered, and one policy for reads and writes that compares
 * the row's tenant with the transaction's `app.tenant_id` (unset -> NULL -> no rows).
 */
export function tenantRlsSql(table: string, tenantColumn = 'tenant_id'): string {
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON ${table}
      USING (${tenantColumn} = app_current_tenant())
      WITH CHECK (${tenantColumn} = app_current_tenant());`;
}
