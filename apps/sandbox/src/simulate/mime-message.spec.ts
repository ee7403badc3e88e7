import { describe, expect, it } from 'vitest';
import { bareAddress, buildMimeMessage } from './mime-message.js';

describe('buildMimeMessage', () => {
  it('builds multipart/alternative for text and HTML, with CRLF and one blank line after the headers', () => {
    const { raw, headerBlock } = buildMimeMessage({
      from: 'Patient <p@example.test>',
      to: 'inbox@clinic.test',
      subject: 'Hello',
      text: 'Plain\nsecond line',
      html: '<p>Hi</p>',
    });
    const [head, ...rest] = raw.split('\r\n\r\n');
    expect(head).toContain('Content-Type: multipart/alternative; boundary=');
    expect(head).toContain('From: "Patient" <p@example.test>');
    expect(rest.join('\r\n\r\n')).toContain('Plain\r\nsecond line');
    expect(headerBlock).toContain('Subject: Hello\n');
    expect(headerBlock).not.toContain('\r');
  });

  it('encodes non-ASCII subjects and bodies, and lets given headers override defaults', () => {
    const { raw } = buildMimeMessage({
      from: 'p@example.test',
      to: 'inbox@clinic.test',
      subject: 'Grüße',
      text: 'Grüße aus Köln',
      headers: { 'Message-ID': '<fixed@test>' },
    });
    expect(raw).toContain(`Subject: =?UTF-8?B?${Buffer.from('Grüße').toString('base64')}?=`);
    expect(raw).toContain('Content-Transfer-Encoding: base64');
    expect(raw.match(/^Message-ID: .*$/gm)).toEqual(['Message-ID: <fixed@test>']);
  });

  it('puts attachments in multipart/mixed as base64', () => {
    const { raw } = buildMimeMessage({
      from: 'p@example.test',
      to: 'inbox@clinic.test',
      subject: 'x',
      text: 'see attached',
      attachments: [{ filename: 'a.txt', contentType: 'text/plain', content: Buffer.from('hello') }],
    });
    expect(raw).toContain('Content-Type: multipart/mixed; boundary=');
    expect(raw).toContain('Content-Disposition: attachment; filename="a.txt"');
    expect(raw).toContain(Buffer.from('hello').toString('base64'));
  });
});

describe('bareAddress', () => {
  it('extracts the address from a display form', () => {
    expect(bareAddress('Clinic <inbox@clinic.test>')).toBe('inbox@clinic.test');
    expect(bareAddress(' inbox@clinic.test ')).toBe('inbox@clinic.test');
  });
});
