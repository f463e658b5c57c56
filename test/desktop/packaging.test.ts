import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));

/** The PNG's width and height, from its IHDR chunk. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('packaging', () => {
  it('has an electron-builder.yml that electron-builder itself accepts, with the fuses and targets we promise', async () => {
    const builder = require('app-builder-lib/out/util/config/config') as {
      getConfig: (dir: string, path: string | null, options: null) => Promise<{ deb: { depends: string[] } }>;
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await builder.getConfig(root, null, null);
    await builder.validateConfiguration(config, new DebugLogger(false));
    expect(config).toMatchObject({
      appId: 'com.hookferry.app',
      productName: 'Hookferry',
      npmRebuild: true,
      electronFuses: {
        runAsNode: true,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableCookieEncryption: true,
      },
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
      mac: { target: ['dmg'] },
      linux: { target: ['AppImage', 'deb'] },
    });
    expect(config.deb.depends).toContain('libsecret-1-0');
  });

  it('ships an app icon and every tray icon, plain and as macOS template, at 1x and 2x', () => {
    const icons = join(root, 'main', 'desktop', 'icons');
    expect(pngSize(join(icons, 'app.png'))).toEqual([512, 512]);
    for (const state of ['ok', 'backlog', 'failing', 'paused', 'stopped']) {
      for (const variant of ['', 'Template']) {
        expect(pngSize(join(icons, `tray-${state}${variant}.png`))).toEqual([16, 16]);
        expect(pngSize(join(icons, `tray-${state}${variant}@2x.png`))).toEqual([32, 32]);
      }
    }
  });

  it('builds the entry package.json names, the preload and the engine entry the shell forks', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    for (const file of [pkg.main, 'dist/preload/preload.cjs', 'dist/main/serve.js', 'dist/renderer/index.html']) {
      expect(existsSync(join(root, file)), file).toBe(true);
    }
  });
});
