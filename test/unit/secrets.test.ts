import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeySource } from '../../main/secrets/key-source.js';
import { createSecretBox } from '../../main/secrets/secret-box.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox(randomBytes(32));

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = box.seal('shpss_very-secret', 'source:a:verification');
    expect(sealed).not.toContain('shpss_very-secret');
    expect(box.open(sealed, 'source:a:verification')).toBe('shpss_very-secret');
  });

  it('seals the same secret differently each time (random IV)', () => {
    expect(box.seal('x', 'c')).not.toBe(box.seal('x', 'c'));
  });

  it('refuses a value moved to another row, a tampered value, and another key', () => {
    const sealed = box.seal('hunter2', 'source:a:verification');
    expect(box.open(sealed, 'source:b:verification')).toBeNull();
    const tampered = `${sealed.slice(0, -4)}AAAA`;
    expect(box.open(tampered, 'source:a:verification')).toBeNull();
    expect(createSecretBox(randomBytes(32)).open(sealed, 'source:a:verification')).toBeNull();
  });

  it('insists on a 256-bit key', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('key file', () => {
  it('creates a 256-bit key readable only by the user, and returns the same key afterwards', async () => {
    const path = join(tempDir(), 'secret.key');
    const first = await fileKeySource(path).load();
    expect(first).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await fileKeySource(path).load()).equals(first)).toBe(true);
  });

  it('says plainly when the key file is damaged', async () => {
    const path = join(tempDir(), 'secret.key');
    writeFileSync(path, 'not a key');
    await expect(fileKeySource(path).load()).rejects.toThrow(/damaged/);
    expect(readFileSync(path, 'utf8')).toBe('not a key');
  });
});
