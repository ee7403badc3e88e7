import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { RequirePermission } from '@app/identity';
import {
  ApiContentResponse,
  ApiZodQuery,
  ApiZodResponse,
  AppError,
  jsonSchemaOf,
  ValidQuery,
} from '@app/observability';
import {
  auditEventPageSchema,
  auditExportLineExample,
  auditExportLineSchema,
  chainCheckSchema,
} from './audit-events.responses.js';
import { AuditTrail } from './audit-trail.js';

/** Opaque keyset cursor: the seq of the last event of the previous page. */
const cursor = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const seq = Number(Buffer.from(value, 'base64url').toString('utf8').replace(/^s:/, ''));
    if (!Number.isSafeInteger(seq) || seq < 1) {
      ctx.addIssue({ code: 'custom', message: 'not a cursor returned by this API' });
      return z.NEVER;
    }
    return seq;
  });
const encodeCursor = (seq: number) => Buffer.from(`s:${seq}`).toString('base64url');

const from = z.iso
  .datetime({ offset: true })
  .optional()
  .meta({ description: 'Events at or after this instant' });
const to = z.iso.datetime({ offset: true }).optional().meta({ description: 'Events before this instant' });

const listQuery = z.strictObject({
  from: from.meta({ description: 'Events at or after this instant (not after `to`)' }),
  to,
  actorId: z.string().max(100).optional().meta({ description: 'Only events of this actor (e.g. a user id)' }),
  action: z.string().max(100).optional().meta({ description: 'Only this action, e.g. auth.login' }),
  targetId: z.string().max(100).optional().meta({ description: 'Only events about this target id' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: cursor.optional().meta({ description: 'The `nextCursor` of the previous page' }),
});

const exportQuery = z.strictObject({ from, to });

/**
 * The practice's audit trail for admins: search, NDJSON export and chain verification.
 * Reading the trail is itself audited.
 */
@ApiTags('audit')
@Controller('v1/audit-events')
export class AuditEventsController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({
    summary: 'Audit events, newest first (keyset cursor)',
    description:
      'The filters combine (all must hold); a query parameter not listed here is refused (400). ' +
      'Reading the trail is itself audited (audit.read).',
  })
  @ApiZodQuery(listQuery)
  @ApiZodResponse(200, auditEventPageSchema, { description: 'A page of events' })
  async list(@ValidQuery(listQuery) q: z.infer<typeof listQuery>) {
    // As instants: the same time with another offset sorts differently as text.
    if (q.from && q.to && Date.parse(q.from) > Date.parse(q.to))
      throw AppError.validation([{ path: 'from', message: 'must not be after to' }]);
    const data = await this.trail.search({
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      actorId: q.actorId,
      action: q.action,
      targetId: q.targetId,
      beforeSeq: q.cursor,
      limit: q.limit,
    });
    const last = data.at(-1);
    return { data, nextCursor: data.length === q.limit && last ? encodeCursor(last.seq) : null };
  }

  @Get('verify')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'Walk the keyed hash chain page by page; report the first broken link' })
  @ApiZodResponse(200, chainCheckSchema, {
    description:
      'valid, or the first event whose link does not hold (an altered, forged, reordered or deleted row)',
  })
  verify(): Promise<z.output<typeof chainCheckSchema>> {
    return this.trail.verify();
  }

  @Get('export')
  @RequirePermission('audit.read')
  @ApiOperation({
    summary:
      'Every event in the window, oldest first, as NDJSON with its links (seq, prevHash, hash, keyId), verifiable offline: npm run audit -- verify-export',
    description:
      'The chain is sealed first, so the file is a consistent prefix of it. A query parameter not listed here is refused (400). Exporting is itself audited (audit.exported).',
  })
  @ApiZodQuery(exportQuery)
  @ApiContentResponse(200, {
    description: 'NDJSON: one event per line, each an object of the schema in `x-line-schema`',
    mediaType: 'application/x-ndjson',
    schema: { type: 'string', 'x-line-schema': jsonSchemaOf(auditExportLineSchema, 'output') },
    example: `${JSON.stringify(auditExportLineExample)}\n`,
  })
  async export(
    @ValidQuery(exportQuery) q: z.infer<typeof exportQuery>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The answer starts with the first batch (the route then writes the Node response): a
    // failure before it is still an error body.
    const res = reply.raw;
    const start = () => {
      if (reply.sent) return;
      reply.hijack();
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
    };
    await this.trail.export(
      { from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined },
      {
        write: (ndjson) => {
          start();
          res.write(ndjson);
        },
      },
    );
    start();
    res.end();
  }
}
