import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import type { Plugin, UserConfig } from 'vite';
import { dashboardCsp } from './main/admin/dashboard-headers.js';
import { VITE_DEV_PORT } from './main/cli/dev-origin.js';
import pkg from './package.json' with { type: 'json' };

/** Where `npm run dev` runs the engine: fixed, so Vite's proxy knows it. */
export const DEV_ADMIN_PORT = 8791;

/**
 * The built dashboard also carries its CSP as a meta tag, for wherever it is
 * opened without the headers. Only in the build: Vite's dev server needs an
 * inline script for hot reload, which this policy forbids.
 */
const cspMeta: Plugin = {
  name: 'hookferry-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        // The desktop window's page calls the engine on a loopback port.
        content: dashboardCsp(['http://127.0.0.1:*', 'http://localhost:*'], 'meta'),
      },
      injectTo: 'head-prepend',
    },
  ],
};

/**
 * One config, three builds, chosen by `--mode` (and the test run's settings under `test`):
 * - (default) the dashboard, React, to dist/renderer;
 * - `main`: the engine's entries (serve, start, checkpoint worker) for plain Node, to dist/main;
 * - `desktop`: the Electron main process (main/desktop), ESM, to dist/desktop;
 * - `preload`: the Electron preload, one CommonJS file (sandboxed preloads cannot load ESM).
 * Runtime dependencies stay external: better-sqlite3 is native and must be loaded from node_modules.
 */
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies),
  'electron',
];

/**
 * Test files that fill the machine on purpose: hundreds of MB of bodies written, zipped and streamed, floods of
 * uploads, bodies that take the engine's thread for seconds, answers of 300 MB.
 */
const MACHINE_FILLING = [
  'test/engine/xlsx-export.test.ts',
  'test/engine/body-budget.test.ts',
  'test/engine/large-bodies.test.ts',
  'test/engine/hostile-delivery.test.ts',
  'test/engine/expression-cost.test.ts',
  'test/engine/export-limits.test.ts',
  'test/engine/export-fair.test.ts',
];

/** An ES module build for Node or Electron's main process, dependencies left to node_modules. */
function esmBuild(outDir: string, input: Record<string, string>, target: string): UserConfig {
  return {
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target,
      sourcemap: true,
      rollupOptions: {
        input,
        external: (id: string) => external.some((name) => id === name || id.startsWith(`${name}/`)),
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'test') {
    // The Electron smoke test needs the Electron binary: it runs only where HOOKFERRY_ELECTRON is set (the installers workflow).
    const electron = Boolean(process.env.HOOKFERRY_ELECTRON);
    return {
      test: {
        testTimeout: 30_000,
        hookTimeout: 30_000,
        // A poll waits for the dashboard to catch up with the engine; on a loaded two-core machine that can take seconds.
        expect: { poll: { timeout: 10_000 } },
        // Process and browser tests each start their own engine; two at a time suits two cores.
        maxWorkers: 2,
        projects: electron
          ? [{ extends: true, test: { name: 'electron', include: ['test/electron/**/*.test.ts'] } }]
          : [
              {
                extends: true,
                test: {
                  name: 'all',
                  include: ['test/**/*.test.ts'],
                  exclude: ['test/electron/**', ...MACHINE_FILLING],
                },
              },
              // Each of these keeps both cores busy for tens of seconds: beside a browser test, that page then could
              // not follow a click or a link within the test's time. They run after the others, one at a time.
              {
                extends: true,
                test: {
                  name: 'machine-filling',
                  include: MACHINE_FILLING,
                  fileParallelism: false,
                  sequence: { groupOrder: 1 },
                },
              },
            ],
      },
    };
  }
  if (mode === 'main') {
    return esmBuild(
      'dist/main',
      {
        serve: 'main/cli/serve.ts',
        start: 'main/cli/start.ts',
        'checkpoint-worker': 'main/store/checkpoint-worker.ts',
        'transform-child': 'main/delivery/transform-child.ts',
        'body-child': 'main/intake/body-child.ts',
      },
      'node20',
    );
  }
  if (mode === 'desktop') return esmBuild('dist/desktop', { main: 'main/desktop/main.ts' }, 'node22');
  if (mode === 'preload') {
    return {
      build: {
        ssr: true,
        outDir: 'dist/preload',
        emptyOutDir: true,
        target: 'node20',
        rollupOptions: {
          input: { preload: 'preload/index.ts' },
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    };
  }
  return {
    root: 'renderer',
    base: './',
    plugins: [react(), cspMeta],
    build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'es2022' },
    // `npm run dev`: the dashboard with hot reload; its API calls go to the dev engine, same-origin for the page.
    server: {
      port: VITE_DEV_PORT,
      strictPort: true,
      proxy: { '/api': { target: `http://127.0.0.1:${DEV_ADMIN_PORT}`, changeOrigin: true } },
    },
  };
});
