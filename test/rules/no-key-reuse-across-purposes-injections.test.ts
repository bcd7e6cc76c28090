import * as fs from 'node:fs';
import * as path from 'node:path';
import rule from '../../rules/no-key-reuse-across-purposes';
import { createTypedRuleTester, TYPED_FIXTURE_DIR } from './rule-tester';

// With type information: a key registered in a DI container under a token (inversify `toConstantValue`,
// Nest `useValue`/`useFactory`) and injected by that token into classes of other files, which use it for
// two purposes, is reported once, on the registered value. Tokens are matched by symbol (`TOKENS.LicenceKey`)
// or by text (`'EXPORT_KEY'`); a token whose injected value every class uses one way is not reported.
const fixture = (name: string) => ({ code: fs.readFileSync(path.join(TYPED_FIXTURE_DIR, name), 'utf8'), filename: name });

createTypedRuleTester().run('no-key-reuse-across-purposes (keys injected by token)', rule as never, {
  valid: [
    { name: 'a key that both classes injecting it (two files) use for MACs only', ...fixture('di-audit-container.ts') },
  ],
  invalid: [
    {
      name: 'inversify: a key bound with toConstantValue, MACed by one class and used for AES by another (stored as this.sealKey)',
      ...fixture('di-container.ts'),
      errors: [{ line: 5, column: 59, message: '`LicenceKey` is used for encrypt and mac (encrypt in di-licence-sealer.ts:15, mac in di-licence-signer.ts:13). One key, one purpose: derive a separate subkey per purpose (HKDF with distinct `info` labels) or provision separate keys.' }],
    },
    {
      name: 'Nest: a key provided by useFactory under a string token, encrypting in one service and MACing in another',
      ...fixture('di-webhook-module.ts'),
      errors: [{ line: 8, column: 48, message: '`EXPORT_KEY` is used for mac and encrypt (mac in di-export-archive.ts:10, encrypt in di-webhook-sender.ts:17). One key, one purpose: derive a separate subkey per purpose (HKDF with distinct `info` labels) or provision separate keys.' }],
    },
  ] as never,
});
