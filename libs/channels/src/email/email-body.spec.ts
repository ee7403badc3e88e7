import fc from 'fast-check';
import sanitizeHtml from 'sanitize-html';
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

/** The patterns textFromHtml used before issue 19, as the oracle for normal input. */
function textFromHtmlByRegex(html: string): string {
  const withBreaks = html.replace(/<\s*(br|\/p|\/div|\/li|\/tr|\/h[1-6])\b[^>]*>/gi, '\n');
  const text = sanitizeHtml(withBreaks, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  });
  return text
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The size limit of an email body (inbound-parse.ts): every input below is at full size. */
const MAX_BODY_CHARS = 2_000_000;

describe('textFromHtml on hostile input (issue 19: linear time, no event-loop freeze)', () => {
  it('gives the same text as the old patterns for ordinary markup', () => {
    const fragment = fc.constantFrom(
      '<br>',
      '<BR/>',
      '< br class="x">',
      '</p>',
      '</P >',
      '</div>',
      '</li>',
      '</tr>',
      '</h3>',
      '</pre>',
      '<brx>',
      '<p>',
      '<b>',
      '</b>',
      '<',
      '>',
      ' ',
      '\t',
      '\n',
      '\r\n',
      '&nbsp;',
      '&amp;',
      'word',
      '<script>x()</script>',
      '<!-- c -->',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const html = parts.join('');
        expect(textFromHtml(html)).toBe(textFromHtmlByRegex(html));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['spaces without a newline', `<p>a${' '.repeat(MAX_BODY_CHARS)}b</p>`],
    ['tabs and spaces without a newline', `a${' \t'.repeat(MAX_BODY_CHARS / 2)}b`],
    ['"<br" without ">"', '<br'.repeat(MAX_BODY_CHARS / 3)],
    ['"</h1" without ">"', '</h1'.repeat(MAX_BODY_CHARS / 4)],
    ['"<" then whitespace', `<${' '.repeat(MAX_BODY_CHARS)}`],
    ['nested tags', '<b>'.repeat(MAX_BODY_CHARS / 3)],
    [
      'unmatched end tags under the deepest allowed nesting',
      `${'<b>'.repeat(500)}${'</i>'.repeat(MAX_BODY_CHARS / 4)}`,
    ],
    ['end tags hidden in <script>', '<div><script></div></script>'.repeat(MAX_BODY_CHARS / 28)],
    ['SVG contexts closed from outside', '<div><svg></div>'.repeat(MAX_BODY_CHARS / 16)],
  ])('finishes on %s', (_name, html) => {
    expect(typeof textFromHtml(html)).toBe('string');
  });

  it('keeps the text of HTML too deeply nested to parse, without script contents', () => {
    const html = `${'<div>'.repeat(1_000)}Hello &amp; welcome<script>steal()</script>${'</div>'.repeat(1_000)}`;
    expect(textFromHtml(html)).toBe('Hello & welcome');
  });
});

describe('sanitizeEmailHtml on hostile input (issue 19)', () => {
  it.each([
    ['nested tags', '<b>'.repeat(MAX_BODY_CHARS / 3)],
    ['unknown nested tags', '<x>'.repeat(MAX_BODY_CHARS / 3)],
    [
      'unmatched end tags under the deepest allowed nesting',
      `${'<b>'.repeat(500)}${'</i>'.repeat(MAX_BODY_CHARS / 4)}`,
    ],
    ['end tags hidden in <script>', '<div><script></div></script>'.repeat(MAX_BODY_CHARS / 28)],
    ['SVG contexts closed from outside', '<div><svg></div>'.repeat(MAX_BODY_CHARS / 16)],
    ['comments in a link', `<a href="${'<!---->'.repeat(MAX_BODY_CHARS / 7)}">x</a>`],
    ['a long run of spaces', `<p>a${' '.repeat(MAX_BODY_CHARS)}b</p>`],
  ])('finishes on %s', (_name, html) => {
    expect(typeof sanitizeEmailHtml(html)).toBe('string');
  });

  it('drops a link target that hides HTML comments (an evasion, and quadratic in sanitize-html)', () => {
    expect(sanitizeEmailHtml('<a href="java<!-- x -->script:alert(1)">x</a>')).toBe(
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
  });

  it('keeps no HTML nested deeper than clients render (the text body still holds the words)', () => {
    expect(sanitizeEmailHtml(`${'<div>'.repeat(1_000)}Hello`)).toBe('');
    expect(sanitizeEmailHtml(`${'<div>'.repeat(100)}Hello`)).toBe(
      `${'<div>'.repeat(100)}Hello${'</div>'.repeat(100)}`,
    );
  });
});

describe('replyPreview on hostile input (issue 19)', () => {
  it.each([
    ['one long line of dashes', '-'.repeat(MAX_BODY_CHARS)],
    ['one long line of underscores then text', `${'_'.repeat(MAX_BODY_CHARS)} x`],
    ['a From: line ending in CR', `From: ${'a'.repeat(MAX_BODY_CHARS)}\r`],
    ['an On ... wrote: line', `On ${' wrote:'.repeat(MAX_BODY_CHARS / 7)}x`],
    ['many short lines', 'a\n'.repeat(MAX_BODY_CHARS / 2)],
  ])('finishes on %s', (_name, text) => {
    expect(typeof replyPreview(text)).toBe('string');
  });
});
