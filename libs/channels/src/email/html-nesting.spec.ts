import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './html-nesting.js';

/**
 * The deepest htmlparser2's own (quadratic) parser goes on small input: its open-element stack
 * and its foreign-context stack (private fields, read here as the oracle).
 */
function parserDepth(html: string): number {
  let deepest = 0;
  const parser: Parser = new Parser({
    onopentag(_name, _attribs, isImplied) {
      // `</p>` without an open p is an implied <p></p>: no real level.
      if (isImplied) return;
      const internals = parser as unknown as { stack: string[]; foreignContext: boolean[] };
      deepest = Math.max(deepest, internals.stack.length, internals.foreignContext.length - 1);
    },
  });
  parser.write(html);
  parser.end();
  return deepest;
}

describe('nestsDeeperThan', () => {
  it('measures the depth htmlparser2 reaches', () => {
    const piece = fc.constantFrom(
      ...'div /div p /p li /li td tr table /table b /b svg /svg math title /title script /script textarea br /br option optgroup dd dt'
        .split(' ')
        .map((tag) => `<${tag}>`),
      '<x/>',
      '<svg/>',
      'text',
      '<!--',
      '-->',
      '</',
      '<',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(8), (pieces, limit) => {
        const html = pieces.join('');
        expect(nestsDeeperThan(html, limit)).toBe(parserDepth(html) > limit);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is linear: two million characters of nested tags', () => {
    expect(nestsDeeperThan('<b>'.repeat(2_000_000 / 3))).toBe(true);
    expect(nestsDeeperThan('<p>'.repeat(2_000_000 / 3))).toBe(false);
  });
});
