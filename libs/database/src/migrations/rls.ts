/**
 * SQL that puts a tenant table under row-level security. Every tenant table gets exactly this:
 * FORCE so even the table owner is filtered, and one policy for reads and writes that compares
 * the row's tenant with the transaction's `app.tenant_id` (unset -> NULL -> no rows).
 */
export function tenantRlsSql(table: string, tenantColumn = 'tenant_id'): string {
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    ${tenantPolicySql(table, tenantColumn)}`;
}

/**
 * Row-level security for a table that a pre-tenant path must also reach: the tenant reads and
 * writes its own rows, and a transaction that set the routing setting named in `routeCondition`
 * (SET LOCAL app.route_...) may READ the rows that condition names. The route is a SELECT
 * policy only: in a policy FOR ALL it would also pick the rows an UPDATE or DELETE reaches, so
 * a route setting would let any transaction delete another practice's rows.
 */
export function routedRlsSql(table: string, routeCondition: string, tenantColumn = 'tenant_id'): string {
  return `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
    ${tenantPolicySql(table, tenantColumn)}
    ${routeReadPolicySql(table, routeCondition)}`;
}

/** The tenant's own rows, for every command. */
export function tenantPolicySql(table: string, tenantColumn = 'tenant_id'): string {
  return `
    CREATE POLICY tenant_isolation ON ${table}
      USING (${tenantColumn} = app_current_tenant())
      WITH CHECK (${tenantColumn} = app_current_tenant());`;
}

/** The rows a routing setting names, for SELECT only. */
export function routeReadPolicySql(table: string, routeCondition: string): string {
  return `
    CREATE POLICY route_read ON ${table} FOR SELECT
      USING (${routeCondition});`;
}
