#!/usr/bin/env node
// `npm run lint`: every table has one owner lib, the only one whose code writes it (INSERT,
// UPDATE, DELETE); a write elsewhere fails (call the owner instead). The tables are those the
// migrations create; a table written by code but owned by nobody fails. Seen: a statement naming
// its table literally after INSERT INTO, UPDATE or DELETE FROM in libs/ and apps/ (specs and migrations aside); a table name built at
// run time (`UPDATE ${table}`) is not. Inside the owner lib, only a repository (`*.repository.ts`)
// or one of the owners named for their tables below writes. A table's EntitySchema must be in
// its owner lib too. Encrypted columns are the owner's to read: their encryption bindings (the
// AAD strings, `'messages.body'`) are written out only in the owner lib, once, and a statement
// outside the owner that names a table's encrypted column (`body_enc` with `FROM messages`, in
// one template literal) fails unless it is one of READS_ACROSS below.
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

/**
 * Statements outside a table's owner that read its encrypted columns, each decrypted with the
 * binding constant the owner exports; kept in place because the read is one measured statement
 * with the reader's own tables (splitting it would cost a round trip on a hot path).
 */
const READS_ACROSS = {
  // The inbox page (`npm run bench triage`): conversations joined with their contact's name.
  'libs/conversations/src/inbox/inbox-query.ts': ['contacts.name_enc'],
  // The dispatch read (`npm run bench delivery`): messages locked with their attempts and the consent gate's facts.
  'libs/delivery/src/outbound/dispatch-read.ts': ['messages.body_enc', 'messages.to_address_enc'],
};

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

/** table -> its bytea columns, from the entities (`name: { type: 'bytea'`). */
const bytea = {};
for (const path of files(join(root, 'libs'))) {
  if (!/\.entit(?:y|ies)\.ts$/.test(path)) continue;
  for (const block of readFileSync(path, 'utf8').split('new EntitySchema').slice(1)) {
    const table = /tableName: '([a-z_][a-z0-9_]*)'/.exec(block)?.[1];
    if (table) bytea[table] = [...block.matchAll(/\b([a-z_][a-z0-9_]*): \{ type: 'bytea'/g)].map((m) => m[1]);
  }
}
/** Encrypted columns (`*_enc`; blind indexes and hashes are compared, never decrypted). */
const encrypted = Object.fromEntries(
  Object.entries(bytea).map(([table, columns]) => [table, columns.filter((c) => c.endsWith('_enc'))]),
);
/** Binding -> table: `table.column` for each bytea column, without its `_enc`, `_bidx` or `_hash`. */
const bindings = new Map();
for (const [table, columns] of Object.entries(bytea))
  for (const column of columns) bindings.set(`${table}.${column.replace(/_(?:enc|bidx|hash)$/, '')}`, table);
/** Binding -> the files that write it out. */
const bindingFiles = new Map();

const problems = [];
for (const base of ['libs', 'apps']) {
  for (const path of files(join(root, base))) {
    const file = relative(root, path).split(sep).join('/');
    const lib = /^libs\/([^/]+)\//.exec(file)?.[1];
    const source = readFileSync(path, 'utf8');
    // In quotes: code (comments name a binding in backticks).
    for (const m of source.matchAll(/(['"])([a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*)\1/g)) {
      const table = bindings.get(m[2]);
      if (!table) continue; // a permission, an audit action, a file name
      bindingFiles.set(m[2], new Set([...(bindingFiles.get(m[2]) ?? []), file]));
      if (OWNERS[table] !== lib)
        problems.push(
          `${file}: names the encryption binding '${m[2]}' of ${table}, owned by libs/${OWNERS[table]}: call the owner (or import its binding constant)`,
        );
    }
    for (const m of source.matchAll(/`[^`]*`/g)) {
      const named = [...m[0].matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)/g)].map((n) => n[1]);
      const own = new Set(named.filter((t) => OWNERS[t] === lib).flatMap((t) => encrypted[t] ?? []));
      for (const table of new Set(named)) {
        if (!OWNERS[table] || OWNERS[table] === lib) continue;
        for (const column of encrypted[table] ?? []) {
          if (own.has(column) || !new RegExp(`\\b${column}\\b`).test(m[0])) continue;
          if (READS_ACROSS[file]?.includes(`${table}.${column}`)) continue;
          problems.push(
            `${file}: reads ${table}.${column}, an encrypted column owned by libs/${OWNERS[table]}: call the owner's read instead`,
          );
        }
      }
    }
    for (const m of source.matchAll(WRITE)) {
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
for (const [binding, where] of bindingFiles)
  if (where.size > 1)
    problems.push(
      `encryption binding '${binding}' is written out in ${[...where].join(', ')}: keep it in one constant`,
    );
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
  `table owners: ${tables.size} tables, written only by their owner lib's repositories, every entity in its owner, ${bindings.size} encryption bindings named and encrypted columns read only in their owner (and ${Object.keys(READS_ACROSS).length} reads across)`,
);
