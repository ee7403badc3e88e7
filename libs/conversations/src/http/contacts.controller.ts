import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { IdParam, RequirePermission } from '@app/identity';
import {
  ApiErrors,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  AppError,
  ValidBody,
  ValidQuery,
} from '@app/observability';
import { ContactAdmin } from '../contacts/contact-admin.service.js';
import { LEAD_STAGES } from '../inbox/inbox-query.js';
import { isUuid, UUID_PATTERN } from '@app/database';
import { addressBlocksExample, addressBlocksView } from './address-blocks.view.js';
import {
  type ContactDetail,
  contactDetailSchema,
  type ContactView,
  contactPageSchema,
  contactView,
  contactViewExample,
  contactViewSchema,
  mergeResultExample,
  mergeResultSchema,
  mergeView,
} from './contact-views.js';

/** Opaque cursor: base64url of the last contact id of the page. */
const contactCursor = z
  .string()
  .meta({ description: 'The nextCursor of the previous page' })
  .transform((value, ctx) => {
    const id = Buffer.from(value, 'base64url').toString('utf8');
    if (!isUuid(id)) {
      ctx.addIssue({ code: 'custom', message: 'not a cursor returned by this API' });
      return z.NEVER;
    }
    return id.toLowerCase();
  });

/** The search takes one field at a time (each is its own blind index). */
const ONE_FILTER = 'Give exactly one of phone, email, name (400 validation_failed otherwise)';
const searchQuery = z
  .strictObject({
    phone: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .meta({ description: `Any common format. ${ONE_FILTER}` }),
    email: z.string().trim().min(1).max(320).optional().meta({ description: ONE_FILTER }),
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: `The full name. ${ONE_FILTER}` }),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: contactCursor.optional(),
  })
  .refine((q) => [q.phone, q.email, q.name].filter(Boolean).length === 1, {
    message: 'give exactly one of phone, email, name',
    path: ['phone'],
  });

const dateOfBirth = z.iso
  .date()
  .meta({ description: 'YYYY-MM-DD, from 1900-01-01 to today' })
  .refine(
    (d) => d <= new Date().toISOString().slice(0, 10) && d >= '1900-01-01',
    'not a plausible date of birth',
  );

const updateContactBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).nullable().optional(),
    email: z
      .string()
      .trim()
      .max(320)
      .nullable()
      .optional()
      .meta({ description: 'An email address (400 validation_failed if it is not one); null clears' }),
    phone: z.string().trim().max(40).nullable().optional().meta({
      description: 'A phone number, stored as E.164 (400 validation_failed if it is not one); null clears',
    }),
    dateOfBirth: dateOfBirth.nullable().optional(),
    leadStage: z.enum(LEAD_STAGES).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change')
  .meta({ minProperties: 1 });

const createContactBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    phone: z.string().trim().min(1).max(40).optional().meta({
      description:
        'A phone number in any common format, stored as E.164 (400 validation_failed if it is not one)',
    }),
    email: z
      .string()
      .trim()
      .min(1)
      .max(320)
      .optional()
      .meta({ description: 'An email address (400 validation_failed if it is not one)' }),
    dateOfBirth: dateOfBirth.optional(),
  })
  .refine((b) => b.phone !== undefined || b.email !== undefined, {
    message: 'give a phone or an email (outreach needs an address)',
    path: ['phone'],
  })
  .meta({ anyOf: [{ required: ['phone'] }, { required: ['email'] }] });

const mergeBody = z.strictObject({
  otherContactId: z
    .string()
    .regex(UUID_PATTERN, 'must be a contact id')
    .meta({ format: 'uuid', description: 'The contact merged into this one (it ends up with mergedInto)' }),
});

/** A malformed id answers 404 like an unknown one (IdParam): documented as a uuid. */
const ContactIdParam = ApiParam({
  name: 'id',
  description: 'Contact id',
  schema: { type: 'string', format: 'uuid' },
});

