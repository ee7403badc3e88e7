import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, IdParam, type Principal, RequirePermission } from '@app/identity';
import { ApiContentResponse, ApiErrors, ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import { CannedResponses } from '../canned/canned-responses.service.js';
import { PLACEHOLDERS, unknownPlaceholders } from '../canned/template.js';
import {
  cannedResponseExample,
  cannedResponseListSchema,
  cannedResponseSchema,
  renderedCannedResponseSchema,
} from './canned-response-views.js';

/** The service's view typed as the documented one: a renamed field fails to compile. */
type Documented = z.output<typeof cannedResponseSchema>;

/** A malformed id answers 404 like an unknown one (IdParam): documented as a uuid. */
const CannedIdParam = ApiParam({
  name: 'id',
  description: 'Canned response id',
  schema: { type: 'string', format: 'uuid' },
});
const NOT_FOUND = { 404: ['not_found'] };

const templateBody = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .meta({ description: `Placeholders allowed: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}; no others` })
  .refine((body) => unknownPlaceholders(body).length === 0, {
    message: `only these placeholders are allowed: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
  });
const title = z.string().trim().min(1).max(120);
const createBody = z.strictObject({ title, body: templateBody });
const updateBody = z
  .strictObject({ title: title.optional(), body: templateBody.optional() })
  .refine((b) => b.title !== undefined || b.body !== undefined, 'nothing to change')
  .meta({ minProperties: 1 });

/**
 * Practice-level reply templates. Placeholders are limited to {practiceName} and
 * {staffFirstName}, so a filled template never pulls patient data into a message.
 */
@ApiTags('canned-responses')
@Controller('v1/canned-responses')
export class CannedResponsesController {
  constructor(private readonly canned: CannedResponses) {}

  @Get()
  @RequirePermission('conversations.reply')
  @ApiOperation({ summary: 'The practice’s canned responses, by title' })
  @ApiZodResponse(200, cannedResponseListSchema, {
    description: 'The canned responses',
    example: { data: [cannedResponseExample] },
  })
  async list(): Promise<z.output<typeof cannedResponseListSchema>> {
    return { data: await this.canned.list() };
  }

  @Post()
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: 'Add a canned response (placeholders: {practiceName}, {staffFirstName})' })
  @ApiZodBody(createBody)
  @ApiZodResponse(201, cannedResponseSchema, { description: 'Added', example: cannedResponseExample })
  create(
    @CurrentUser() actor: Principal,
    @ValidBody(createBody) body: z.infer<typeof createBody>,
  ): Promise<Documented> {
    return this.canned.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('practice.settings')
  @CannedIdParam
  @ApiOperation({ summary: 'Change the title or the body of a canned response' })
  @ApiZodBody(updateBody)
  @ApiZodResponse(200, cannedResponseSchema, { description: 'Changed', example: cannedResponseExample })
  @ApiErrors(NOT_FOUND)
  update(
    @IdParam('id', 'Canned response') id: string,
    @ValidBody(updateBody) body: z.infer<typeof updateBody>,
  ): Promise<Documented> {
    return this.canned.update(id, body);
  }

  @Delete(':id')
  @RequirePermission('practice.settings')
  @HttpCode(204)
  @CannedIdParam
  @ApiOperation({ summary: 'Delete a canned response' })
  @ApiContentResponse(204, { description: 'Deleted' })
  @ApiErrors(NOT_FOUND)
  async remove(@IdParam('id', 'Canned response') id: string): Promise<void> {
    await this.canned.remove(id);
  }

  @Post(':id/render')
  @RequirePermission('conversations.reply')
  @HttpCode(200)
  @CannedIdParam
  @ApiOperation({ summary: 'The template filled with the practice name and the caller’s first name' })
  @ApiZodResponse(200, renderedCannedResponseSchema, {
    description: 'The filled template',
    example: {
      id: cannedResponseExample.id,
      text: 'Hi, this is Sam from Smile Dental: we are running about 15 minutes late today.',
    },
  })
  @ApiErrors(NOT_FOUND)
  render(
    @CurrentUser() actor: Principal,
    @IdParam('id', 'Canned response') id: string,
  ): Promise<z.output<typeof renderedCannedResponseSchema>> {
    return this.canned.render(actor, id);
  }
}
