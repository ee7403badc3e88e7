import { describe, expect, it } from 'vitest';
import { SERVED_CONTENT_TYPES } from '../attachment-files.js';
import { UPLOAD_CONTENT_TYPES, checkUpload } from './staff-upload-files.js';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 ')]);
const HTML = Buffer.from('<html><script>alert(1)</script></html>');

describe('checkUpload (what staff may send a patient)', () => {
  it('takes each allowed type whose bytes begin as that type does', () => {
    expect(checkUpload('application/pdf', PDF)).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkUpload('image/png', PNG)).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkUpload('IMAGE/JPEG; name=x', JPEG)).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkUpload('image/gif', GIF)).toEqual({ ok: true, contentType: 'image/gif' });
    expect(checkUpload('image/webp', WEBP)).toEqual({ ok: true, contentType: 'image/webp' });
  });

  it('refuses a declared type that the bytes contradict', () => {
    expect(checkUpload('application/pdf', HTML)).toEqual({ ok: false, reason: 'content_mismatch' });
    expect(checkUpload('image/png', JPEG)).toEqual({ ok: false, reason: 'content_mismatch' });
    expect(checkUpload('image/jpeg', PDF)).toEqual({ ok: false, reason: 'content_mismatch' });
    expect(checkUpload('application/pdf', PDF.subarray(0, 3))).toEqual({
      ok: false,
      reason: 'content_mismatch',
    });
  });

  it('refuses types off the list (script-capable or unverifiable) and empty files', () => {
    for (const type of ['text/html', 'image/svg+xml', 'application/octet-stream', 'text/plain', ''])
      expect(checkUpload(type, PDF), type).toEqual({ ok: false, reason: 'unsupported_type' });
    expect(checkUpload('application/pdf', Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
  });

  it('allows only types a download is served as', () => {
    expect(UPLOAD_CONTENT_TYPES.length).toBeGreaterThan(0);
    for (const type of UPLOAD_CONTENT_TYPES) expect(SERVED_CONTENT_TYPES.has(type)).toBe(true);
  });
});
