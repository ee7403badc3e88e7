import { describe, expect, it } from 'vitest';
import { escapeHtml, neutralPage, threadPage, verifyPage } from './pages.js';
import { readableOnWhite } from './practice-branding.js';

const branding = { name: 'Riverside <Clinic>', color: '#1d4ed8', logo: null, requireDateOfBirth: false };
const frame = { nonce: 'n0nce', branding };

describe('patient pages', () => {
  it('escape everything they show (message bodies, practice names)', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
      '&#60;script&#62;&#34;x&#34; &#38; &#39;y&#39;&#60;/script&#62;',
    );
    const html = threadPage(frame, {
      token: 't',
      csrf: 'c',
      submissionId: 's',
      notice: null,
      messages: [
        { id: 'm', from: 'practice', body: '<img src=x onerror=alert(1)>', at: new Date(0), attachments: [] },
      ],
    });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('Riverside &#60;Clinic&#62;');
  });

  it("list a message's files by their escaped names and sizes, each a download link", () => {
    const attachment = {
      id: 'a1',
      messageId: 'm',
      position: 0,
      status: 'stored' as const,
      contentType: 'application/pdf',
      sizeBytes: 48_213,
      failureReason: null,
      fileName: '<b>results</b>.pdf',
    };
    const html = threadPage(frame, {
      token: 't',
      csrf: 'c',
      submissionId: 's',
      notice: null,
      messages: [
        { id: 'm', from: 'practice', body: 'Your results', at: new Date(0), attachments: [attachment] },
      ],
    });
    expect(html).toContain('<a href="/s/t/attachments/a1" download>&#60;b&#62;results&#60;/b&#62;.pdf</a>');
    expect(html).toContain('(47 KB)');
    expect(html).not.toContain('<b>results');
  });

  it('carry no script, label every field and load nothing from elsewhere', () => {
    const html = verifyPage(
      { ...frame, branding: { ...branding, requireDateOfBirth: true } },
      {
        token: 't',
        csrf: 'c',
        channel: 'sms',
        codeSent: true,
        needsDateOfBirth: true,
        error: null,
        notice: null,
      },
    );
    expect(html).not.toMatch(/<script|javascript:|https?:\/\//);
    for (const id of ['code', 'dateOfBirth']) expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('<style nonce="n0nce">');
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
  });

  it('show the same neutral page whoever the practice is', () => {
    expect(neutralPage(frame)).toBe(neutralPage({ nonce: 'n0nce', branding: null }));
    expect(neutralPage(frame)).not.toContain('Riverside');
  });

  it('accept a brand colour only when white text on it stays readable (WCAG AA)', () => {
    expect(readableOnWhite('#1d4ed8')).toBe(true);
    expect(readableOnWhite('#7c2d12')).toBe(true);
    expect(readableOnWhite('#fde047')).toBe(false);
    expect(readableOnWhite('red')).toBe(false);
  });
});
