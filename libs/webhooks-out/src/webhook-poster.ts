import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

/** How much of a receiver's answer is read (then the connection is dropped): its body is never kept. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/** What one attempt left: never the response body (a receiver may echo PHI it looked up). */
export interface AttemptOutcome {
  delivered: boolean;
  statusCode: number | null;
  durationMs: number;
  /** Why it failed, as a fixed word: http_status, redirect_refused, timeout, connection_refused, ... */
  errorClass: string | null;
}

export interface PostRequest {
  url: URL;
  /** The vetted address the connection goes to (the URL's host stays the Host header and TLS name). */
  address: string;
  family: 4 | 6;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * POSTs one webhook: to the vetted address only, no redirect followed (3xx is a failure), one
 * deadline for the whole exchange, at most MAX_RESPONSE_BYTES of the answer read. A 2xx is
 * delivered.
 */
export function postWebhook(req: PostRequest): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
        { address: req.address, family: req.family },
      ]);
    else callback(null, req.address, req.family);
  };
  const client = req.url.protocol === 'https:' ? https : http;
  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<AttemptOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const request = client.request(req.url, {
      method: 'POST',
      lookup: pinned,
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(req.body)),
        'user-agent': 'inbox-webhooks/1',
        ...req.headers,
      },
    });
    const deadline = setTimeout(() => {
      finish({ delivered: false, statusCode: null, errorClass: 'timeout' });
      request.destroy();
    }, req.timeoutMs);
    request.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const answer = {
        delivered: status >= 200 && status < 300,
        statusCode: status,
        errorClass:
          status >= 200 && status < 300
            ? null
            : status >= 300 && status < 400
              ? 'redirect_refused'
              : 'http_status',
      };
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) {
          finish(answer);
          res.destroy();
          request.destroy();
        }
      });
      res.on('end', () => finish(answer));
      res.on('error', () => finish(answer));
      res.on('close', () => finish(answer));
    });
    request.on('error', (err: NodeJS.ErrnoException) =>
      finish({ delivered: false, statusCode: null, errorClass: errorClassOf(err) }),
    );
    request.end(req.body);
  });
}

/** A network failure as a fixed word (never its message: it may name the host). */
export function errorClassOf(err: NodeJS.ErrnoException): string {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection_reset';
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return 'timeout';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'unreachable';
  if (
    code.startsWith('ERR_TLS') ||
    code.includes('CERT') ||
    code.startsWith('ERR_SSL') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
  )
    return 'tls';
  return 'network';
}
