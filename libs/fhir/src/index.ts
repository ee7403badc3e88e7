export { FhirModule, FhirCoreModule } from './fhir.module.js';
export { FhirRetentionModule } from './export/fhir-export-purge-hook.js';
export { IDLE_EXPORT_KEPT_MS } from './export/fhir-export.repository.js';
export { FhirExportJob, FhirExportExpiryJob, EXPORT_FILE_LINES } from './export/fhir-export.job.js';
export { FhirError, FhirErrorCode } from './fhir.errors.js';
export { fhirHttpErrors } from './http/fhir-http-errors.js';
export { FHIR_ENTITIES } from './fhir.entities.js';
export { FHIR_RESOURCE_TYPES, type FhirResourceType } from './clients/scopes.js';
