// Completes package-lock.json with the other platforms' optional native builds (rspack, swc,
// oxlint, msgpackr-extract) that this workplace's registry mirror does not serve. Without the
// entries `npm ci` refuses the lockfile ("Missing: ... from lock file"). Each entry carries the
// os/cpu/libc of its platform, so npm skips it on every other machine and never downloads it;
// on a machine of that platform, npm fetches it by name and version as usual.
// Run after any `npm install` that rewrites the lockfile: node scripts/lock-platforms.mjs
// (`--check`, used by `npm run lint`, only reports missing entries and exits 1).
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const present = new Set(Object.keys(lock.packages).map((k) => k.replace(/^.*node_modules\//, '')));

function platformOf(name) {
  const os = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony'].find((o) =>
    name.includes(`-${o}-`),
  );
  const cpu = ['arm64', 'x64', 'ia32', 'ppc64', 's390x', 'riscv64', 'arm', 'wasm32'].find((c) =>
    new RegExp(`-${c}(-|$)`).test(name),
  );
  const libc = /-(gnu|gnueabihf)$/.test(name)
    ? ['glibc']
    : /-musl(eabihf)?$/.test(name)
      ? ['musl']
      : undefined;
  return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}), ...(libc ? { libc } : {}) };
}

let added = 0;
for (const pkg of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    if (present.has(name)) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue; // not a platform build: leave it to npm
    lock.packages[`node_modules/${name}`] = {
      version,
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    present.add(name);
    added++;
  }
}
if (process.argv.includes('--check')) {
  if (added)
    console.error(`lock-platforms: ${added} platform entries missing; run node scripts/lock-platforms.mjs`);
  process.exit(added ? 1 : 0);
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).toSorted(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platforms: added ${added} platform entries`);
