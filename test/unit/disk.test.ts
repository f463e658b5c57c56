import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freeBytes, isFull } from '../../main/lib/disk.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('disk room', () => {
  it('reads the room left on the disk holding a folder', () => {
    expect(freeBytes(tempDir())).toBeGreaterThan(0);
  });

  it('does not call a disk full when the folder cannot be looked at (a red banner would send the merchant to free space for nothing)', () => {
    const gone = join(tempDir(), 'not-there');
    expect(freeBytes(gone)).toBeNull();
    expect(isFull(gone)).toBe(false);
  });
});
