import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, IdParam, type Principal, RequirePermission } from '@app/identity';
import { ApiZodBody, ValidBody } from '@app/observability';
import { CannedResponses } from '../canned/canned-responses.service.js';
import { PLACEHOLDERS, unknownPlaceholders } from '../canned/template.js';

const templateBody = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine((body) => unknownPlaceholders(body).length === 0, {
    message: `only these placeholders are allowed: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
  });
const title = z.string().trim().min(1).max(120);
const createBody = z.strictObject({ title, body: templateBody });
const updateBody = z
  .strictObject({ title: title.optional(), body: templateBody.optional() })
  .refine((b) => b.title !== undefined || b.body !== undefined, 'nothing to change');

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
  async list() {
    return { data: await this.canned.list() };
  }

  @Post()
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: 'Add a canned response (placeholders: {practiceName}, {staffFirstName})' })
  @ApiZodBody(createBody)
  create(@CurrentUser() actor: Principal, @ValidBody(createBody) body: z.infer<typeof createBody>) {
    return this.canned.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('practice.settings')
  @ApiZodBody(updateBody)
  update(
    @IdParam('id', 'Canned response') id: string,
    @ValidBody(updateBody) body: z.infer<typeof updateBody>,
  ) {
    return this.canned.update(id, body);
  }

  @Delete(':id')
  @RequirePermission('practice.settings')
  @HttpCode(204)
  async remove(@IdParam('id', 'Canned response') id: string): Promise<void> {
    await this.canned.remove(id);
  }

  @Post(':id/render')
  @RequirePermission('conversations.reply')
  @HttpCode(200)
  @ApiOperation({ summary: 'The template filled with the practice name and the caller’s first name' })
  render(@CurrentUser() actor: Principal, @IdParam('id', 'Canned response') id: string) {
    return this.canned.render(actor, id);
  }
}
