#!/usr/bin/env node
// `npm run lint`: every table has one owner lib, the only one whose code writes it (INSERT,
// UPDATE, DELETE); a write elsewhere fails (call the owner instead). The tables are those the
// migrations create; a table written by code but owned by nobody fails. Seen: a statement naming
// its table literally after INSERT INTO, UPDATE or DELETE FROM in libs/ and apps/ (specs and migrations aside); a table name built at
// run time (`UPDATE ${table}`) is not. Inside the owner lib, only a repository (`*.repository.ts`)
// or one of the owners named for their tables below writes. A table's EntitySchema must be in
// its owner lib too.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** table -> the lib that owns it (libs/<owner>/src). */
const OWNERS = {
  audit_events: 'audit',
  audit_outbox: 'audit',
  tenant_keys: 'crypto',
  deployment_master_key: 'crypto',
  practices: 'identity',
  users: 'identity',
  user_sessions: 'identity',
  session_refresh_tokens: 'identity',
  user_invites: 'identity',
  user_recovery_codes: 'identity',
  login_directory: 'identity',
  password_reset_tokens: 'identity',
  contacts: 'contacts',
  consent_records: 'consent',
  sms_opt_out_events: 'consent',
  email_suppression_events: 'consent',
  email_tls_refusals: 'consent',
  consent_requests: 'consent',
  conversations: 'conversations',
  conversation_reads: 'conversations',
  conversation_tags: 'conversations',
  conversation_counts: 'conversations',
  messages: 'conversations',
  message_provider_ids: 'conversations',
  attachments: 'conversations',
  canned_responses: 'conversations',
  snooze_wakeups: 'conversations',
  legal_holds: 'conversations',
  channels: 'channels',
  channel_routes: 'channels',
  sms_inbound: 'channels',
  form_submissions: 'channels',
  chat_sessions: 'channels',
  chat_messages: 'channels',
  email_message_refs: 'channels',
  email_reply_tokens: 'channels',
  sendgrid_events: 'channels',
  delivery_outbox: 'delivery',
  delivery_attempts: 'delivery',
  secure_links: 'delivery',
  unsubscribe_links: 'delivery',
  portal_codes: 'delivery',
  secure_reminders: 'delivery',
  secure_reminder_sends: 'delivery',
  auto_reply_settings: 'automation',
  auto_reply_sends: 'automation',
  teams: 'automation',
  team_members: 'automation',
  team_round_robin: 'automation',
  routing_rules: 'automation',
  webhook_endpoints: 'webhooks-out',
  webhook_deliveries: 'webhooks-out',
  webhook_delivery_attempts: 'webhooks-out',
  access_alert_settings: 'access-alerts',
  access_hourly_opens: 'access-alerts',
  access_alerts: 'access-alerts',
  api_clients: 'fhir',
  api_client_tokens: 'fhir',
  fhir_exports: 'fhir',
  fhir_export_files: 'fhir',
};

/** Owners named for what they own, not `*.repository.ts`: each writes only its own tables. */
const NAMED_OWNERS = new Set([
  'libs/audit/src/audit.service.ts', // the audit chain: outbox and sealed events
  'libs/consent/src/consent-ledger.ts', // the append-only consent and opt-out ledgers
  'libs/delivery/src/outbound/outbound-messages.ts', // the dispatch path's outbox and attempts
]);

const WRITE = /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_][a-z0-9_]*)/g;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'migrations') yield* files(path);
    } else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) yield path;
  }
}

const tables = new Set();
for (const name of readdirSync(join(root, 'libs/database/src/migrations'))) {
  const sql = readFileSync(join(root, 'libs/database/src/migrations', name), 'utf8');
  for (const m of sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/g)) tables.add(m[1]);
}

const problems = [];
for (const base of ['libs', 'apps']) {
  for (const path of files(join(root, base))) {
    const file = relative(root, path).split(sep).join('/');
    const lib = /^libs\/([^/]+)\//.exec(file)?.[1];
    for (const m of readFileSync(path, 'utf8').matchAll(WRITE)) {
      const table = m[1];
      if (!tables.has(table)) continue; // a word after UPDATE in prose, or not a table of ours
      const owner = OWNERS[table];
      if (!owner)
        problems.push(
          `${file}: writes ${table}, which has no owner in ${relative(root, new URL(import.meta.url).pathname)}`,
        );
      else if (owner !== lib)
        problems.push(`${file}: writes ${table}, owned by libs/${owner}: call the owner instead`);
      else if (!file.endsWith('.repository.ts') && !NAMED_OWNERS.has(file))
        problems.push(`${file}: writes ${table} outside a repository: move the statement into one`);
    }
  }
}
// Each table's EntitySchema (`*.entity.ts`, `tableName: '...'`) lives in its owner lib.
for (const path of files(join(root, 'libs'))) {
  if (!path.endsWith('.entity.ts')) continue;
  const file = relative(root, path).split(sep).join('/');
  const lib = /^libs\/([^/]+)\//.exec(file)?.[1];
  for (const m of readFileSync(path, 'utf8').matchAll(/tableName: '([a-z_][a-z0-9_]*)'/g)) {
    if (OWNERS[m[1]] !== lib)
      problems.push(`${file}: entity of ${m[1]}, owned by libs/${OWNERS[m[1]]}: move it there`);
  }
}
if (problems.length) {
  process.stderr.write(`table owners:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
console.log(
  `table owners: ${tables.size} tables, written only by their owner lib's repositories, every entity in its owner`,
);
