import sanitizeHtml from 'sanitize-html';
import { nestsDeeperThan, textOfDeepHtml } from './html-nesting.js';

/**
 * What an email body becomes in the store: sanitized HTML (scripts, event handlers, remote
 * content and forms removed before anything is stored, so raw sender HTML can never be served),
 * a text body, and an inbox preview without the quoted thread and the signature.
 */

const SAFE_HTML: sanitizeHtml.IOptions = {
  // Text structure and links only: no images, media, forms, frames, styles or scripts.
  allowedTags: (
    'p br div span b strong i em u s sub sup small h1 h2 h3 h4 h5 h6 blockquote pre code hr ' +
    'ul ol li dl dt dd table thead tbody tfoot tr th td a'
  ).split(' '),
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  // No images at all: remote ones are tracking pixels; inline ones are kept as attachments.
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Script and style contents vanish with their tags instead of leaking in as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  transformTags: {
    a: (_tagName, attribs) => {
      // sanitize-html's URL check (launder) cuts `<!-- -->` out of an href one comment per pass
      // over the whole value, quadratic in their number; no real link holds one, so it is dropped.
      const { href, ...others } = attribs;
      const kept = href === undefined || href.includes('<!--') ? others : { ...others, href };
      return { tagName: 'a', attribs: { ...kept, rel: 'noopener noreferrer nofollow', target: '_blank' } };
    },
  },
};

/** Sanitized HTML, or '' for HTML nested deeper than any client renders (the text body remains). */
export function sanitizeEmailHtml(html: string): string {
  if (nestsDeeperThan(html)) return '';
  return sanitizeHtml(html, SAFE_HTML).trim();
}

/** Plain text of an HTML body, for emails that came without a text part. */
export function textFromHtml(html: string): string {
  const withBreaks = breakTagsToNewlines(html);
  const text = nestsDeeperThan(withBreaks)
    ? textOfDeepHtml(withBreaks, SAFE_HTML.nonTextTags ?? []).replace(/\u00a0/g, ' ')
    : decodeEntities(
        sanitizeHtml(withBreaks, {
          allowedTags: [],
          allowedAttributes: {},
          nonTextTags: SAFE_HTML.nonTextTags,
        }),
      );
  return trimSpacesBeforeNewlines(text)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * What `html.replace(/<\s*(br|\/p|\/div|\/li|\/tr|\/h[1-6])\b[^>]*>/gi, '\n')` does, in linear
 * time: that pattern rescans to the end of the input from every `<br` that has no `>` after it.
 */
const BREAK_TAG_NAME = /\s*(?:br|\/p|\/div|\/li|\/tr|\/h[1-6])\b/iy;
function breakTagsToNewlines(html: string): string {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let tagEnd = -1;
  for (let open = html.indexOf('<'); open !== -1;) {
    // The first `>` after `<` ends the candidate tag; one search serves every `<` before it.
    if (tagEnd < open) tagEnd = html.indexOf('>', open);
    if (tagEnd === -1) break;
    BREAK_TAG_NAME.lastIndex = open + 1;
    if (BREAK_TAG_NAME.test(html)) {
      parts.push(html.slice(copiedUpTo, open), '\n');
      copiedUpTo = tagEnd + 1;
      open = html.indexOf('<', copiedUpTo);
    } else {
      open = html.indexOf('<', open + 1);
    }
  }
  parts.push(html.slice(copiedUpTo));
  return parts.join('');
}

/** What `text.replace(/[ \t]+\n/g, '\n')` does, in linear time (the pattern is quadratic on a long run of spaces). */
function trimSpacesBeforeNewlines(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i++) lines[i] = trimEndSpacesAndTabs(lines[i]!);
  return lines.join('\n');
}

function trimEndSpacesAndTabs(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Lines where the quoted earlier message or the signature begins (common clients, en). */
const CUT_MARKERS: readonly RegExp[] = [
  /^On\s.{1,300}\swrote:\s*$/i, // Gmail, Apple Mail
  /^-{2,}\s*Original Message\s*-{2,}/i, // Outlook
  /^_{5,}\s*$/, // Outlook's rule above the quoted header block
  /^From:\s.+$/i, // Outlook quoted header block without the rule
  /^-- ?$/, // RFC 3676 signature delimiter
  /^Sent from my \w+/i,
  /^Get Outlook for /i,
];

/** The new part of a reply: everything before the quoted thread or the signature. */
export function replyPreview(text: string): string {
  const kept: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('>')) break;
    if (CUT_MARKERS.some((marker) => marker.test(line.trim()))) break;
    kept.push(line);
  }
  const preview = kept.join('\n').trim();
  // A message that is nothing but a quote keeps its text rather than an empty preview.
  return preview || text.trim();
}
