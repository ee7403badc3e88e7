import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { RequirePermission } from '@app/identity';
import { ApiZodQuery, AppError, ValidQuery } from '@app/observability';
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

const listQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: cursor.optional(),
});

const exportQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

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
  @ApiOperation({ summary: 'Audit events, newest first (keyset cursor)' })
  @ApiZodQuery(listQuery)
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
  @ApiOkResponse({ schema: { example: { valid: true, checked: 1234 } } })
  verify() {
    return this.trail.verify();
  }

  @Get('export')
  @RequirePermission('audit.read')
  @ApiOperation({
    summary:
      'Every event in the window, oldest first, as NDJSON with its links (seq, prevHash, hash, keyId), verifiable offline: npm run audit -- verify-export',
  })
  @ApiProduces('application/x-ndjson')
  @ApiZodQuery(exportQuery)
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
