import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './openapi.js';

export type { components, operations, paths } from './openapi.js';

/**
 * A client of the staff API typed from `docs/openapi.json` (`./openapi.ts` is generated from it
 * by `npm run openapi`): a path, a body or a response field the document does not have fails to
 * compile. `fetch` may be replaced (the e2e helpers answer it from an app in memory).
 */
export type ApiClient = Client<paths>;

export function createApiClient(options: ClientOptions): ApiClient {
  return createClient<paths>(options);
}
