import {
  Controller,
  Get,
  Headers,
  NotFoundException,
  Param,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { Response } from 'express';
import { parseBasicAuth } from '../twilio/twilio-basic-auth.js';
import { MediaStore } from './media-store.service.js';

@Controller('sandbox/media')
export class MediaController {
  constructor(private readonly media: MediaStore) {}

  /** The media bytes, for the account's own Basic credentials only (like Twilio's protected media). */
  @Get(':id')
  get(
    @Param('id') id: string,
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): void {
    const media = this.media.get(id);
    if (!media) throw new NotFoundException(`No media ${id}.`);
    const credentials = parseBasicAuth(authorization);
    if (credentials?.username !== media.accountSid || credentials.password !== media.authToken) {
      response.setHeader('WWW-Authenticate', 'Basic realm="Twilio API"');
      throw new UnauthorizedException('Media requires the account sid and auth token as Basic credentials.');
    }
    response.status(200).type(media.contentType).send(media.content);
  }
}
