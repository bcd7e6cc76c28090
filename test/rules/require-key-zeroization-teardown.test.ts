import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Key fields a class forgets at teardown (decision 83): a class whose `close()`/`destroy()`/`[Symbol.dispose]()`
// wipes some of the key bytes it holds on `this` leaves any other key field alive past the object. Key fields
// with no wiping teardown at all stay escapes (decision 19), and a field any method wipes is not forgotten.
const channel = `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

export class FeedChannel {
  private readonly encKey = randomBytes(32);
  private readonly macKey = randomBytes(32);

  push(update: object, iv: Buffer): Buffer {
    const c = createCipheriv('aes-256-ctr', this.encKey, iv);
    const body = Buffer.concat([iv, c.update(JSON.stringify(update)), c.final()]);
    const tag = createHmac('sha256', this.macKey).update(body).digest();
    return Buffer.concat([body, tag]);
  }

  close(): void {
    this.encKey.fill(0);
  }
}
`;
const sessionKeys = `import { hkdfSync, createCipheriv, createHmac } from 'node:crypto';

export class SessionKeys implements Disposable {
  #encKey: Buffer;
  #macKey: Buffer;

  constructor(master: Buffer, salt: Buffer) {
    this.#encKey = Buffer.from(hkdfSync('sha256', master, salt, 'enc', 32));
    this.#macKey = Buffer.from(hkdfSync('sha256', master, salt, 'mac', 32));
  }

  seal(data: Buffer, iv: Buffer): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, iv);
    return Buffer.concat([cipher.update(data), cipher.final()]);
  }

  tag(data: Buffer): Buffer {
    return createHmac('sha256', this.#macKey).update(data).digest();
  }

  [Symbol.dispose](): void {
    this.#macKey.fill(0);
  }
}
`;
const wipedByHelper = `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

export class Channel {
  private readonly encKey = randomBytes(32);
  private readonly macKey = randomBytes(32);
  private readonly counterSeed = randomBytes(16);

  push(update: string, iv: Buffer): Buffer {
    const c = createCipheriv('aes-256-ctr', this.encKey, iv);
    const body = Buffer.concat([c.update(update), c.final()]);
    return Buffer.concat([body, createHmac('sha256', this.macKey).update(body).digest()]);
  }

  close(): void {
    this.encKey.fill(0);
    this.wipeMac();
  }

  private wipeMac(): void {
    this.macKey.fill(0);
  }
}
`;
const noTeardownWipe = `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

export class Channel {
  private readonly encKey = randomBytes(32);
  private readonly macKey = randomBytes(32);

  push(update: string, iv: Buffer): Buffer {
    const c = createCipheriv('aes-256-ctr', this.encKey, iv);
    const body = Buffer.concat([c.update(update), c.final()]);
    return Buffer.concat([body, createHmac('sha256', this.macKey).update(body).digest()]);
  }

  close(): void {
    this.closed = true;
  }

  private closed = false;
}
`;
const wipedInLoop = `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

export class Channel {
  private readonly encKey = randomBytes(32);
  private readonly macKey = randomBytes(32);

  push(update: string, iv: Buffer): Buffer {
    const c = createCipheriv('aes-256-ctr', this.encKey, iv);
    const body = Buffer.concat([c.update(update), c.final()]);
    return Buffer.concat([body, createHmac('sha256', this.macKey).update(body).digest()]);
  }

  close(): void {
    for (const key of [this.encKey, this.macKey]) key.fill(0);
  }

  private closed = false;
}
`;
const kmsDataKey = `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

const kms = new KMSClient({});

export class ExportSession {
  private dataKey: Uint8Array = new Uint8Array(0);
  private wrappedKey: Uint8Array = new Uint8Array(0);
  private readonly macKey = randomBytes(32);

  async open(): Promise<void> {
    const res = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.EXPORT_KEK_ARN, KeySpec: 'AES_256', EncryptionContext: { purpose: 'export' } }));
    this.dataKey = res.Plaintext!;
    this.wrappedKey = res.CiphertextBlob!;
  }

  seal(rows: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.dataKey, iv);
    const body = Buffer.concat([cipher.update(rows, 'utf8'), cipher.final()]);
    const tag = createHmac('sha256', this.macKey).update(body).digest();
    return Buffer.concat([iv, cipher.getAuthTag(), body, tag]);
  }

  close(): void {
    this.macKey.fill(0);
  }
}
`;
const allWiped = `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

export class Channel {
  private readonly encKey = randomBytes(32);
  private readonly macKey = randomBytes(32);
  private readonly counterSeed = randomBytes(16);

  push(update: string, iv: Buffer): Buffer {
    const c = createCipheriv('aes-256-ctr', this.encKey, iv);
    const body = Buffer.concat([c.update(update), c.final()]);
    return Buffer.concat([body, createHmac('sha256', this.macKey).update(body).digest()]);
  }

  close(): void {
    this.encKey.fill(0);
    this.macKey.fill(0);
  }
}
`;

