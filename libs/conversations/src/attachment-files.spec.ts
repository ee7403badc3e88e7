import { describe, expect, it } from 'vitest';
import { attachmentFileName, contentDisposition, servedContentType } from './attachment-files.js';

describe('attachment files', () => {
  it('serves only listed types as themselves, anything else as octet-stream', () => {
    expect(servedContentType('application/pdf')).toBe('application/pdf');
    expect(servedContentType('image/jpeg')).toBe('image/jpeg');
    for (const risky of [
      'text/html',
      'image/svg+xml',
      'application/javascript',
      'text/xml',
      'IMAGE/PNG',
      null,
    ])
      expect(servedContentType(risky)).toBe('application/octet-stream');
  });

  it("keeps the sender's name without path or control characters; names MMS media by place and type", () => {
    expect(attachmentFileName('Résultats.pdf', 0, 'application/pdf')).toBe('Résultats.pdf');
    expect(attachmentFileName('..\\..\\etc/passwd', 0, 'text/plain')).toBe('passwd');
    expect(attachmentFileName('a\r\nSet-Cookie: x.pdf', 0, 'application/pdf')).toBe('aSet-Cookie: x.pdf');
    expect(attachmentFileName(null, 0, 'image/jpeg')).toBe('attachment-1.jpg');
    expect(attachmentFileName('', 2, 'application/pdf')).toBe('attachment-3.pdf');
    expect(attachmentFileName('../', 1, 'video/x-unknown')).toBe('attachment-2');
    expect(attachmentFileName('x'.repeat(300), 0, null)).toHaveLength(255);
  });

  it('writes Content-Disposition as an attachment whose names cannot break out of the header', () => {
    expect(contentDisposition('scan.pdf')).toBe(`attachment; filename="scan.pdf"; filename*=UTF-8''scan.pdf`);
    const header = contentDisposition('Résumé "final"; v2\r\n.pdf');
    expect(header).toBe(
      `attachment; filename="R_sum___final___v2__.pdf"; ` +
        `filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%3B%20v2%0D%0A.pdf`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('Résumé "final"; v2\r\n.pdf');
    // RFC 8187 attr-char only: quote, parentheses and star are percent-encoded (encodeURIComponent keeps them).
    expect(contentDisposition(`it's (1)*.pdf`)).toContain(`filename*=UTF-8''it%27s%20%281%29%2A.pdf`);
  });
});
