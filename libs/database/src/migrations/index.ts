import { Foundation1763900000000 } from './1763900000000-foundation.js';
import { Identity1763950000000 } from './1763950000000-identity.js';
import { Ingestion1764000000000 } from './1764000000000-ingestion.js';
import { Consent1764100000000 } from './1764100000000-consent.js';
import { Email1764200000000 } from './1764200000000-email.js';
import { Intake1764300000000 } from './1764300000000-intake.js';
import { Delivery1764400000000 } from './1764400000000-delivery.js';
import { Triage1764500000000 } from './1764500000000-triage.js';

/** Every migration, in order. Listed explicitly so the bundled build needs no file globbing. */
export const MIGRATIONS = [
  Foundation1763900000000,
  Identity1763950000000,
  Ingestion1764000000000,
  Consent1764100000000,
  Intake1764300000000,
  Email1764200000000,
  Delivery1764400000000,
  Triage1764500000000,
];
