import {
  type CallHandler,
  Controller,
  type ExecutionContext,
  HttpCode,
  Injectable,
  Post,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FileInterceptor } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import { CurrentUser, type Principal, RequirePermission } from '@app/identity';
import { ApiErrors, ApiZodResponse, AppError, hasMediaType, readMultipart } from '@app/observability';
import { fileRequired, fileTooLarge } from '../conversations.errors.js';
import { UploadAttachment } from '../uploads/upload-attachment.js';
import {
  MAX_UPLOAD_BYTES,
  UPLOAD_CONTENT_TYPES,
  UPLOAD_LIFETIME_SECONDS,
} from '../uploads/staff-upload-files.js';

export const uploadedFileSchema = z.object({
  id: z.uuid().meta({ description: 'Name it in `attachmentIds` of a reply or a first message' }),
  fileName: z.string().meta({ description: 'The file name as stored (path and control characters removed)' }),
  contentType: z.enum(UPLOAD_CONTENT_TYPES as [string, ...string[]]),
  size: z.number().int().min(1).meta({ description: 'Bytes' }),
});

/**
 * Reads the one `file` part into memory, up to the upload limit: a larger file answers 413
 * file_too_large, anything malformed 400 invalid_multipart (busboy's messages may quote field
 * names: fixed texts instead). A body that is not multipart goes on unread (the handler answers 415).
 */
const Upload = FileInterceptor('file', {
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0, parts: 1, fieldNameSize: 100 },
});

@Injectable()
export class StaffUploadInterceptor extends Upload {
  override intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    return readMultipart(
      context,
      next,
      async () => super.intercept(context, next),
      () => fileTooLarge(MAX_UPLOAD_BYTES),
    );
  }
}

interface MultipartFile {
  originalname: string;
  mimetype: string;
  buffer?: Buffer;
}

const LIFETIME_HOURS = UPLOAD_LIFETIME_SECONDS / 3600;
const MAX_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

/** Files out: staff upload a file to send to a patient through the secure link. */
@ApiTags('conversations')
@Controller('v1/attachments')
export class AttachmentUploadsController {
  constructor(private readonly upload: UploadAttachment) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('conversations.reply')
  @UseInterceptors(StaffUploadInterceptor)
  @ApiOperation({
    summary: 'Upload a file to attach to a reply or a first message',
    description:
      `multipart/form-data with one part \`file\` (at most ${MAX_MB} MB; ${UPLOAD_CONTENT_TYPES.join(', ')}, ` +
      'its first bytes matching the declared type). Stored encrypted; it reaches a patient only through the ' +
      `secure link (POST /v1/conversations/{id}/replies with attachmentIds). Unclaimed after ${LIFETIME_HOURS} h ` +
      'it expires (refused when attached, then erased).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The file, with its Content-Type' },
      },
    },
  })
  @ApiZodResponse(201, uploadedFileSchema, {
    description: 'Stored; not yet attached to any message',
    example: {
      id: '7d0c2a8e-3f1b-4c5d-9e6f-1a2b3c4d5e6f',
      fileName: 'lab-results.pdf',
      contentType: 'application/pdf',
      size: 48213,
    },
  })
  @ApiErrors({
    400: ['file_required', 'invalid_multipart'],
    413: ['file_too_large'],
    415: ['unsupported_media_type', 'unsupported_file_type'],
    422: ['file_content_mismatch'],
  })
  async create(
    @CurrentUser() user: Principal,
    @Req() req: FastifyRequest,
  ): Promise<z.output<typeof uploadedFileSchema>> {
    if (!hasMediaType(req, 'multipart/form-data'))
      throw new AppError(415, 'unsupported_media_type', 'Upload the file as multipart/form-data');
    const file = (req as FastifyRequest & { file?: MultipartFile }).file;
    if (!file?.buffer) throw fileRequired();
    return this.upload.execute(user.userId, {
      declaredType: file.mimetype,
      originalName: file.originalname,
      content: file.buffer,
    });
  }
}
