import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import type { UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * One config, three builds, chosen by `--mode` (and the test run's settings under `test`):
 * - (default) the dashboard, React, to dist/renderer;
 * - `main`: the engine's entries (serve, start, checkpoint worker) for plain Node, to dist/main;
 * - `preload`: the Electron preload, one CommonJS file (sandboxed preloads cannot load ESM).
 * Runtime dependencies stay external: better-sqlite3 is native and must be loaded from node_modules.
 */
const external = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), ...Object.keys(pkg.dependencies), 'electron'];

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'test') {
    return {
      test: {
        include: ['test/**/*.test.ts'],
        testTimeout: 30_000,
        hookTimeout: 30_000,
        // Process and browser tests each start their own engine; two at a time suits two cores.
        maxWorkers: 2,
      },
    };
  }
  if (mode === 'main') {
    return {
      build: {
        ssr: true,
        outDir: 'dist/main',
        emptyOutDir: true,
        target: 'node20',
        sourcemap: true,
        rollupOptions: {
          input: { serve: 'main/cli/serve.ts', start: 'main/cli/start.ts', 'checkpoint-worker': 'main/store/checkpoint-worker.ts' },
          external: (id: string) => external.some((name) => id === name || id.startsWith(`${name}/`)),
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    };
  }
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
    plugins: [react()],
    build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'es2022' },
  };
});
