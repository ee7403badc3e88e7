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

/**
 * Row-level security for a table that a pre-tenant path must also reach: the tenant sees its own
 * rows, and a transaction that set the routing setting named in `routeCondition` (SET LOCAL
 * app.route_...) sees exactly the rows that condition names. Writes stay tenant-only.
 */
export function routedRlsSql(table: string, routeCondition: string, tenantColumn = 'tenant_id'): string {
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON ${table}
      USING (${tenantColumn} = app_current_tenant() OR ${routeCondition})
      WITH CHECK (${tenantColumn} = app_current_tenant());`;
}
