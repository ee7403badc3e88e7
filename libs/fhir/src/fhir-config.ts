import type { ApiConfig, WorkerConfig } from '@app/config';

/** The token lifetime (api) and the export files' lifetime (worker), from libs/config's schema. */
export type FhirConfig = Pick<ApiConfig, 'PUBLIC_BASE_URL' | 'FHIR_ACCESS_TOKEN_SECONDS'> &
  Pick<WorkerConfig, 'FHIR_EXPORT_LIFETIME_SECONDS'>;
