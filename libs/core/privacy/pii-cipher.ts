import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal information (PIPL) is stored encrypted with AES-256-GCM. Lookups by
 * phone or ID number use a keyed hash ("blind index") so the clear value never
 * needs to be in the database.
 */
export class PiiCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    this.encryptionKey = Buffer.from(
      hkdfSync('sha256', masterKey, Buffer.alloc(0), 'jipin-pii-encryption', 32),
    );
    this.indexKey = Buffer.from(
      hkdfSync('sha256', masterKey, Buffer.alloc(0), 'jipin-pii-index', 32),
    );
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split(':');
    if (version !== 'v1' || !iv || !tag || body === undefined)
      throw new Error('Unknown PII ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }

  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value.trim().toUpperCase()).digest('hex');
  }
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/** 张三丰 → 张**: enough to address the person, not to identify them. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length ? `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}` : '';
}

/**
 * 360822199001011234 → 3608*************4. Digits 7-14 are the birth date and
 * 15-17 the sequence with the gender, so the mask hides all of them: someone
 * who knows the birth date, gender and county is still left with about 45
 * numbers (the visible check digit removes only 10 in 11). Only the
 * province and prefecture, shared by the whole county, stay visible.
 */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 4)}${'*'.repeat(13)}${id.slice(17)}` : '****';
}
