/**
 * What the application role may do, table by table. The role never owns a table, is not a
 * superuser and cannot bypass row-level security; audit_events is insert-only.
 * `npm run migrate` applies exactly this after the migrations (revoking anything else).
 */
export const APP_TABLE_GRANTS: Record<string, ReadonlyArray<'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE'>> = {
  practices: ['SELECT', 'INSERT', 'UPDATE'],
  tenant_keys: ['SELECT', 'INSERT', 'UPDATE'],
  contacts: ['SELECT', 'INSERT', 'UPDATE'],
  conversations: ['SELECT', 'INSERT', 'UPDATE'],
  messages: ['SELECT', 'INSERT', 'UPDATE'],
  audit_events: ['SELECT', 'INSERT'],
  audit_outbox: ['SELECT', 'INSERT', 'DELETE'],
  users: ['SELECT', 'INSERT', 'UPDATE'],
  login_directory: ['SELECT', 'INSERT', 'UPDATE'],
  user_sessions: ['SELECT', 'INSERT', 'UPDATE'],
  session_refresh_tokens: ['SELECT', 'INSERT', 'UPDATE'],
  user_recovery_codes: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  user_invites: ['SELECT', 'INSERT', 'UPDATE'],
  channels: ['SELECT', 'INSERT', 'UPDATE'],
  channel_routes: ['SELECT', 'INSERT', 'UPDATE'],
  attachments: ['SELECT', 'INSERT', 'UPDATE'],
  consent_records: ['SELECT', 'INSERT'],
  sms_opt_out_events: ['SELECT', 'INSERT'],
  email_suppression_events: ['SELECT', 'INSERT'],
  form_submissions: ['SELECT', 'INSERT'],
  chat_sessions: ['SELECT', 'INSERT', 'UPDATE'],
  chat_messages: ['SELECT', 'INSERT'],
  email_reply_tokens: ['SELECT', 'INSERT'],
  email_message_refs: ['SELECT', 'INSERT'],
  sendgrid_events: ['SELECT', 'INSERT'],
  delivery_outbox: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  delivery_attempts: ['SELECT', 'INSERT', 'UPDATE'],
  secure_links: ['SELECT', 'INSERT', 'UPDATE'],
  consent_requests: ['SELECT', 'INSERT', 'UPDATE'],
  conversation_reads: ['SELECT', 'INSERT', 'UPDATE'],
  conversation_counts: ['SELECT', 'INSERT', 'UPDATE'],
  conversation_tags: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  snooze_wakeups: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  canned_responses: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  portal_codes: ['SELECT', 'INSERT', 'UPDATE'],
  unsubscribe_links: ['SELECT', 'INSERT', 'UPDATE'],
  sms_inbound: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
};

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteIdent(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Refusing unusual SQL identifier "${name}" (use [a-z0-9_])`);
  return `"${name}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Statements that create or update the app role and give it exactly APP_TABLE_GRANTS. */
export function appRoleSql(role: string, password: string | undefined, database: string): string[] {
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
    ...Object.entries(APP_TABLE_GRANTS).map(
      ([table, privs]) => `GRANT ${privs.join(', ')} ON ${quoteIdent(table)} TO ${r}`,
    ),
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `GRANT EXECUTE ON FUNCTION app_current_tenant() TO ${r}`,
  ];
}
