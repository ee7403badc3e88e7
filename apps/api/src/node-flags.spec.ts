import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_NODE_FLAGS } from './node-flags.js';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('API_NODE_FLAGS', () => {
  const flags = API_NODE_FLAGS.join(' ');

  it('are what npm run start:api passes', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts['start:api']).toContain(`node ${flags} `);
  });

  it("are what the api image's CMD passes", () => {
    const cmd = read('docker/Dockerfile')
      .split('\n')
      .filter((line) => line.startsWith('CMD ') && line.includes('dist/apps/api/main.js'));
    expect(cmd).toHaveLength(1);
    for (const flag of API_NODE_FLAGS) expect(cmd[0]).toContain(JSON.stringify(flag));
  });

  it('are what the demo starts the api with', () => {
    expect(read('scripts/demo.sh')).toContain(`api) flags="${flags}"`);
  });
});
