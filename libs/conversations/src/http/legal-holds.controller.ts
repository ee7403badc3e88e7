import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, IdParam, type Principal, RequirePermission } from '@app/identity';
import { ApiErrors, ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import type { LegalHold } from '../retention/legal-hold.repository.js';
import { LegalHolds } from '../retention/legal-holds.js';

const HOLD_EXAMPLE = {
  id: '5b9d3c1e-2f4a-4c6b-8d7e-9f0a1b2c3d4e',
  scope: 'contact',
  contactId: '0e6f1a2b-3c4d-4e5f-8a7b-9c0d1e2f3a4b',
  active: true,
  placedBy: '3f1c9a52-6b1e-4d4f-9c47-2a8e5d0b7c11',
  placedAt: '2026-03-02T14:05:09.000Z',
  releasedBy: null,
  releasedAt: null,
};

export const legalHoldSchema = z
  .object({
    id: z.uuid(),
    scope: z.enum(['practice', 'contact']).meta({ description: 'The whole practice, or one contact' }),
    contactId: z.uuid().nullable().meta({ description: 'The contact held (null for the practice)' }),
    active: z.boolean().meta({ description: 'True until released; while true nothing it covers is purged' }),
    placedBy: z.uuid(),
    placedAt: z.iso.datetime(),
    releasedBy: z.uuid().nullable(),
    releasedAt: z.iso.datetime().nullable(),
  })
  .meta({ example: HOLD_EXAMPLE });
export const legalHoldListSchema = z.object({ data: z.array(legalHoldSchema) });

const placeBody = z
  .strictObject({
    contactId: z
      .uuid()
      .nullable()
      .meta({ description: 'The contact to hold; null (or left out) holds the whole practice' })
      .optional(),
  })
  .meta({ example: { contactId: HOLD_EXAMPLE.contactId } });

type Documented = z.output<typeof legalHoldSchema>;

function holdView(hold: LegalHold): Documented {
  return {
    id: hold.id,
    scope: hold.contact_id ? 'contact' : 'practice',
    contactId: hold.contact_id,
    active: hold.released_at === null,
    placedBy: hold.placed_by,
    placedAt: hold.placed_at.toISOString(),
    releasedBy: hold.released_by,
    releasedAt: hold.released_at?.toISOString() ?? null,
  };
}

/**
 * Legal holds: while one is active on the practice or a contact, the retention sweep purges
 * nothing it covers (messages, attachments, and for a practice hold, spent tokens too).
 */
@ApiTags('practice')
@Controller('v1/legal-holds')
export class LegalHoldsController {
  constructor(private readonly holds: LegalHolds) {}

  @Get()
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: "The practice's legal holds, active first, newest first (at most 500)" })
  @ApiZodResponse(200, legalHoldListSchema, { description: 'The holds', example: { data: [HOLD_EXAMPLE] } })
  async list(): Promise<z.output<typeof legalHoldListSchema>> {
    return { data: (await this.holds.list()).map(holdView) };
  }

  @Post()
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Place a legal hold on a contact, or on the whole practice (no contactId)',
    description:
      'From the moment this answers, the retention sweep purges nothing the hold covers: the contact’s ' +
      'conversations (and those of contacts merged into it), or everything of the practice. One active hold per ' +
      'contact and one on the practice: another is 409 `legal_hold_exists` naming it. Audited `legal_hold.placed`.',
  })
  @ApiZodBody(placeBody)
  @ApiZodResponse(201, legalHoldSchema, { description: 'The hold', example: HOLD_EXAMPLE })
  @ApiErrors({ 404: ['not_found'], 409: ['legal_hold_exists'] })
  async place(
    @CurrentUser() actor: Principal,
    @ValidBody(placeBody) body: z.infer<typeof placeBody>,
  ): Promise<Documented> {
    return holdView(await this.holds.place(actor, body.contactId ?? null));
  }

  @Post(':id/release')
  @HttpCode(200)
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Release an active legal hold; purging resumes at the next sweep. Audited `legal_hold.released`',
  })
  @ApiZodResponse(200, legalHoldSchema, {
    description: 'The hold as released',
    example: {
      ...HOLD_EXAMPLE,
      active: false,
      releasedBy: HOLD_EXAMPLE.placedBy,
      releasedAt: HOLD_EXAMPLE.placedAt,
    },
  })
  @ApiErrors({ 404: ['not_found'] })
  async release(
    @CurrentUser() actor: Principal,
    @IdParam('id', 'Legal hold') id: string,
  ): Promise<Documented> {
    return holdView(await this.holds.release(actor, id));
  }
}
