import type { FastifyReply, FastifyRequest } from 'fastify';

/** Comment lines keep proxies and load balancers from closing an idle stream. */
export const SSE_HEARTBEAT_MS = 15_000;

export interface SseStream {
  send(event: { id?: string; event: string; data: unknown }): void;
  close(): void;
  /** Called once, when the client goes away or the server closes the stream. */
  onClose(handler: () => void): void;
}

export interface SseStreamOptions {
  /** When the stream ends (ms since the epoch), e.g. its credential's expiry. */
  closeAt?: number;
  /** Runs with every heartbeat while the stream is open (renews the stream's slot in its limits). */
  onHeartbeat?: () => void;
}

/**
 * A text/event-stream answer: heartbeats, and an optional deadline (the access token's expiry)
 * after which the stream ends, so a stream never outlives its credential. The route hands the
 * answer over (Fastify's reply.hijack) and writes the Node response itself; the headers the
 * pipeline set on it (request id, helmet's) are kept.
 */
export function openSseStream(
  _req: FastifyRequest,
  reply: FastifyReply,
  opts: SseStreamOptions = {},
): SseStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(': connected\n\n');

  const handlers: Array<() => void> = [];
  let closed = false;
  const heartbeat = setInterval(() => {
    res.write(': ping\n\n');
    opts.onHeartbeat?.();
  }, SSE_HEARTBEAT_MS);
  const remaining = opts.closeAt === undefined ? undefined : Math.max(0, opts.closeAt - Date.now());
  const deadline = remaining === undefined ? undefined : setTimeout(() => close(), remaining);

  function close(): void {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    if (deadline) clearTimeout(deadline);
    for (const handler of handlers.splice(0)) handler();
    res.end();
  }
  // The response's 'close' is the client going away; the request's may fire as soon as its
  // (empty) body has been read, which would end a fresh stream at random.
  res.on('close', close);
  // A client that left while the request was being authorised closed the answer already: no
  // 'close' will come, and the stream (its heartbeat, subscription and slot) would live on.
  if (res.closed) close();

  return {
    send(event) {
      if (closed) return;
      const lines = [
        event.id ? `id: ${event.id}` : null,
        `event: ${event.event}`,
        `data: ${JSON.stringify(event.data)}`,
      ];
      res.write(`${lines.filter((l) => l !== null).join('\n')}\n\n`);
    },
    close,
    onClose(handler) {
      if (closed) handler();
      else handlers.push(handler);
    },
  };
}
