import {
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Bundle, CapabilityStatement, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { contentDisposition, SERVED_CONTENT_TYPES, servedContentType } from '@app/conversations';
import { ApiZodQuery, ApiZodResponse, Public, ValidQuery } from '@app/observability';
import type { FhirClientPrincipal } from '../clients/client-credentials.js';
import { BulkExport, type ExportManifest } from '../export/bulk-export.js';
import { FhirError, FhirErrorCode as E } from '../fhir.errors.js';
import { operationOutcomeOf } from '../resources/bundle.js';
import { capabilityStatementOf } from '../resources/capability-statement.js';
import { FhirReads } from '../search/fhir-reads.js';
import { MAX_COUNTED_TOTAL, searchQueryShape, searchQuerySchema } from '../search/search-params.js';
import { FhirClient, FhirClientGuard } from './fhir-client.guard.js';
import { FHIR_JSON, FhirErrorFilter } from './fhir-error.filter.js';
import { exportQuerySchema, manifestSchema } from './export-schemas.js';
import {
  ApiFhirBearer,
  ApiFhirResponse,
  ApiOperationOutcomes,
  FHIR_MEDIA_TYPE,
  fhirResourceSchema,
} from './fhir-openapi.js';

const TYPE_PARAM = ApiParam({
  name: 'type',
  description: 'Patient, Communication, Consent or AuditEvent (anything else: 404)',
  schema: { type: 'string' },
});
const ID_PARAM = ApiParam({ name: 'id', description: 'The resource id', schema: { type: 'string' } });
const BINARY_TYPES = [...SERVED_CONTENT_TYPES, 'application/octet-stream'];

/** The server's CapabilityStatement: public, as FHIR clients discover a server before they authenticate. */
@ApiTags('interoperability')
@Controller('fhir/R4')
@UseFilters(FhirErrorFilter)
export class FhirMetadataController {
  constructor(private readonly reads: FhirReads) {}

  @Get('metadata')
  @Public()
  @ApiOperation({ summary: 'The FHIR CapabilityStatement (what this server reads, searches and exports)' })
  @ApiFhirResponse(200, 'CapabilityStatement', 'The CapabilityStatement')
  metadata(@Res({ passthrough: true }) reply: FastifyReply): CapabilityStatement {
    reply.type(FHIR_JSON);
    const base = this.reads.baseUrl.replace(/\/fhir\/R4$/, '');
    return capabilityStatementOf(base, new Date().toISOString());
  }
}

/**
 * The FHIR R4 read API and system-level Bulk Data export for a practice's API clients (bearer
 * token from POST /oauth/token; `@Public()` to the staff guards, `FhirClientGuard` instead).
 * Every answer, errors included, is FHIR JSON (OperationOutcome for errors), except the export
 * manifest (JSON, as the Bulk Data IG says), its NDJSON files and raw Binary content.
 */
@ApiTags('interoperability')
@Controller('fhir/R4')
@Public()
@UseGuards(FhirClientGuard)
@UseFilters(FhirErrorFilter)
@ApiFhirBearer()
export class FhirController {
  constructor(
    private readonly reads: FhirReads,
    private readonly bulk: BulkExport,
  ) {}

  @Get('$export')
  @ApiOperation({
    summary: 'Bulk Data kick-off (system level): 202 with the status URL in Content-Location',
    description:
      'Requires `Prefer: respond-async`. NDJSON per resource type of everything changed since `_since` (default: ' +
      'all) up to the kick-off, written by the worker, encrypted at rest, downloadable by the same client until the ' +
      'export expires. One export per client at a time (429).',
  })
  @ApiZodQuery(exportQuerySchema)
  @ApiResponse({
    status: 202,
    description: 'Accepted',
    headers: { 'Content-Location': { description: 'The status URL', schema: { type: 'string' } } },
  })
  @ApiOperationOutcomes(400, 401, 403, 429)
  @HttpCode(202)
  async kickOff(
    @FhirClient() client: FhirClientPrincipal,
    @ValidQuery(exportQuerySchema) query: z.output<typeof exportQuerySchema>,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (!/(^|[,;\s])respond-async($|[,;\s])/.test(prefer ?? ''))
      throw new FhirError(E.InvalidParameter, 'The request is not valid', [
        { path: 'Prefer', message: 'must be respond-async (Bulk Data kick-off)' },
      ]);
    const { _type: types, _since: since } = query;
    const id = await this.bulk.kickOff(client, { types, since });
    reply.header('Content-Location', `${this.reads.baseUrl}/bulk-status/${id}`);
  }

  @Get('bulk-status/:id')
  @ApiParam({ name: 'id', description: 'The export id', schema: { type: 'string' } })
  @ApiOperation({
    summary: 'Bulk Data export status: 202 in progress (X-Progress), 200 with the manifest when done',
  })
  @ApiResponse({
    status: 202,
    description: 'In progress',
    headers: {
      'X-Progress': { description: 'What is being written', schema: { type: 'string' } },
      'Retry-After': { description: 'Seconds', schema: { type: 'string' } },
    },
  })
  @ApiZodResponse(200, manifestSchema, { description: 'The manifest' })
  @ApiOperationOutcomes(401, 404, 500)
  async status(
    @FhirClient() client: FhirClientPrincipal,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExportManifest | OperationOutcome | undefined> {
    const state = await this.bulk.status(client, exportId(id));
    if (state.state === 'failed') {
      reply.status(500).type(FHIR_JSON);
      return operationOutcomeOf('exception', 'The export failed; kick off another one');
    }
    if (state.state === 'in-progress') {
      reply.status(202).header('X-Progress', state.progress).header('Retry-After', '5');
      return undefined;
    }
    reply.status(200).type('application/json; charset=utf-8');
    return state.manifest;
  }

  @Delete('bulk-status/:id')
  @HttpCode(202)
  @ApiParam({ name: 'id', description: 'The export id', schema: { type: 'string' } })
  @ApiOperation({ summary: 'Cancel a Bulk Data export (its files are deleted)' })
  @ApiResponse({ status: 202, description: 'Cancelled' })
  @ApiOperationOutcomes(401, 404)
  async cancel(@FhirClient() client: FhirClientPrincipal, @Param('id') id: string): Promise<void> {
    await this.bulk.cancel(client, exportId(id));
  }

  @Get('bulk-files/:id')
  @ApiParam({ name: 'id', description: 'The file id (from the manifest)', schema: { type: 'string' } })
  @ApiOperation({ summary: 'One NDJSON file of a completed export (same client; audited)' })
  @ApiResponse({
    status: 200,
    description: 'The resources, one per line',
    content: { 'application/fhir+ndjson': { schema: { type: 'string' } } },
  })
  @ApiOperationOutcomes(401, 404)
  async file(
    @FhirClient() client: FhirClientPrincipal,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    if (!isUuid(id)) throw new FhirError(E.ResourceNotFound, 'Export file not found');
    const ndjson = await this.bulk.download(client, id);
    reply.type('application/fhir+ndjson');
    return ndjson;
  }

  @Get('Binary/:id')
  @ApiParam({
    name: 'id',
    description: 'An attachment id (from a Communication’s payload)',
    schema: { type: 'string' },
  })
  @ApiOperation({
    summary: 'An attachment of a patient message (Communication scope; audited)',
    description:
      'The raw bytes as a download, or a Binary resource (base64 data) when the Accept header asks for application/fhir+json.',
  })
  @ApiResponse({
    status: 200,
    description: 'The file, or a Binary resource',
    content: {
      ...Object.fromEntries(BINARY_TYPES.map((type) => [type, { schema: { type: 'string' } }])),
      [FHIR_MEDIA_TYPE]: { schema: fhirResourceSchema('Binary') as never },
    },
  })
  @ApiOperationOutcomes(401, 403, 404)
  async binary(
    @FhirClient() client: FhirClientPrincipal,
    @Param('id') id: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | Resource> {
    const file = await this.reads.binary(client, id);
    const contentType = servedContentType(file.contentType);
    if (accept?.includes(FHIR_MEDIA_TYPE)) {
      reply.type(FHIR_JSON);
      return { resourceType: 'Binary', id, contentType, data: file.content.toString('base64') };
    }
    reply
      .header('Content-Disposition', contentDisposition(file.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .type(contentType);
    return file.content;
  }

  @Get(':type')
  @TYPE_PARAM
  @ApiOperation({
    summary: 'Search one resource type: a searchset Bundle, `_count` per page, `next` link while more follow',
    description:
      '`_lastUpdated` (gt/ge/lt/le/eq, a date or an instant; twice for a range), `patient` (not on Patient), ' +
      '`_id`, `_count` (1 to 1000, default 50), `_total` (none, the default: no Bundle.total; estimate or ' +
      `accurate: the whole search set counted exactly on every page, up to ${MAX_COUNTED_TOTAL} matches, beyond ` +
      'which the page has no total and a warning OperationOutcome entry). Pages run in change order on a keyset cursor ' +
      '(`_cursor`, from the next link). Audited `fhir.searched` as the client.',
  })
  @ApiZodQuery(searchQueryShape)
  @ApiFhirResponse(200, 'Bundle', 'A searchset page')
  @ApiOperationOutcomes(400, 401, 403, 404)
  search(
    @FhirClient() client: FhirClientPrincipal,
    @Param('type') type: string,
    @ValidQuery(searchQuerySchema) query: z.output<typeof searchQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Bundle> {
    reply.type(FHIR_JSON);
    return this.reads.search(client, type, query);
  }

  @Get(':type/:id')
  @TYPE_PARAM
  @ID_PARAM
  @ApiOperation({ summary: 'Read one resource (audited `fhir.read` as the client)' })
  @ApiFhirResponse(200, null, 'The resource')
  @ApiOperationOutcomes(401, 403, 404)
  read(
    @FhirClient() client: FhirClientPrincipal,
    @Param('type') type: string,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Resource> {
    reply.type(FHIR_JSON);
    return this.reads.read(client, type, id);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An export id, or 404 (a malformed id is an unknown one). */
function exportId(value: string): string {
  if (!isUuid(value)) throw new FhirError(E.ExportNotFound, 'Export not found');
  return value;
}
