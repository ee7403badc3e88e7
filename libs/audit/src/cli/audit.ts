import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '@app/config';
import { verifyExport } from '../audit-export.js';
import { AuditKeyRing } from '../audit-keys.js';

/**
 * `npm run audit -- verify-export --export <events.ndjson> --checkpoint <checkpoint.json>`:
 *   verifies an export of GET /v1/audit-events/export offline (no database): the checkpoint's
 *   signature, every event's HMAC and link, and that the chain reaches the checkpointed head.
 *   Exit 0: valid; 1: not valid (the reason is printed); 64: usage.
 * `npm run audit -- derive-key`: prints the audit key of MASTER_KEY (base64) and its id, for
 *   AUDIT_KEYS_PREVIOUS before MASTER_KEY is rotated away, or for an auditor. It verifies (and
 *   could forge) the trail, but decrypts nothing: hand it over like a secret.
 * Keys come from MASTER_KEY, MASTER_KEY_PREVIOUS and AUDIT_KEYS_PREVIOUS, as for the api.
 */
const USAGE =
  'usage: audit verify-export --export <events.ndjson> --checkpoint <checkpoint.json> | audit derive-key';

const out = (line: string) => process.stdout.write(`audit: ${line}\n`);
const fail = (line: string, code: number): never => {
  process.stderr.write(`audit: ${line}\n`);
  process.exit(code);
};

function parseCommand():
  { command: 'verify-export'; exportPath: string; checkpointPath: string } | { command: 'derive-key' } {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { export: { type: 'string' }, checkpoint: { type: 'string' } },
    });
  } catch {
    return fail(USAGE, 64);
  }
  const [command, ...rest] = parsed.positionals;
  if (rest.length > 0) return fail(USAGE, 64);
  if (command === 'derive-key') return { command };
  const { export: exportPath, checkpoint: checkpointPath } = parsed.values;
  if (command !== 'verify-export' || !exportPath || !checkpointPath) return fail(USAGE, 64);
  return { command, exportPath, checkpointPath };
}

async function readJson(path: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    return fail(`cannot read the ${what} (${(err as Error).name})`, 1);
  }
}

const command = parseCommand();
const keys = AuditKeyRing.fromConfig(loadConfigOrExit('audit'));

if (command.command === 'derive-key') {
  out(`key id ${keys.current.id}`);
  process.stdout.write(`${keys.current.key.toString('base64')}\n`);
  process.exit(0);
}

const checkpoint = await readJson(command.checkpointPath, 'checkpoint');
const lines = createInterface({ input: createReadStream(command.exportPath), crlfDelay: Infinity });
try {
  const result = await verifyExport(lines, checkpoint, keys);
  const span = result.firstSeq === null ? 'no events' : `seq ${result.firstSeq}..${result.lastSeq}`;
  out(`${result.events} events (${span})`);
  if (result.chain?.legacyEvents) {
    out(`${result.chain.legacyEvents} legacy events (sealed before the chain was keyed: plain SHA-256)`);
  }
  if (!result.valid) fail(`NOT VALID: ${result.problem}`, 1);
  const cp = result.checkpoint!;
  out(
    `VALID: every link and HMAC holds and the chain reaches the head checkpointed at ${cp.at} (seq ${cp.seq})`,
  );
  process.exit(0);
} catch (err) {
  fail(`cannot read the export (${(err as Error).name})`, 1);
}
