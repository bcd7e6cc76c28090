import rule from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// crypto-js passphrase mode through a binding of an environment variable (key-purpose/blind-s16/profile-blobs.js).

const cryptoJsWordArrayBinding = "import CryptoJS from 'crypto-js';\nconst PROFILE_KEY = CryptoJS.enc.Hex.parse(process.env.PROFILE_KEY_HEX ?? '');\nexport const seal = (profile: object, iv: CryptoJS.lib.WordArray): string => CryptoJS.AES.encrypt(JSON.stringify(profile), PROFILE_KEY, { iv, mode: CryptoJS.mode.CTR }).toString();\n";
const cryptoJsEnvBinding = "import CryptoJS from 'crypto-js';\nconst TOKEN_SECRET = process.env.MOBILE_TOKEN_SECRET;\nexport const seal = (profile: object): string => CryptoJS.AES.encrypt(JSON.stringify(profile), TOKEN_SECRET).toString();\n";

createRuleTester().run("no-weak-algorithm (blind-s16)", rule, {
  valid: [
    { name: "a WordArray key parsed from the environment is not passphrase mode", code: cryptoJsWordArrayBinding, filename: 'case.ts' },
  ],
  invalid: [
    { name: "a binding of process.env.X given to AES.encrypt is a string: passphrase mode", code: cryptoJsEnvBinding, filename: 'case.ts', errors: [{ messageId: "passphraseKdf", line: 3, column: 96 }] },
  ],
});
