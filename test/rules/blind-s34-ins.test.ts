import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the blind set s34 part A (insurance: policy administration, rating, claims intake, adjuster apps, broker and
// partner APIs, telematics, premium payments and payouts, fraud scoring) found misreported: a per-device key derived in
// a loop and handed to a callback the caller gave (a flashing step) after which the function still MACs with the key
// was taken as handed on, and a random key named `fileKey` (the key of one file, wrapped for the recipient and given
// to gpg as hex) was no key because `file` read as a key file's path; naming it a key then showed that a key transferred to
// a worker through a local helper forwarding its transfer list to `postMessage` was taken as kept. The guards: a completion callback that is the
// last thing done with the key, a callback whose call ends the key's use, and a random value named for a key file.

const ruleTester = createRuleTester();

const FLASH = (after: string) => `import { hkdfSync, createHmac } from 'node:crypto';
const MASTER = Buffer.from(process.env.FLEET_MASTER_B64 ?? '', 'base64');
export async function provision(imeis, flash) {
  for (const imei of imeis) {
    const deviceKey = Buffer.from(hkdfSync('sha256', MASTER, Buffer.from(imei), 'dongle-v3', 32));
    await flash(imei, deviceKey);
${after}  }
}
`;

const WRAP = (body: string) => `import { randomBytes, publicEncrypt, constants } from 'node:crypto';
export async function packageFile(pdf, agencyPem, gpgSymmetric) {
  const fileKey = randomBytes(32);
${body}}
`;

const WORKER = (transfer: string) => `const worker = new Worker(new URL('./export.worker.js', import.meta.url), { type: 'module' });
function call(msg, transfer = []) {
  return new Promise((resolve) => {
    worker.addEventListener('message', (e) => resolve(e.data), { once: true });
    worker.postMessage(msg, transfer);
  });
}
export async function encryptExport(data) {
  const dataKey = crypto.getRandomValues(new Uint8Array(32));
  return call({ op: 'encrypt', key: dataKey, data }, ${transfer});
}
`;

ruleTester.run('require-key-zeroization (blind-s34 insurance shapes)', requireKeyZeroization, {
  valid: [
    {
      name: 'a callback the caller gave, called last with the key: handed on',
      code: FLASH(''),
    },
    {
      name: 'a node-style completion callback of a derivation helper',
      code: `import { hkdfSync } from 'node:crypto';
export function deviceKeyFor(master, imei, callback) {
  const deviceKey = Buffer.from(hkdfSync('sha256', master, Buffer.from(imei), 'dongle-v3', 32));
  callback(null, deviceKey);
}
`,
    },
    {
      name: 'random bytes named for a key file (a temporary file name), turned into hex in strict',
      code: `import { randomBytes } from 'node:crypto';
import path from 'node:path';
export function tempPath(dir) {
  const tmpKeyFile = randomBytes(8);
  return path.join(dir, tmpKeyFile.toString('hex') + '.pem');
}
`,
      options: [{ checkStringConversion: true }],
    },
    {
      name: 'a file key wrapped for the recipient and wiped in finally (recommended)',
      code: WRAP(`  try {
    const encrypted = await gpgSymmetric(pdf, fileKey.toString('hex'));
    const wrappedKey = publicEncrypt({ key: agencyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, fileKey);
    return { encrypted, wrappedKey };
  } finally {
    fileKey.fill(0);
  }
`),
    },
    {
      name: 'a key transferred to a worker through a local helper that posts with its transfer-list parameter',
      code: WORKER('[dataKey.buffer, data]'),
    },
  ],
  invalid: [
    {
      name: 'a key cloned to a worker through the same helper, with no transfer list',
      code: WORKER('[data]'),
      errors: [
        {
          messageId: 'notWiped',
          line: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: WORKER('[data]').replace(
                "  return call({ op: 'encrypt', key: dataKey, data }, [data]);\n",
                "  try {\n    return call({ op: 'encrypt', key: dataKey, data }, [data]);\n  } finally {\n    dataKey.fill(0);\n  }\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a per-device key handed to a flashing callback and then used for a check value, never wiped',
      code: FLASH(`    const kcv = createHmac('sha256', deviceKey).update('KCV').digest('hex');
    console.log(imei, kcv);
`),
      errors: [
        {
          messageId: 'notWiped',
          line: 5,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: FLASH(`    try {
      await flash(imei, deviceKey);
      const kcv = createHmac('sha256', deviceKey).update('KCV').digest('hex');
      console.log(imei, kcv);
    } finally {
      deviceKey.fill(0);
    }
`).replace('    await flash(imei, deviceKey);\n    try {\n      await flash', '    try {\n      await flash'),
            },
          ],
        },
      ],
    },
    {
      name: 'a file key turned into a hex passphrase for gpg (strict), although wiped in finally',
      code: WRAP(`  try {
    const encrypted = await gpgSymmetric(pdf, fileKey.toString('hex'));
    const wrappedKey = publicEncrypt({ key: agencyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, fileKey);
    return { encrypted, wrappedKey };
  } finally {
    fileKey.fill(0);
  }
`),
      options: [{ checkStringConversion: true }],
      errors: [{ messageId: 'keyToString', line: 5 }],
    },
    {
      name: 'a file key wrapped for the recipient and never wiped',
      code: WRAP(`  const wrappedKey = publicEncrypt({ key: agencyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, fileKey);
  return { encrypted: await gpgSymmetric(pdf, fileKey), wrappedKey };
`),
      errors: [
        {
          messageId: 'notWiped',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: WRAP(`  try {
    const wrappedKey = publicEncrypt({ key: agencyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, fileKey);
    return { encrypted: await gpgSymmetric(pdf, fileKey), wrappedKey };
  } finally {
    fileKey.fill(0);
  }
`),
            },
          ],
        },
      ],
    },
  ],
});
