import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import { isTwilioHost, rebaseUrl } from '../base-url.js';

export interface TwilioClientOptions {
  accountSid: string;
  authToken: string;
  /** Where to send the requests that would go to *.twilio.com, e.g. the sandbox `http://127.0.0.1:4010`. */
  baseUrl?: string;
  /** Per-request timeout in milliseconds (twilio's default is 30 s). */
  timeoutMs?: number;
}

export type TwilioClient = twilio.Twilio;

/**
 * twilio-node's own HTTP client with one change: requests to Twilio hosts go to `baseUrl`.
 * Swapping the client (rather than patching URLs elsewhere) keeps every SDK code path real:
 * auth, form encoding, paging (`next_page_uri` is made absolute against api.twilio.com) and errors.
 */
export class RebasingTwilioRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    options?: RequestClient.RequestClientOptions,
  ) {
    super(options);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri);
    const uri = isTwilioHost(target.hostname) ? rebaseUrl(opts.uri, this.baseUrl) : opts.uri;
    return super.request({ ...opts, uri });
  }
}

/** A real twilio client; with `baseUrl` it talks to that host instead of api.twilio.com. */
export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const { accountSid, authToken, baseUrl, timeoutMs } = options;
  const httpClient = baseUrl ? new RebasingTwilioRequestClient(baseUrl, { timeout: timeoutMs }) : undefined;
  return twilio(accountSid, authToken, { httpClient, timeout: timeoutMs });
}
