import { RLS_SETTINGS } from './rls-settings.js';

/**
 * What the application role may do, table by table. The role never owns a table, is not a
 * superuser and cannot bypass row-level security. It reads the audit trail and queues events in
 * audit_outbox; only the audit sealer role (AUDIT_TABLE_GRANTS) writes audit_events.
 * `npm run migrate` applies exactly this after the migrations (revoking anything else).
 */
export const APP_TABLE_GRANTS: Record<string, ReadonlyArray<'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE'>> = {
  practices: ['SELECT', 'INSERT', 'UPDATE'],
  tenant_keys: ['SELECT', 'INSERT', 'UPDATE'],
  contacts: ['SELECT', 'INSERT', 'UPDATE'],
  conversations: ['SELECT', 'INSERT', 'UPDATE'],
  messages: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  message_provider_ids: ['SELECT', 'INSERT'],
  audit_events: ['SELECT'],
  audit_outbox: ['SELECT', 'INSERT'],
  users: ['SELECT', 'INSERT', 'UPDATE'],
  login_directory: ['SELECT', 'INSERT', 'UPDATE'],
  user_sessions: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  session_refresh_tokens: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  user_recovery_codes: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  user_invites: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  password_reset_tokens: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  channels: ['SELECT', 'INSERT', 'UPDATE'],
  channel_routes: ['SELECT', 'INSERT', 'UPDATE'],
  attachments: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  consent_records: ['SELECT', 'INSERT'],
  sms_opt_out_events: ['SELECT', 'INSERT'],
  email_suppression_events: ['SELECT', 'INSERT'],
  email_tls_refusals: ['SELECT', 'INSERT'],
  form_submissions: ['SELECT', 'INSERT', 'DELETE'],
  chat_sessions: ['SELECT', 'INSERT', 'UPDATE'],
  chat_messages: ['SELECT', 'INSERT', 'DELETE'],
  email_reply_tokens: ['SELECT', 'INSERT', 'DELETE'],
  email_message_refs: ['SELECT', 'INSERT', 'DELETE'],
  sendgrid_events: ['SELECT', 'INSERT', 'DELETE'],
  delivery_outbox: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  delivery_attempts: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  secure_links: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  consent_requests: ['SELECT', 'INSERT', 'UPDATE'],
  conversation_reads: ['SELECT', 'INSERT', 'UPDATE'],
  conversation_counts: ['SELECT', 'INSERT', 'UPDATE'],
  conversation_tags: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  snooze_wakeups: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  canned_responses: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  portal_codes: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  unsubscribe_links: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  secure_reminders: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  secure_reminder_sends: ['SELECT', 'INSERT', 'DELETE'],
  auto_reply_settings: ['SELECT', 'INSERT', 'UPDATE'],
  auto_reply_sends: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  sms_inbound: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  teams: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  team_members: ['SELECT', 'INSERT', 'DELETE'],
  team_round_robin: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  routing_rules: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  legal_holds: ['SELECT', 'INSERT', 'UPDATE'],
  webhook_endpoints: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  webhook_deliveries: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  webhook_delivery_attempts: ['SELECT', 'INSERT', 'DELETE'],
  access_alert_settings: ['SELECT', 'INSERT', 'UPDATE'],
  access_hourly_opens: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  access_alerts: ['SELECT', 'INSERT'],
  deployment_master_key: ['SELECT', 'INSERT'],
  api_clients: ['SELECT', 'INSERT', 'UPDATE'],
  api_client_tokens: ['SELECT', 'INSERT', 'DELETE'],
  fhir_exports: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  fhir_export_files: ['SELECT', 'INSERT', 'DELETE'],
};

/**
 * What the audit sealer role may do: take queued events out of audit_outbox and append them to
 * audit_events (append-only: the trigger refuses UPDATE and DELETE to everyone).
 */
export const AUDIT_TABLE_GRANTS: Record<string, ReadonlyArray<'SELECT' | 'INSERT' | 'DELETE'>> = {
  audit_events: ['SELECT', 'INSERT'],
  audit_outbox: ['SELECT', 'DELETE'],
};

/** The sealer's role when DATABASE_AUDIT_URL is not set: the app role's name + this suffix. */
export const AUDIT_ROLE_SUFFIX = '_audit';

/**
 * The URL the audit sealer connects with: DATABASE_AUDIT_URL, else DATABASE_URL with the user
 * `<app role>_audit` (same password; set DATABASE_AUDIT_URL to give it its own).
 */
export function auditRoleUrl(databaseUrl: string, databaseAuditUrl?: string): string {
  if (databaseAuditUrl) return databaseAuditUrl;
  const url = new URL(databaseUrl);
  url.username = encodeURIComponent(`${decodeURIComponent(url.username)}${AUDIT_ROLE_SUFFIX}`);
  return url.toString();
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteIdent(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Refusing unusual SQL identifier "${name}" (use [a-z0-9_])`);
  return `"${name}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The worker's monthly partition maintenance (migrations 1766800000000, 1767400000000): SECURITY
 * DEFINER functions of the schema owner, the only way the app role reaches partitions.
 */
export const PARTITION_MAINTENANCE_FUNCTIONS = [
  'ensure_month_partitions(integer)',
  'validate_partition_foreign_keys()',
  'partition_default_rows()',
  'drop_expired_sendgrid_event_partitions(timestamptz)',
] as const;

/** Statements that create or update the app role and give it exactly APP_TABLE_GRANTS. */
export function appRoleSql(role: string, password: string | undefined, database: string): string[] {
  return [
    ...loginRoleSql(role, password, database, APP_TABLE_GRANTS),
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${quoteIdent(role)}`,
    ...PARTITION_MAINTENANCE_FUNCTIONS.map((fn) => `GRANT EXECUTE ON FUNCTION ${fn} TO ${quoteIdent(role)}`),
  ];
}

/**
 * The audit sealer role: exactly AUDIT_TABLE_GRANTS, plus one policy that lets it read the chain
 * heads of every tenant when it asks to (`RoutedDb.sweep('auditCheckpoint', ...)`), for the
 * checkpoints; every write stays bound to `app.tenant_id`.
 */
export function auditRoleSql(role: string, password: string | undefined, database: string): string[] {
  const r = quoteIdent(role);
  return [
    ...loginRoleSql(role, password, database, AUDIT_TABLE_GRANTS),
    `DROP POLICY IF EXISTS audit_checkpoint_heads ON audit_events`,
    `CREATE POLICY audit_checkpoint_heads ON audit_events FOR SELECT TO ${r}
       USING (current_setting('${RLS_SETTINGS.sweep.auditCheckpoint}', true) = 'on')`,
  ];
}

function loginRoleSql(
  role: string,
  password: string | undefined,
  database: string,
  grants: Record<string, ReadonlyArray<string>>,
): string[] {
  const r = quoteIdent(role);
  const pw = password ? `PASSWORD ${quoteLiteral(password)}` : '';
  const attrs = `LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION INHERIT ${pw}`;
  return [
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(role)}) THEN
         CREATE ROLE ${r} ${attrs};
       ELSE
         ALTER ROLE ${r} ${attrs};
       END IF;
     END $$`,
    `GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`,
    ...Object.entries(grants).map(
      ([table, privs]) => `GRANT ${privs.join(', ')} ON ${quoteIdent(table)} TO ${r}`,
    ),
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`,
    `GRANT EXECUTE ON FUNCTION app_current_tenant() TO ${r}`,
  ];
}
