/**
 * Every transaction-local setting the row-level security policies read (`current_setting(...)`
 * in the migrations, and the audit role's policy in app-role.ts), by what it is for. Code sets
 * them only through `TenantDb`, `TenantTx.withRoute` and `RoutedDb`; `rls-settings.spec.ts`
 * checks this list against the policies of a migrated database, both ways.
 */
export const RLS_SETTINGS = {
  /** The tenant of a `TenantTx`: its rows, for every command. */
  tenant: 'app.tenant_id',
  /**
   * Routes: a lookup before any tenant is known may READ exactly the rows the value names (one
   * route, one key: it can route, never list).
   */
  route: {
    channelId: 'app.route_channel_id',
    publicKey: 'app.route_public_key',
    chatSessionId: 'app.route_chat_session_id',
    /** The SHA-256 of a patient link's token, as hex. */
    linkTokenHash: 'app.route_link_token_hash',
    loginEmail: 'app.login_email',
  },
  /**
   * Sweeps: a periodic pass across practices, switched on ('on') for one table's ids (see each
   * table's policy), or the deployment's master key id.
   */
  sweep: {
    outboxRelay: 'app.outbox_relay',
    inboundRelay: 'app.inbound_relay',
    wakeSweep: 'app.wake_sweep',
    mediaSweep: 'app.media_sweep',
    /** Staff uploads no message claimed (`attachments` without a message): their practices, to expire them. */
    uploadSweep: 'app.upload_sweep',
    /** Unread secure messages whose next reminder step is due (secure_reminders). */
    secureReminderSweep: 'app.secure_reminder_sweep',
    /** Practices that set an SLA or auto-close (practices: their ids and those settings), for the inbox sweep. */
    inboxSweep: 'app.inbox_sweep',
    /** Every practice (practices: ids and retention settings), for the retention sweep. */
    retentionSweep: 'app.retention_sweep',
    /** Every practice's id, for the unusual-access sweep (libs/access-alerts). */
    accessAlertSweep: 'app.access_alert_sweep',
    masterKeyCheck: 'app.master_key_check',
    /** Outbound webhook deliveries whose job is due to be (re)enqueued (webhook_deliveries: ids only). */
    webhookRelay: 'app.webhook_relay',
    /** The audit sealer role's read of every tenant's chain head. */
    auditCheckpoint: 'app.audit_checkpoint',
  },
} as const;

export type RouteName = keyof typeof RLS_SETTINGS.route;
export type SweepName = keyof typeof RLS_SETTINGS.sweep;

/** One route and the key it names, e.g. `{ channelId }`. */
export type Route = {
  [K in RouteName]: { [P in K]: string } & { [P in Exclude<RouteName, K>]?: never };
}[RouteName];

/** The setting and value of a route. */
export function routeSetting(route: Route): readonly [string, string] {
  const entries = Object.entries(route).filter(([, value]) => value !== undefined);
  if (entries.length !== 1) throw new TypeError('A route names exactly one key');
  const [name, value] = entries[0]! as [RouteName, string];
  return [RLS_SETTINGS.route[name], value];
}

/** Every setting name of the list. */
export function allRlsSettings(): string[] {
  return [RLS_SETTINGS.tenant, ...Object.values(RLS_SETTINGS.route), ...Object.values(RLS_SETTINGS.sweep)];
}
