/**
 * Node flags every launch of the api uses (package.json `start:api`, docker/Dockerfile, the demo,
 * the benches; `node-flags.spec.ts` keeps them equal). A young generation of 64 MB: each request
 * allocates short-lived objects (framework pipeline, body, signature, SQL values), and with
 * V8's default the scavenger took a quarter of the api's CPU at webhook load
 * (`npm run bench webhooks`: 0.69 of the floor, p99 2x; with this flag 0.86, p99 1.3x).
 * It costs up to ~200 MB of address space per process, used only under load.
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'] as const;
