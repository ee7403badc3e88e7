import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/**
 * htmlparser2 (under sanitize-html) keeps its open elements at the front of an array, so each
 * start tag and each unmatched end tag costs the current depth: a body of nested tags parses in
 * quadratic time (2 MB of `<b>` held the event loop for 8 minutes). Chrome's parser flattens
 * anything deeper than 512 levels, so no real email renders deeper; beyond that we do not hand
 * the HTML to the parser at all.
 */
export const MAX_HTML_NESTING = 512;

// htmlparser2's own tables (Parser.js, htmlparser2 10), so the depth measured below is the
// depth its parser would reach: the same tokenizer, the same implied ends, void elements and
// foreign (SVG/MathML) contexts, only on a stack that costs O(1) per step.
const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((tag) => [tag, FORM] as const),
  ...['dd', 'dt'].map((tag) => [tag, DD_DT] as const),
  ...['rt', 'rp'].map((tag) => [tag, RT_RP] as const),
  ...['tbody', 'tfoot'].map((tag) => [tag, TABLE_SECTION] as const),
  ...(
    'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure ' +
    'footer form header hr main nav ol pre section table ul'
  )
    .split(' ')
    .map((tag) => [tag, P] as const),
]);
const VOID_ELEMENTS = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
const FOREIGN_CONTEXT = new Set(['math', 'svg']);
const HTML_INTEGRATION = new Set([
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignobject',
  'desc',
  'title',
]);

const IGNORED: Omit<TokenizerCallbacks, 'onopentagname' | 'onclosetag' | 'onselfclosingtag'> = {
  onattribdata() {},
  onattribentity() {},
  onattribend() {},
  onattribname() {},
  oncdata() {},
  oncomment() {},
  ondeclaration() {},
  onend() {},
  onopentagend() {},
  onprocessinginstruction() {},
  ontext() {},
  ontextentity() {},
};

/** Whether htmlparser2 would hold more than `limit` open elements (or foreign contexts) at once. */
export function nestsDeeperThan(html: string, limit = MAX_HTML_NESTING): boolean {
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const foreign: boolean[] = [false];
  let tagName = '';
  let tooDeep = false;

  const pop = (): string => {
    const name = stack.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    return name;
  };
  const open = (name: string): void => {
    tagName = name;
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes) while (stack.length > 0 && closes.has(stack.at(-1)!)) pop();
    if (VOID_ELEMENTS.has(name)) return;
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (FOREIGN_CONTEXT.has(name)) foreign.push(true);
    else if (HTML_INTEGRATION.has(name)) foreign.push(false);
    if (stack.length > limit || foreign.length - 1 > limit) {
      tooDeep = true;
      tokenizer.pause();
    }
  };
  const close = (name: string): void => {
    if (FOREIGN_CONTEXT.has(name) || HTML_INTEGRATION.has(name)) foreign.pop();
    // An unmatched end tag changes nothing (htmlparser2's implied <p></p> for `</p>` is net zero).
    if (VOID_ELEMENTS.has(name) || !openCount.get(name)) return;
    while (pop() !== name);
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ...IGNORED,
      onopentagname: (start, end) => open(html.slice(start, end).toLowerCase()),
      onclosetag: (start, end) => close(html.slice(start, end).toLowerCase()),
      // In SVG/MathML `<x/>` closes itself; in HTML the slash is ignored.
      onselfclosingtag: () => {
        if (foreign.at(-1) && stack.at(-1) === tagName) pop();
      },
    },
  );
  tokenizer.write(html);
  if (!tooDeep) tokenizer.end();
  return tooDeep;
}

/**
 * Plain text of HTML too deeply nested for the parser, from the tokenizer alone (linear): text
 * and decoded entities, without the contents of elements that hold no text (script, style...).
 */
export function textOfDeepHtml(html: string, nonTextTags: readonly string[]): string {
  const skipped = new Set(nonTextTags);
  const parts: string[] = [];
  let skipDepth = 0;
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ...IGNORED,
      onopentagname: (start, end) => {
        if (skipped.has(html.slice(start, end).toLowerCase())) skipDepth++;
      },
      onclosetag: (start, end) => {
        if (skipDepth > 0 && skipped.has(html.slice(start, end).toLowerCase())) skipDepth--;
      },
      onselfclosingtag: () => {},
      ontext: (start, end) => {
        if (skipDepth === 0) parts.push(html.slice(start, end));
      },
      ontextentity: (codePoint) => {
        if (skipDepth === 0) parts.push(String.fromCodePoint(codePoint));
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return parts.join('');
}
