import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentModule } from '@app/consent';
import { ContactsModule } from '@app/contacts';
import { ConversationsModule } from '@app/conversations';
import { RedisThrottlerStorage } from '@app/identity';
import { ApiClientRepository } from './clients/api-client.repository.js';
import { ApiClients } from './clients/api-clients.service.js';
import { ClientCredentials } from './clients/client-credentials.js';
import { TokenLimits, TokenRefusalLatency } from './clients/token-limits.js';
import { BulkExport } from './export/bulk-export.js';
import { FhirExportRepository } from './export/fhir-export.repository.js';
import { FHIR_ENTITIES } from './fhir.entities.js';
import { ApiClientsController } from './http/api-clients.controller.js';
import { FhirClientGuard } from './http/fhir-client.guard.js';
import { FhirController, FhirMetadataController } from './http/fhir.controller.js';
import { OAuthController } from './http/oauth.controller.js';
import { FhirReads } from './search/fhir-reads.js';
import { FhirResources } from './search/fhir-resources.js';

/**
 * What the api and the worker share: the FHIR mapping of each owner's rows (FhirResources) and
 * the export store.
 */
@Module({
  imports: [TypeOrmModule.forFeature(FHIR_ENTITIES), ContactsModule, ConsentModule, ConversationsModule],
  providers: [FhirResources, FhirExportRepository],
  exports: [FhirResources, FhirExportRepository],
})
export class FhirCoreModule {}

/**
 * The FHIR R4 API (api): API clients (owner), the OAuth token endpoint, searches and reads,
 * Bulk Data kick-off, status, download and cancel. The worker writes exports (FhirCoreModule
 * and the export jobs).
 */
@Module({
  imports: [FhirCoreModule],
  controllers: [ApiClientsController, OAuthController, FhirMetadataController, FhirController],
  providers: [
    ApiClientRepository,
    ApiClients,
    ClientCredentials,
    TokenLimits,
    RedisThrottlerStorage,
    TokenRefusalLatency,
    FhirClientGuard,
    FhirReads,
    BulkExport,
  ],
})
export class FhirModule {}
