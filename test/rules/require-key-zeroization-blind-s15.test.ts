import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Fifteenth lifecycle blind set (corpus zeroization/blind-s15): a `continue`/`break` leaving a `try` runs its `finally`
// (ESLint's graph sends the jump straight to the loop), a key assigned inside a `try` whose `finally` does not wipe it
// (ESLint merges that `finally`'s normal and exceptional entries), a `crypto_kdf` subkey named as a key and sealed to a
// recipient as data, listeners registered with one-event methods (`link.onFrame(fn)`, `link.onClose(fn)`), and the key
// `randomFill(buf, (err, key) => …)` hands its callback, and the raw export of the KeyObject `generateKey('aes', …, cb)` hands its.
const continueInTryWiped = "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tagRows(master: Buffer, rows: { id: string; owner: string; body: string }[], owner: string): string[] {\n  const tags: string[] = [];\n  for (const row of rows) {\n    const rowKey = Buffer.from(hkdfSync('sha256', master, row.id, 'row-tag', 32));\n    try {\n      if (row.owner !== owner) continue;\n      tags.push(createHmac('sha256', rowKey).update(row.body).digest('hex'));\n    } finally {\n      rowKey.fill(0);\n    }\n  }\n  return tags;\n}\n";
const continueSkipsWipeAfterTry = "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tagRows(master: Buffer, rows: { id: string; owner: string; body: string }[], owner: string): string[] {\n  const tags: string[] = [];\n  for (const row of rows) {\n    const rowKey = Buffer.from(hkdfSync('sha256', master, row.id, 'row-tag', 32));\n    try {\n      if (row.owner !== owner) continue;\n    } finally {\n      audit(row.id);\n    }\n    tags.push(createHmac('sha256', rowKey).update(row.body).digest('hex'));\n    rowKey.fill(0);\n  }\n  return tags;\n}\ndeclare function audit(id: string): void;\n";
const assignedInTryCopiedThenWiped = "import { createHmac, randomBytes } from 'node:crypto';\nexport function sealOnce(message: string): { key: Buffer; tag: string } {\n  let key: Buffer;\n  try {\n    key = randomBytes(32);\n  } finally {\n    audit('key drawn');\n  }\n  const copy = Buffer.from(key);\n  key.fill(0);\n  return { key: copy, tag: createHmac('sha256', copy).update(message).digest('hex') };\n}\ndeclare function audit(what: string): void;\n";
const assignedInTryThenThrow = "import { createHmac, randomBytes } from 'node:crypto';\nexport function sealOnce(message: string): string {\n  let key: Buffer;\n  try {\n    key = randomBytes(32);\n    if (!message) throw new Error('empty message');\n  } finally {\n    audit('key drawn');\n  }\n  const tag = createHmac('sha256', key).update(message).digest('hex');\n  key.fill(0);\n  return tag;\n}\ndeclare function audit(what: string): void;\n";
const kdfSubkeySealedAsData = "import sodium from 'libsodium-wrappers';\nexport function grant(rootKey: Uint8Array, requests: { folderId: number; recipient: Uint8Array; expired: boolean }[]): Uint8Array[] {\n  const out: Uint8Array[] = [];\n  for (const req of requests) {\n    const folderKey = sodium.crypto_kdf_derive_from_key(32, req.folderId, 'folder__', rootKey);\n    if (req.expired) continue;\n    out.push(sodium.crypto_box_seal(folderKey, req.recipient));\n    sodium.memzero(folderKey);\n  }\n  return out;\n}\n";
const oneEventListeners = "import sodium from 'libsodium-wrappers';\ninterface Link { write(frame: Uint8Array): void; onFrame(cb: (f: Uint8Array) => void): void; onClose(cb: () => void): void }\nexport function attach(link: Link, pk: Uint8Array, sk: Uint8Array, peer: Uint8Array, deliver: (m: Uint8Array) => void): void {\n  const { sharedRx } = sodium.crypto_kx_client_session_keys(pk, sk, peer);\n  link.onFrame((frame) => deliver(sodium.crypto_secretbox_open_easy(frame.subarray(24), frame.subarray(0, 24), sharedRx)));\n  link.onClose(() => sodium.memzero(sharedRx));\n}\n";
const oneEventListenersNoEnd = "import sodium from 'libsodium-wrappers';\ninterface Link { write(frame: Uint8Array): void; onFrame(cb: (f: Uint8Array) => void): void; onIdle(cb: () => void): void }\nexport function attach(link: Link, pk: Uint8Array, sk: Uint8Array, peer: Uint8Array, deliver: (m: Uint8Array) => void): void {\n  const { sharedRx } = sodium.crypto_kx_client_session_keys(pk, sk, peer);\n  link.onFrame((frame) => deliver(sodium.crypto_secretbox_open_easy(frame.subarray(24), frame.subarray(0, 24), sharedRx)));\n  link.onIdle(() => sodium.memzero(sharedRx));\n}\n";
const randomFillCallbackKey = "import { randomFill, randomBytes, createCipheriv } from 'node:crypto';\nexport function seal(data: Buffer, done: (err: Error | null, out?: Buffer) => void): void {\n  randomFill(Buffer.allocUnsafe(32), (err, key) => {\n    if (err) return done(err);\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', key, iv);\n    done(null, Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]));\n  });\n}\n";
const randomFillCallbackWiped = "import { randomFill, randomBytes, createCipheriv } from 'node:crypto';\nexport function seal(data: Buffer, done: (err: Error | null, out?: Buffer) => void): void {\n  randomFill(Buffer.allocUnsafe(32), (err, key) => {\n    if (err) return done(err);\n    try {\n      const iv = randomBytes(12);\n      const c = createCipheriv('aes-256-gcm', key, iv);\n      done(null, Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]));\n    } finally {\n      key.fill(0);\n    }\n  });\n}\nexport function nonce(done: (iv: Buffer) => void): void {\n  randomFill(Buffer.alloc(12), (err, iv) => {\n    if (err) throw err;\n    done(iv);\n  });\n}\n";
const generatedKeyExport = "import { createCipheriv, randomBytes, generateKey } from 'node:crypto';\nexport function fresh(done: (err: Error | null, out?: Buffer) => void): void {\n  generateKey('aes', { length: 256 }, (err, key) => {\n    if (err) return done(err);\n    const raw = key.export();\n    const iv = randomBytes(12);\n    const c = createCipheriv('aes-256-gcm', raw, iv);\n    done(null, Buffer.concat([iv, c.update('x'), c.final()]));\n  });\n}\n";
const generatedKeyExportWiped = "import { createCipheriv, randomBytes, generateKey } from 'node:crypto';\nexport function fresh(done: (err: Error | null, out?: Buffer) => void): void {\n  generateKey('aes', { length: 256 }, (err, key) => {\n    if (err) return done(err);\n    const raw = key.export();\n    try {\n      const iv = randomBytes(12);\n      const c = createCipheriv('aes-256-gcm', raw, iv);\n      done(null, Buffer.concat([iv, c.update('x'), c.final()]));\n    } finally {\n      raw.fill(0);\n    }\n  });\n}\n";
const breakInTryWiped = "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tagRows(master: Buffer, rows: { id: string; owner: string; body: string }[], owner: string): string[] {\n  const tags: string[] = [];\n  for (const row of rows) {\n    const rowKey = Buffer.from(hkdfSync('sha256', master, row.id, 'row-tag', 32));\n    try {\n      if (row.owner !== owner) break;\n      tags.push(createHmac('sha256', rowKey).update(row.body).digest('hex'));\n    } finally {\n      rowKey.fill(0);\n    }\n  }\n  return tags;\n}\n";