/** Contacts for staff: exact search via blind indexes, detail, edit, merge (all audited). */
@ApiTags('contacts')
@Controller('v1/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactAdmin) {}

  @Get()
  @RequirePermission('contacts.read')
  @ApiOperation({
    summary: 'Exact search by one of phone, email or name (normalized, via blind index); keyset cursor',
    description: `${ONE_FILTER}. Sorted by id; audited (the field searched, never the value).`,
  })
  @ApiZodQuery(searchQuery as unknown as z.ZodObject)
  @ApiZodResponse(200, contactPageSchema, {
    description: 'The matching contacts',
    example: { data: [contactViewExample], nextCursor: null },
  })
  async search(
    @ValidQuery(searchQuery) q: z.infer<typeof searchQuery>,
  ): Promise<z.output<typeof contactPageSchema>> {
    const field = q.phone ? 'phone' : q.email ? 'email' : 'name';
    const page = await this.contacts.search({
      field,
      value: (q.phone ?? q.email ?? q.name)!,
      afterId: q.cursor,
      limit: q.limit,
    });
    return {
      data: page.data.map(contactView),
      nextCursor: page.nextCursor ? Buffer.from(page.nextCursor).toString('base64url') : null,
    };
  }

  @Post()
  @RequirePermission('contacts.write')
  @ApiOperation({
    summary: 'Enter a contact by hand (outreach to someone who never wrote); audited',
    description:
      'A phone or an email is required. When another contact already holds the phone or the email, nothing is ' +
      'written and the answer is 409 contact_exists with details.contactId naming it.',
  })
  @ApiZodBody(createContactBody)
  @ApiZodResponse(201, contactViewSchema, { description: 'The new contact', example: contactViewExample })
  @ApiErrors({ 409: ['contact_exists'] })
  async create(@ValidBody(createContactBody) body: z.infer<typeof createContactBody>): Promise<ContactView> {
    return contactView(await this.contacts.create(body));
  }

  @Get(':id')
  @RequirePermission('contacts.read')
  @ContactIdParam
  @ApiOperation({
    summary: 'A contact (audited PHI read); a merged one names the contact it was merged into',
  })
  @ApiZodResponse(200, contactDetailSchema, {
    description: 'The contact, with its standing SMS opt-out and email suppression (null when none)',
    example: { ...contactViewExample, ...addressBlocksExample },
  })
  @ApiErrors({ 404: ['not_found'] })
  async get(@IdParam('id', 'Contact') id: string): Promise<ContactDetail> {
    const { contact, blocks } = await this.contacts.get(id);
    return { ...contactView(contact), ...addressBlocksView(blocks) };
  }

  @Patch(':id')
  @RequirePermission('contacts.write')
  @ContactIdParam
  @ApiOperation({
    summary: 'Edit name, email, phone, date of birth, lead stage (null clears)',
    description:
      'A changed phone or email retires the old address: its live secure links and consent requests stop working.',
  })
  @ApiZodBody(updateContactBody)
  @ApiZodResponse(200, contactViewSchema, {
    description: 'The contact as changed',
    example: contactViewExample,
  })
  @ApiErrors({ 404: ['not_found'], 409: ['concurrent_change'] })
  async update(
    @IdParam('id', 'Contact') id: string,
    @ValidBody(updateContactBody) body: z.infer<typeof updateContactBody>,
  ): Promise<ContactView> {
    return contactView(await this.contacts.update(id, body));
  }

  @Post(':id/merge')
  @RequirePermission('contacts.write')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge otherContactId into this contact: conversations, messages and chat sessions move, consent records ' +
      'are copied (append-only); two open conversations become one; in one transaction, audited',
  })
  @ContactIdParam
  @ApiZodBody(mergeBody)
  @ApiZodResponse(200, mergeResultSchema, {
    description: 'What moved, and this contact',
    example: mergeResultExample,
  })
  @ApiErrors({
    404: ['not_found'],
    // contact_merged: either contact was merged already; concurrent_change: a race with another write, retry.
    409: ['contact_merged', 'concurrent_change'],
    422: ['cannot_merge_self'],
  })
  async merge(
    @IdParam('id', 'Contact') id: string,
    @ValidBody(mergeBody) body: z.infer<typeof mergeBody>,
  ): Promise<z.output<typeof mergeResultSchema>> {
    const other = body.otherContactId.toLowerCase();
    if (other === id) throw new AppError(422, 'cannot_merge_self', 'A contact cannot be merged into itself');
    return mergeView(await this.contacts.merge(id, other));
  }
}
