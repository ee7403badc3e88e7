import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { ClaimReason, Contact } from '@app/contacts';
import { IdParam, RequirePermission } from '@app/identity';
import { ApiZodBody, ApiZodQuery, AppError, ValidBody, ValidQuery } from '@app/observability';
import { ContactAdmin } from '../contacts/contact-admin.service.js';
import { LEAD_STAGES } from '../inbox/inbox-query.js';
import { isUuid, UUID_PATTERN } from '@app/database';

/** Opaque cursor: base64url of the last contact id of the page. */
const contactCursor = z.string().transform((value, ctx) => {
  const id = Buffer.from(value, 'base64url').toString('utf8');
  if (!isUuid(id)) {
    ctx.addIssue({ code: 'custom', message: 'not a cursor returned by this API' });
    return z.NEVER;
  }
  return id.toLowerCase();
});

const searchQuery = z
  .strictObject({
    phone: z.string().trim().min(1).max(40).optional(),
    email: z.string().trim().min(1).max(320).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: contactCursor.optional(),
  })
  .refine((q) => [q.phone, q.email, q.name].filter(Boolean).length === 1, {
    message: 'give exactly one of phone, email, name',
    path: ['phone'],
  });

const dateOfBirth = z.iso
  .date()
  .refine(
    (d) => d <= new Date().toISOString().slice(0, 10) && d >= '1900-01-01',
    'not a plausible date of birth',
  );

const updateContactBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).nullable().optional(),
    email: z.string().trim().max(320).nullable().optional(),
    phone: z.string().trim().max(40).nullable().optional(),
    dateOfBirth: dateOfBirth.nullable().optional(),
    leadStage: z.enum(LEAD_STAGES).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

const mergeBody = z.strictObject({ otherContactId: z.string().regex(UUID_PATTERN, 'must be a contact id') });

function view(c: Contact) {
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    dateOfBirth: c.dateOfBirth,
    leadStage: c.leadStage,
    lastActivityAt: c.lastActivityAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    ...(c.mergedInto ? { mergedInto: c.mergedInto } : {}),
    // An unproven claim, kept apart: an address typed into the chat or a form, or the From of an
    // email that SPF/DKIM did not prove; possibleMatch names the contact that holds the address.
    ...(c.claimReason ? { unverified: { reason: c.claimReason }, claimed: c.claimed } : {}),
    ...(c.claimOf && c.claimReason
      ? { possibleMatch: { contactId: c.claimOf, reason: POSSIBLE_MATCH_REASON[c.claimReason] } }
      : {}),
  };
}

/** Why a claim names a contact (`claimed_address_on_file` is the name staff clients know for typed claims). */
const POSSIBLE_MATCH_REASON: Record<ClaimReason, string> = {
  typed_address: 'claimed_address_on_file',
  unauthenticated_email: 'unauthenticated_email',
};

/** Contacts for staff: exact search via blind indexes, detail, edit, merge (all audited). */
@ApiTags('contacts')
@Controller('v1/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactAdmin) {}

  @Get()
  @RequirePermission('contacts.read')
  @ApiOperation({
    summary: 'Exact search by one of phone, email or name (normalized, via blind index); keyset cursor',
  })
  @ApiZodQuery(searchQuery as unknown as z.ZodObject)
  async search(@ValidQuery(searchQuery) q: z.infer<typeof searchQuery>) {
    const field = q.phone ? 'phone' : q.email ? 'email' : 'name';
    const page = await this.contacts.search({
      field,
      value: (q.phone ?? q.email ?? q.name)!,
      afterId: q.cursor,
      limit: q.limit,
    });
    return {
      data: page.data.map(view),
      nextCursor: page.nextCursor ? Buffer.from(page.nextCursor).toString('base64url') : null,
    };
  }

  @Get(':id')
  @RequirePermission('contacts.read')
  @ApiOperation({
    summary: 'A contact (audited PHI read); a merged one names the contact it was merged into',
  })
  async get(@IdParam('id', 'Contact') id: string) {
    return view(await this.contacts.get(id));
  }

  @Patch(':id')
  @RequirePermission('contacts.write')
  @ApiOperation({ summary: 'Edit name, email, phone, date of birth, lead stage (null clears)' })
  @ApiZodBody(updateContactBody)
  async update(
    @IdParam('id', 'Contact') id: string,
    @ValidBody(updateContactBody) body: z.infer<typeof updateContactBody>,
  ) {
    return view(await this.contacts.update(id, body));
  }

  @Post(':id/merge')
  @RequirePermission('contacts.write')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge otherContactId into this contact: conversations, messages and chat sessions move, consent records ' +
      'are copied (append-only); two open conversations become one; in one transaction, audited',
  })
  @ApiZodBody(mergeBody)
  async merge(@IdParam('id', 'Contact') id: string, @ValidBody(mergeBody) body: z.infer<typeof mergeBody>) {
    const other = body.otherContactId.toLowerCase();
    if (other === id) throw new AppError(422, 'cannot_merge_self', 'A contact cannot be merged into itself');
    const result = await this.contacts.merge(id, other);
    return { ...result, contact: view(result.contact) };
  }
}