createRuleTester().run('require-key-zeroization (blind-s15)', rule, {
  valid: [
    { name: 'a continue inside a try whose finally wipes the key runs that finally', code: continueInTryWiped, filename: 'rows.ts' },
    { name: 'a break inside a try whose finally wipes the key runs that finally', code: breakInTryWiped, filename: 'rows.ts' },
    {
      name: 'a key assigned as the last statement of a try whose finally does not wipe it, copied and then wiped',
      code: assignedInTryCopiedThenWiped,
      filename: 'seal.ts',
    },
    { name: 'listeners registered with one-event methods, the close listener wipes', code: oneEventListeners, filename: 'link.ts' },
    { name: 'a key from the randomFill callback wiped in finally; an IV from it is not a key', code: randomFillCallbackWiped, filename: 'seal.ts' },
    { name: 'the raw export of the KeyObject generateKey hands its callback, wiped in finally', code: generatedKeyExportWiped, filename: 'fresh.ts' },
  ],
  invalid: [
    {
      name: 'a continue inside a try whose finally does not wipe skips the wipe after the try',
      code: continueSkipsWipeAfterTry,
      filename: 'rows.ts',
      errors: [{ messageId: 'wipedOnHappyPathOnly', line: 5, column: 11, suggestions: [{ messageId: 'wrapInTryFinally', output: "import { createHmac, hkdfSync } from 'node:crypto';\nexport function tagRows(master: Buffer, rows: { id: string; owner: string; body: string }[], owner: string): string[] {\n  const tags: string[] = [];\n  for (const row of rows) {\n    const rowKey = Buffer.from(hkdfSync('sha256', master, row.id, 'row-tag', 32));\n    try {\n      try {\n        if (row.owner !== owner) continue;\n      } finally {\n        audit(row.id);\n      }\n      tags.push(createHmac('sha256', rowKey).update(row.body).digest('hex'));\n    } finally {\n      rowKey.fill(0);\n    }\n  }\n  return tags;\n}\ndeclare function audit(id: string): void;\n" }] }],
    },
    {
      name: 'a key assigned inside a try followed by an explicit throw leaves through the finally unwiped',
      code: assignedInTryThenThrow,
      filename: 'seal.ts',
      errors: [{ messageId: 'wipedOnHappyPathOnly', line: 3, column: 7, suggestions: [] }],
    },
    {
      name: 'a crypto_kdf subkey named as a key and sealed to a recipient as data is key material',
      code: kdfSubkeySealedAsData,
      filename: 'grant.ts',
      errors: [{ messageId: 'wipedOnHappyPathOnly', line: 5, column: 11, suggestions: [{ messageId: 'wrapInTryFinally', output: "import sodium from 'libsodium-wrappers';\nexport function grant(rootKey: Uint8Array, requests: { folderId: number; recipient: Uint8Array; expired: boolean }[]): Uint8Array[] {\n  const out: Uint8Array[] = [];\n  for (const req of requests) {\n    const folderKey = sodium.crypto_kdf_derive_from_key(32, req.folderId, 'folder__', rootKey);\n    try {\n      if (req.expired) continue;\n      out.push(sodium.crypto_box_seal(folderKey, req.recipient));\n    } finally {\n      folderKey.fill(0);\n    }\n  }\n  return out;\n}\n" }] }],
    },
    {
      name: 'a one-event listener that is not an end event (onIdle) is a deferred wipe',
      code: oneEventListenersNoEnd,
      filename: 'link.ts',
      errors: [{ messageId: 'wipedOnHappyPathOnly', line: 4, column: 11, suggestions: [{ messageId: 'wrapInTryFinally', output: "import sodium from 'libsodium-wrappers';\ninterface Link { write(frame: Uint8Array): void; onFrame(cb: (f: Uint8Array) => void): void; onIdle(cb: () => void): void }\nexport function attach(link: Link, pk: Uint8Array, sk: Uint8Array, peer: Uint8Array, deliver: (m: Uint8Array) => void): void {\n  const { sharedRx } = sodium.crypto_kx_client_session_keys(pk, sk, peer);\n  try {\n    link.onFrame((frame) => deliver(sodium.crypto_secretbox_open_easy(frame.subarray(24), frame.subarray(0, 24), sharedRx)));\n    link.onIdle(() => sodium.memzero(sharedRx));\n  } finally {\n    sharedRx.fill(0);\n  }\n}\n" }] }],
    },
    {
      name: 'a key handed to the randomFill callback and never wiped',
      code: randomFillCallbackKey,
      filename: 'seal.ts',
      errors: [{ messageId: 'notWiped', line: 3, column: 44, suggestions: [{ messageId: 'wrapInTryFinally', output: "import { randomFill, randomBytes, createCipheriv } from 'node:crypto';\nexport function seal(data: Buffer, done: (err: Error | null, out?: Buffer) => void): void {\n  randomFill(Buffer.allocUnsafe(32), (err, key) => {\n    if (err) return done(err);\n    try {\n      const iv = randomBytes(12);\n      const c = createCipheriv('aes-256-gcm', key, iv);\n      done(null, Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]));\n    } finally {\n      key?.fill(0);\n    }\n  });\n}\n" }] }],
    },
    {
      name: 'the raw export of the KeyObject generateKey hands its callback, never wiped',
      code: generatedKeyExport,
      filename: 'fresh.ts',
      errors: [{ messageId: 'notWiped', line: 5, column: 11, suggestions: [{ messageId: 'wrapInTryFinally', output: "import { createCipheriv, randomBytes, generateKey } from 'node:crypto';\nexport function fresh(done: (err: Error | null, out?: Buffer) => void): void {\n  generateKey('aes', { length: 256 }, (err, key) => {\n    if (err) return done(err);\n    const raw = key.export();\n    try {\n      const iv = randomBytes(12);\n      const c = createCipheriv('aes-256-gcm', raw, iv);\n      done(null, Buffer.concat([iv, c.update('x'), c.final()]));\n    } finally {\n      raw.fill(0);\n    }\n  });\n}\n" }] }],
    },
  ],
});
