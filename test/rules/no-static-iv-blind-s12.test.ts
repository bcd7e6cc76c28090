import rule from '../../rules/no-static-iv';
import { createRuleTester } from './rule-tester';

// Found with blind set s12 (zeroization/blind-s12/encrypting-transform.ts): an IV held in an instance field
// is drawn once per instance. A cipher made in that class's constructor (one per instance, as a stream
// transform makes) gets a fresh IV each time; a method that encrypts every call with it reuses it.
const transform = `import { Transform } from 'node:stream';
import { createCipheriv, randomBytes, type CipherGCM } from 'node:crypto';
export class EncryptingTransform extends Transform {
  readonly #cipher: CipherGCM;
  readonly iv = randomBytes(12);
  constructor(key: Buffer) {
    super();
    this.#cipher = createCipheriv('aes-256-gcm', key, this.iv);
  }
}
`;

createRuleTester().run('no-static-iv (blind-s12)', rule, {
  valid: [{ name: 'an instance-field IV used by the one cipher its constructor makes', code: transform }],
  invalid: [
    {
      name: 'the same field used by a method that encrypts on every call',
      code: transform.replace(
        '  }\n}\n',
        '  }\n  seal(key: Buffer, data: Buffer): Buffer {\n    const cipher = createCipheriv(\'aes-256-gcm\', key, this.iv);\n    return Buffer.concat([cipher.update(data), cipher.final()]);\n  }\n}\n',
      ),
      errors: [{ messageId: 'reusedIv', line: 5, column: 17 }],
    },
  ],
});