createRuleTester().run('require-key-zeroization (key fields forgotten at teardown)', rule as never, {
  valid: [
    { name: 'close() wipes one key and calls a helper that wipes the other', code: wipedByHelper, filename: 'channel.ts' },
    { name: 'a teardown that wipes nothing: the fields are the object\'s (decision 19)', code: noTeardownWipe, filename: 'channel.ts' },
    { name: 'a teardown wiping through a loop over the fields (not read as a wipe of either: no finding)', code: wipedInLoop, filename: 'channel.ts' },
    { name: 'both keys wiped; random bytes never used as a key (a counter seed) are no key field', code: allWiped, filename: 'channel.ts' },
  ],
  invalid: [
    {
      name: 'close() wipes the cipher key and forgets the MAC key (class fields of random bytes)',
      code: channel,
      filename: 'channel.ts',
      errors: [
        {
          messageId: 'notWipedAtTeardown',
          line: 5,
          column: 20,
          suggestions: [{ messageId: 'wipeAtTeardown', data: { name: 'macKey', what: 'random key bytes', teardown: 'close', wipe: 'this.macKey.fill(0)' }, output: `import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

export class FeedChannel {
  private readonly encKey = randomBytes(32);
  private readonly macKey = randomBytes(32);

  push(update: object, iv: Buffer): Buffer {
    const c = createCipheriv('aes-256-ctr', this.encKey, iv);
    const body = Buffer.concat([iv, c.update(JSON.stringify(update)), c.final()]);
    const tag = createHmac('sha256', this.macKey).update(body).digest();
    return Buffer.concat([body, tag]);
  }

  close(): void {
    this.encKey.fill(0);
    this.macKey.fill(0);
  }
}
` }],
        },
      ],
    },
    {
      name: '[Symbol.dispose]() wipes one HKDF subkey of two, assigned in the constructor to #private fields',
      code: sessionKeys,
      filename: 'session-keys.ts',
      errors: [
        {
          messageId: 'notWipedAtTeardown',
          line: 8,
          column: 5,
          suggestions: [
            { messageId: 'wipeAtTeardown', data: { name: '#encKey', what: 'a derived key', teardown: '[Symbol.dispose]', wipe: 'this.#encKey.fill(0)' }, output: `import { hkdfSync, createCipheriv, createHmac } from 'node:crypto';

export class SessionKeys implements Disposable {
  #encKey: Buffer;
  #macKey: Buffer;

  constructor(master: Buffer, salt: Buffer) {
    this.#encKey = Buffer.from(hkdfSync('sha256', master, salt, 'enc', 32));
    this.#macKey = Buffer.from(hkdfSync('sha256', master, salt, 'mac', 32));
  }

  seal(data: Buffer, iv: Buffer): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.#encKey, iv);
    return Buffer.concat([cipher.update(data), cipher.final()]);
  }

  tag(data: Buffer): Buffer {
    return createHmac('sha256', this.#macKey).update(data).digest();
  }

  [Symbol.dispose](): void {
    this.#macKey.fill(0);
    this.#encKey.fill(0);
  }
}
` },
          ],
        },
      ],
    },
    {
      name: 'close() wipes the MAC key and forgets the KMS data key stored from GenerateDataKey (this.dataKey = res.Plaintext!)',
      code: kmsDataKey,
      filename: 'export-session.ts',
      errors: [
        {
          messageId: 'notWipedAtTeardown',
          line: 13,
          column: 5,
          suggestions: [{ messageId: 'wipeAtTeardown', data: { name: 'dataKey', what: 'a plaintext KMS data key', teardown: 'close', wipe: 'this.dataKey.fill(0)' }, output: `import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

const kms = new KMSClient({});

export class ExportSession {
  private dataKey: Uint8Array = new Uint8Array(0);
  private wrappedKey: Uint8Array = new Uint8Array(0);
  private readonly macKey = randomBytes(32);

  async open(): Promise<void> {
    const res = await kms.send(new GenerateDataKeyCommand({ KeyId: process.env.EXPORT_KEK_ARN, KeySpec: 'AES_256', EncryptionContext: { purpose: 'export' } }));
    this.dataKey = res.Plaintext!;
    this.wrappedKey = res.CiphertextBlob!;
  }

  seal(rows: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.dataKey, iv);
    const body = Buffer.concat([cipher.update(rows, 'utf8'), cipher.final()]);
    const tag = createHmac('sha256', this.macKey).update(body).digest();
    return Buffer.concat([iv, cipher.getAuthTag(), body, tag]);
  }

  close(): void {
    this.macKey.fill(0);
    this.dataKey.fill(0);
  }
}
` }],
        },
      ],
    },
  ],
});
