import { describe, expect, it } from 'vitest';
import { replyPreview, sanitizeEmailHtml, textFromHtml } from './email-body.js';

describe('replyPreview', () => {
  it.each([
    [
      'Gmail quote',
      'Sounds good.\n\nOn Tue, Nov 24, 2026 at 9:00 AM Clinic <a@b.c> wrote:\n> old',
      'Sounds good.',
    ],
    ['quote marks only', 'Yes\n> earlier text', 'Yes'],
    ['Outlook block', 'Fine\n\n-----Original Message-----\nFrom: Clinic', 'Fine'],
    ['Outlook header block', 'Thanks\n\nFrom: Clinic <a@b.c>\nSent: Monday', 'Thanks'],
    ['signature delimiter', 'See you then\n-- \nPat Example\n555-0100', 'See you then'],
    ['mobile footer', 'Ok!\n\nSent from my iPhone', 'Ok!'],
    ['nothing to trim', 'Line one\nLine two', 'Line one\nLine two'],
  ])('%s', (_name, text, preview) => {
    expect(replyPreview(text)).toBe(preview);
  });

  it('keeps the text when the whole message is a quote', () => {
    expect(replyPreview('> only a quote')).toBe('> only a quote');
  });
});

describe('sanitizeEmailHtml', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<svg><script>alert(1)</script></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<form action="https://evil.example"><input name=q></form>',
    '<scr<script>ipt>alert(1)</script>',
  ])('removes active content from %s', (html) => {
    const clean = sanitizeEmailHtml(html);
    expect(clean).not.toMatch(/<script|onerror|javascript:|<iframe|<form|<input|style=|<svg/i);
  });

  it('keeps text structure and safe links', () => {
    expect(sanitizeEmailHtml('<p>Hi <b>there</b> <a href="https://clinic.example">portal</a></p>')).toBe(
      '<p>Hi <b>there</b> <a href="https://clinic.example" rel="noopener noreferrer nofollow" target="_blank">portal</a></p>',
    );
  });
});

describe('textFromHtml', () => {
  it('gives readable text without script contents', () => {
    expect(textFromHtml('<p>Line&nbsp;one</p><p>Line &amp; two</p><script>x()</script>')).toBe(
      'Line one\nLine & two',
    );
  });
});
