import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * One AES-256-GCM box for every secret column. A sealed value is bound to its
 * context (e.g. `source:<id>:verification`) as associated data, so a ciphertext
 * copied into another row does not open there.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  /** `null` when the value no longer opens (the data key changed): treat it as unset. */
  open(sealed: string, context: string): string | null;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createSecretBox(dataKey: Buffer): SecretBox {
  if (dataKey.length !== 32) throw new Error('The data key must be 32 bytes (AES-256).');
  const key = Buffer.from(dataKey);
  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed, context) {
      const [version, payload] = sealed.split('.', 2);
      if (version !== VERSION || !payload) return null;
      const raw = Buffer.from(payload, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}
