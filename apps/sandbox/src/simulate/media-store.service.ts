import { Injectable } from '@nestjs/common';
import { twilioSid } from '../common/ids.js';

export interface StoredMedia {
  id: string;
  contentType: string;
  content: Buffer;
  /** Twilio media can require HTTP Basic auth with the account's credentials; so does the sandbox. */
  accountSid: string;
  authToken: string;
}

const MAX_MEDIA_ITEMS = 1000;

/** MMS attachments of simulated inbound messages, served at `/sandbox/media/:id`. */
@Injectable()
export class MediaStore {
  private readonly items = new Map<string, StoredMedia>();

  add(media: Omit<StoredMedia, 'id'>): StoredMedia {
    const stored = { ...media, id: twilioSid('ME') };
    this.items.set(stored.id, stored);
    // Maps iterate in insertion order, so the first key is the oldest.
    if (this.items.size > MAX_MEDIA_ITEMS) {
      const oldest = this.items.keys().next().value;
      if (oldest !== undefined) this.items.delete(oldest);
    }
    return stored;
  }

  get(id: string): StoredMedia | undefined {
    return this.items.get(id);
  }
}

/** A 1x1 transparent PNG: the stand-in picture when a test only asks for a number of media. */
export const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
