import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC (not esbuild) compiles the tests so Nest's decorator metadata exists.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
    globalSetup: ['./libs/testing/src/global-setup.ts'],
    // Logs and console output are printed only with a failing test (libs/testing/src/quiet-logs.ts);
    // TEST_LOGS=live prints them as they come. setup.ts holds every api response to the OpenAPI document.
    setupFiles: ['./libs/testing/src/quiet-logs.ts', './libs/testing/src/setup.ts'],
    silent: process.env.TEST_LOGS === 'live' ? false : 'passed-only',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
