import { seedLargeDataset } from './seed/large-dataset.js';

// `npm run seed:large`: the FULL dataset (or SEED_SCALE times it, up to 10: 10M messages) in database SEED_DATABASE
// (default inbox_large), reused if .seed/<database>.json says it exists (SEED_FRESH=1 regenerates).
const database = process.env.SEED_DATABASE ?? 'inbox_large';
const scale = Number(process.env.SEED_SCALE ?? 1);
if (!(scale > 0 && scale <= 10)) {
  process.stderr.write('SEED_SCALE must be in (0, 10] (10: 10M messages)\n');
  process.exit(2);
}
if (process.env.SEED_FRESH === '1') {
  const { rmSync } = await import('node:fs');
  rmSync(`.seed/${database}.json`, { force: true });
}
const seeded = await seedLargeDataset(database, scale);
process.stdout.write(
  `${JSON.stringify({ database: seeded.database, sizes: seeded.sizes, seconds: seeded.seconds, appUrl: seeded.appUrl.replace(/:[^:@/]+@/, ':***@') })}\n`,
);
