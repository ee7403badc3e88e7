// Prints the argon2id hash to put in OPS_DASHBOARD_PASSWORD_HASH (the operators' queue
// dashboard). The password is read from stdin, never from the command line (shell history, ps):
//   openssl rand -base64 24 | tee /dev/stderr | node scripts/ops-password-hash.mjs
//   node scripts/ops-password-hash.mjs < password-file
// Each run salts anew, so two hashes of one password differ; both verify.
import argon2 from 'argon2';

/** OWASP's minimum for argon2id; the worker refuses a hash costing less. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const MIN_LENGTH = 16;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const password = Buffer.concat(chunks)
  .toString('utf8')
  .replace(/\r?\n$/, '');
if (password.length < MIN_LENGTH) {
  process.stderr.write(`ops-password-hash: give a password of at least ${MIN_LENGTH} characters on stdin\n`);
  process.exit(64);
}
process.stdout.write(`${await argon2.hash(password, OPTIONS)}\n`);
