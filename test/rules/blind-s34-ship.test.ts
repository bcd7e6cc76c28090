import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the blind set s34 part B (logistics and shipping: carrier rate APIs and label printing, warehouse scanners,
// proof of delivery, route optimisation, customs EDI, tracking webhooks, driver apps, cold-chain sensors) found
// missed: a pre-shared key named by its acronym (`SCANNER_PSK`) as the default of a variable destructured from the
// environment, and a consignee's hand-over code drawn digit by digit from `Math.random`. The guards: the PSK's public
// identity (`PSK_IDENTITY`) and its id with a literal default, and `Math.random` in a delivery route's shuffle and in
// a carrier's service code picked for a demo.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s34 logistics shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'the identity of a pre-shared key is public',
      code: `const {\n  SCANNER_PSK_IDENTITY = 'dc-hamburg-scanner-bridge-01',\n  SCANNER_PSK_ID = 'dc-hamburg-01',\n} = process.env;\nexport const identities = [SCANNER_PSK_IDENTITY, SCANNER_PSK_ID];\n`,
    },
    {
      name: 'a pre-shared key read from the environment without a default',
      code: `const { SCANNER_PSK } = process.env;\nexport const psk = SCANNER_PSK ?? '';\n`,
    },
  ],
  invalid: [
    {
      name: 'a pre-shared key as the default of a destructured environment variable',
      code: `const {\n  WMS_API_URL = 'http://wms.internal:8080',\n  SCANNER_PSK = 'Vb3Qm8Zr1Lx6Tn0Wc4Ps9Ky2Hd7Fg5Ja',\n} = process.env;\nexport const config = { url: WMS_API_URL, psk: SCANNER_PSK };\n`,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: `const {\n  WMS_API_URL = 'http://wms.internal:8080',\n  SCANNER_PSK = requireEnv('SCANNER_PSK'),\n} = process.env;\nexport const config = { url: WMS_API_URL, psk: SCANNER_PSK };` + REQUIRE_ENV_TS + '\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a gateway PSK constant written as hex',
      code: `export const GATEWAY_PSK_HEX = '3f9c1a7e5b2d8046c1e9a3f7b5d20c84';\n`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 1,
          suggestions: [{ messageId: 'readFromEnvironment', output: `export const GATEWAY_PSK_HEX = requireEnv('GATEWAY_PSK_HEX');` + REQUIRE_ENV_TS + '\n' }],
        },
      ],
    },
  ],
});

ruleTester.run('no-insecure-randomness (blind-s34 logistics shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'a delivery route shuffled for a simulation',
      code: `export function shuffledDeliveryStops(stops) {\n  const out = stops.slice();\n  for (let i = out.length - 1; i > 0; i--) {\n    const j = Math.floor(Math.random() * (i + 1));\n    [out[i], out[j]] = [out[j], out[i]];\n  }\n  return out;\n}\n`,
    },
    {
      name: 'a demo carrier service code picked at random',
      code: `const SERVICES = ['EXP', 'STD', 'ECO'];\nexport function demoServiceCode() {\n  const serviceCode = SERVICES[Math.floor(Math.random() * SERVICES.length)];\n  return serviceCode;\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'a hand-over code built digit by digit',
      code: `export function handoverCode() {\n  let code = '';\n  for (let i = 0; i < 6; i++) code += Math.floor(Math.random() * 10).toString();\n  return code;\n}\n`,
      errors: [{ messageId: 'predictableSecret', line: 3 }],
    },
    {
      name: 'a parcel locker pickup code',
      code: `export function newLockerBooking(lockerId) {\n  const pickupCode = String(100000 + Math.floor(Math.random() * 900000));\n  return { lockerId, pickupCode };\n}\n`,
      errors: [{ messageId: 'predictableSecret', line: 2 }],
    },
  ],
});

// Lead, on merge: the hand-over words qualify a `code` only right before it. Before, any of them anywhere in the name
// made a credential of a restaurant's pick-up number (the `code` column of `pickup_numbers`, blind-s30's guard) and of a
// carrier's `deliveryStatusCode`.
ruleTester.run('no-insecure-randomness (hand-over words right before code)', noInsecureRandomness, {
  valid: [
    {
      name: 'a status code of a delivery',
      code: `export function simulateScan(parcelId: string) {\n  const deliveryStatusCode = 10 + Math.floor(Math.random() * 5);\n  return { parcelId, deliveryStatusCode };\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'a locker pickup code',
      code: `export function openCompartment(lockerId: string) {\n  const lockerPickupCode = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');\n  return { lockerId, lockerPickupCode };\n}\n`,
      errors: [{ messageId: 'predictableSecret', line: 2, column: 46 }],
    },
  ],
});
