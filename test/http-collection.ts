/**
 * Reads and runs the `.http` request collections of docs/http/ the way VS Code REST Client does,
 * for the subset they use: `@var = value` file variables, `# @name` and `# @prompt` annotations,
 * `{{$timestamp}}`, and `{{name.response.body.$.path}}` / `{{name.request.body.$.path}}`.
 */

export interface HttpRequestSpec {
  /** The text after `###`. */
  title: string;
  /** 1-based line of the request line, for messages. */
  line: number;
  name?: string;
  prompts: string[];
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string;
}

export interface HttpFile {
  variables: Map<string, string>;
  requests: HttpRequestSpec[];
}

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)(?:\s+HTTP\/[\d.]+)?$/;
const COMMENT = /^\s*(?:#|\/\/)/;
const ANNOTATION = /^\s*(?:#|\/\/)\s*@(name|prompt)\s+(\S+)/;
const FILE_VARIABLE = /^@([A-Za-z0-9_.-]+)\s*=\s*(.*)$/;

export function parseHttpFile(text: string): HttpFile {
  const variables = new Map<string, string>();
  const requests: HttpRequestSpec[] = [];
  let current: HttpRequestSpec | null = null;
  let pending = { title: '', name: undefined as string | undefined, prompts: [] as string[] };
  let state: 'before' | 'headers' | 'body' = 'before';
  let bodyLines: string[] = [];

  const finish = () => {
    if (current) current.body = bodyLines.join('\n').trim();
    current = null;
    bodyLines = [];
    state = 'before';
  };

  text.split(/\r?\n/).forEach((line, index) => {
    if (line.startsWith('###')) {
      finish();
      pending = { title: line.slice(3).trim(), name: undefined, prompts: [] };
      return;
    }
    if (state === 'body') {
      bodyLines.push(line);
      return;
    }
    if (state === 'headers') {
      if (line.trim() === '') {
        state = 'body';
        return;
      }
      const colon = line.indexOf(':');
      if (colon <= 0) throw new Error(`line ${index + 1}: expected a header "Name: value", got "${line}"`);
      current!.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
      return;
    }
    const annotation = ANNOTATION.exec(line);
    if (annotation) {
      if (annotation[1] === 'name') pending.name = annotation[2];
      else pending.prompts.push(annotation[2]!);
      return;
    }
    if (line.trim() === '' || COMMENT.test(line)) return;
    const variable = FILE_VARIABLE.exec(line);
    if (variable) {
      variables.set(variable[1]!, variable[2]!.trim());
      return;
    }
    const request = REQUEST_LINE.exec(line.trim());
    if (!request) throw new Error(`line ${index + 1}: expected a request line "METHOD URL", got "${line}"`);
    current = {
      title: pending.title,
      line: index + 1,
      name: pending.name,
      prompts: pending.prompts,
      method: request[1]!,
      url: request[2]!,
      headers: [],
      body: '',
    };
    requests.push(current);
    state = 'headers';
  });
  finish();
  return { variables, requests };
}

/** Which server a request goes to (the `{{api}}` or `{{sandbox}}` its URL starts with) and its path. */
export function requestTarget(request: HttpRequestSpec): { server: string; path: string } {
  const match = /^\{\{(\w+)\}\}(\/[^?#]*)/.exec(request.url);
  if (!match) throw new Error(`line ${request.line}: the URL must start with {{api}} or {{sandbox}}`);
  return { server: match[1]!, path: match[2]! };
}

/**
 * Whether a route (`/v1/contacts/:id/consents`, `/2010-04-01/Accounts/:sid/Messages/:msid.json`)
 * answers this method and path, where `{{...}}` in the path stands for any one segment's worth.
 */
export function routeMatches(route: { method: string; path: string }, method: string, path: string): boolean {
  if (route.method !== method) return false;
  const pattern = route.path
    .split(/(:[A-Za-z0-9_]+)/)
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}/?$`).test(path.replace(/\{\{[^}]+\}\}/g, 'value'));
}

export interface Exchange {
  request: { headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

export interface RunOptions {
  /** File variables to replace (e.g. `api`, `sandbox`: the servers of this test). */
  variables?: Record<string, string>;
  /** The value a user would type for a `# @prompt`. */
  prompt: (name: string, request: HttpRequestSpec, done: Map<string, Exchange>) => Promise<string> | string;
  /** Named GET requests sent again (as a user would) until their answer satisfies this. */
  until?: Record<string, (exchange: Exchange) => boolean>;
  /** How long a value that is not there yet (or an `until`) may be waited for. */
  waitMs?: number;
}

/** A reference to an answer that exists, but without the value yet (the worker is still at it). */
class NotYet extends Error {
  constructor(readonly requestName: string) {
    super(`{{${requestName}...}} has no value yet`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends every request of the file in order; a 4xx/5xx answer throws, naming the request. */
export async function runHttpFile(file: HttpFile, options: RunOptions): Promise<Map<string, Exchange>> {
  const variables = new Map([...file.variables, ...Object.entries(options.variables ?? {})]);
  const done = new Map<string, Exchange>();
  const sent = new Map<string, { request: HttpRequestSpec; prompts: Map<string, string> }>();
  const waitMs = options.waitMs ?? 15_000;

  const resolve = (text: string, prompts: Map<string, string>, depth = 0): string =>
    text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
      if (depth > 10) throw new Error(`variables refer to each other in a loop at {{${expression}}}`);
      if (expression === '$timestamp') return String(Math.floor(Date.now() / 1000));
      const prompted = prompts.get(expression);
      if (prompted !== undefined) return prompted;
      const reference = /^(\w+)\.(request|response)\.(body|headers)\.(.+)$/.exec(expression);
      if (reference) {
        const [, name, side, part, path] = reference;
        const exchange = done.get(name!);
        if (!exchange) throw new Error(`{{${expression}}}: no request named ${name} was sent before`);
        const value =
          part === 'headers'
            ? exchange[side as 'request' | 'response'].headers[path!.toLowerCase()]
            : jsonPath(exchange[side as 'request' | 'response'].body, path!);
        if (value === undefined || value === null) throw new NotYet(name!);
        return typeof value === 'string' ? value : JSON.stringify(value);
      }
      const variable = variables.get(expression);
      if (variable === undefined) throw new Error(`{{${expression}}} is not defined`);
      return resolve(variable, prompts, depth + 1);
    });

  const send = async (request: HttpRequestSpec, prompts: Map<string, string>): Promise<Exchange> => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        const url = resolve(request.url, prompts);
        const headers = Object.fromEntries(
          request.headers.map(([k, v]) => [k.toLowerCase(), resolve(v, prompts)] as const),
        );
        const body = request.body ? resolve(request.body, prompts) : undefined;
        const res = await fetch(url, { method: request.method, headers, body, redirect: 'manual' });
        const text = await res.text();
        const exchange: Exchange = {
          request: { headers, body: parseJson(body) },
          response: {
            status: res.status,
            headers: Object.fromEntries(res.headers),
            body: res.headers.get('content-type')?.includes('json') ? parseJson(text) : text,
          },
        };
        if (res.status >= 400)
          throw new Error(
            `line ${request.line} "${request.title}": ${request.method} ${url} answered ${res.status} ${text}`,
          );
        return exchange;
      } catch (err) {
        // A value a later step needs is not in the answer yet: send the request that gives it
        // again, as a user would after a moment.
        if (!(err instanceof NotYet) || Date.now() > deadline) throw err;
        const source = sent.get(err.requestName);
        if (source?.request.method !== 'GET') throw err;
        await sleep(100);
        done.set(err.requestName, await send(source.request, source.prompts));
      }
    }
  };

  for (const request of file.requests) {
    const prompts = new Map<string, string>();
    for (const name of request.prompts) prompts.set(name, await options.prompt(name, request, done));
    let exchange = await send(request, prompts);
    const until = request.name ? options.until?.[request.name] : undefined;
    if (until) {
      const deadline = Date.now() + waitMs;
      while (!until(exchange)) {
        if (Date.now() > deadline) throw new Error(`line ${request.line} "${request.title}": waited in vain`);
        await sleep(100);
        exchange = await send(request, prompts);
      }
    }
    if (request.name) {
      done.set(request.name, exchange);
      sent.set(request.name, { request, prompts });
    }
  }
  return done;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `$.a.b[0].c` of a JSON value (the JSONPath subset the collections use). */
export function jsonPath(value: unknown, path: string): unknown {
  if (!path.startsWith('$')) throw new Error(`unsupported path ${path}: start it with $`);
  let current = value;
  for (const [, key, index] of path.slice(1).matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]/g)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key ?? index!];
  }
  return current;
}
