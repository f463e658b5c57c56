import { existsSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`: the desktop app when Electron and the desktop shell are there;
 * otherwise one line saying why, and the same engine headless.
 */
const here = dirname(fileURLToPath(import.meta.url));
const appRoot = join(here, '..', '..');
const desktopEntry = join(appRoot, 'dist', 'desktop', 'main.js');

function electronBinary(): { path: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  // Read Electron's own record of its binary instead of requiring the package, which would try to download it.
  const pathFile = join(packageDir, 'path.txt');
  const binary = existsSync(pathFile) ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
  if (!binary || !existsSync(binary)) return { missing: 'its binary is not downloaded on this machine' };
  if (!existsSync(desktopEntry)) return { missing: 'the desktop shell is not built' };
  return { path: binary };
}

const electron = electronBinary();
if ('path' in electron) {
  // Electron runs the app folder: package.json's `main` points it at dist/desktop/main.js.
  const child = spawn(electron.path, [appRoot, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Electron cannot start here (${electron.missing}); running Hookferry headless instead.`);
  await import(new URL('./serve.js', import.meta.url).href);
}
