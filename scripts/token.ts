import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generate } from 'otplib';

// `npm run -s token`: a fresh access token for the demo's practice owner (the one `npm run demo`
// signed up), on stdout alone so `TOKEN=$(npm run -s token)` works. It logs in with the password
// and a TOTP code computed from .demo/owner.json, against the api the demo runs (.demo/env).
//   --totp           prints an unspent TOTP code of the owner instead (for POST /v1/auth/mfa by hand)
//   --totp <secret>  prints the current code of any base32 secret (e.g. the `secret` answered by
//                    POST /v1/auth/mfa/setup, as in docs/http/walkthrough.http)
// Messages go to stderr; exit 1 with a reason when the demo is not set up or not running.
// DEMO_DIR (default .demo) and API_URL (default http://127.0.0.1:<PORT of .demo/env>) point it elsewhere.

const DEMO_DIR = process.env.DEMO_DIR ?? '.demo';
const OWNER_FILE = `${DEMO_DIR}/owner.json`;
const ENV_FILE = `${DEMO_DIR}/env`;
const STEP_SECONDS = 30;

interface Owner {
  email: string;
  password: string;
  totpSecret: string;
  /** The last TOTP time step used: the api refuses a code of a step already spent. */
  lastStep?: number;
}

function fail(message: string): never {
  process.stderr.write(`token: ${message}\n`);
  process.exit(1);
}

function readOwner(): Owner {
  if (!existsSync(OWNER_FILE))
    fail(`${OWNER_FILE} is missing: run \`npm run demo\` first (it signs the owner up and writes it).`);
  const owner = JSON.parse(readFileSync(OWNER_FILE, 'utf8')) as Partial<Owner>;
  if (!owner.email || !owner.password || !owner.totpSecret)
    fail(`${OWNER_FILE} lacks email, password or totpSecret: delete .demo/ and run \`npm run demo\` again.`);
  return owner as Owner;
}

/** The api's base URL: API_URL, or the PORT of the demo's environment file. */
function apiUrl(): string {
  if (process.env.API_URL) return process.env.API_URL.replace(/\/$/, '');
  if (!existsSync(ENV_FILE)) fail(`${ENV_FILE} is missing: run \`npm run demo\` first.`);
  const port = /^PORT=(\d+)$/m.exec(readFileSync(ENV_FILE, 'utf8'))?.[1];
  if (!port) fail(`${ENV_FILE} names no PORT.`);
  return `http://127.0.0.1:${port}`;
}

const currentStep = () => Math.floor(Date.now() / 1000 / STEP_SECONDS);
const codeAt = (secret: string, step: number) => generate({ secret, epoch: step * STEP_SECONDS });

/** A code of a step not spent yet (waits for the next step, at most 30 s, when this one is). */
async function freshCode(owner: Owner): Promise<{ code: string; step: number }> {
  let step = currentStep();
  if (owner.lastStep !== undefined && step <= owner.lastStep) {
    const waitMs = (owner.lastStep + 1) * STEP_SECONDS * 1000 - Date.now() + 200;
    process.stderr.write(
      `token: this TOTP step is spent; waiting ${Math.ceil(waitMs / 1000)} s for the next\n`,
    );
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    step = currentStep();
  }
  return { code: await codeAt(owner.totpSecret, step), step };
}

async function post(api: string, path: string, body: unknown): Promise<{ status: number; body: any }> {
  let res: Response;
  try {
    res = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    fail(`the demo api does not answer at ${api} (${cause}): start it with \`npm run demo\`.`);
  }
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

async function accessToken(): Promise<string> {
  const owner = readOwner();
  const api = apiUrl();
  const login = await post(api, '/v1/auth/login', { email: owner.email, password: owner.password });
  if (login.status !== 200)
    fail(
      `login as ${owner.email} answered ${login.status} ${JSON.stringify(login.body)} (is this the demo's api?)`,
    );
  if (!login.body.mfaRequired)
    fail(`the owner has no MFA enrolled; delete .demo/ and run \`npm run demo\` again.`);
  const { code, step } = await freshCode(owner);
  // Spent whatever the answer: a refused code of this step would be refused again.
  writeFileSync(OWNER_FILE, JSON.stringify({ ...owner, lastStep: step }));
  const mfa = await post(api, '/v1/auth/mfa', { mfaToken: login.body.mfaToken, code });
  if (mfa.status !== 200) fail(`the MFA step answered ${mfa.status} ${JSON.stringify(mfa.body)}`);
  return mfa.body.accessToken as string;
}

const args = process.argv.slice(2);
if (args[0] === '--totp' && args[1]) {
  const code = await codeAt(args[1], currentStep()).catch((err: unknown) =>
    fail(`cannot make a code of that secret: ${err instanceof Error ? err.message : String(err)}`),
  );
  process.stdout.write(`${code}\n`);
} else if (args[0] === '--totp') {
  // Recorded as spent: a token asked for in the same 30 s then waits for the next code.
  const owner = readOwner();
  const { code, step } = await freshCode(owner);
  writeFileSync(OWNER_FILE, JSON.stringify({ ...owner, lastStep: step }));
  process.stdout.write(`${code}\n`);
} else if (args.length > 0) {
  fail(`unknown arguments ${args.join(' ')}; usage: token [--totp [secret]]`);
} else {
  process.stdout.write(`${await accessToken()}\n`);
}
