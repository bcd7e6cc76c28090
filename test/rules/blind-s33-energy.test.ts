import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the blind set s33 part D (energy, utilities and industrial control: smart-meter head-ends, wM-Bus/OMS, DLMS,
// DNP3 SA, OPC UA, OpenADR, historians, billing, outage maps, field crews) found missed or misjudged: OPC UA security
// policies the OPC Foundation deprecated (`Basic128Rsa15`, `Basic256`: SHA-1 signatures) offered by a node-opcua client
// or server, also from a list of legacy policies spread into the list a `for…of` tries; a digest of public data named
// as a snapshot (change detection, like a version); and `Math.random` written as the bounds of a simulated time window
// (`{ from, to }`) in a function named for a (charging) session. The guards: the current policies, a policy only
// compared, and random values that still make a session id or a code.

const ruleTester = createRuleTester();

const LEGACY_LOOP = `import { OPCUAClient, SecurityPolicy } from 'node-opcua';
const PREFERRED = [SecurityPolicy.Basic256Sha256];
const LEGACY = [
  SecurityPolicy.Basic128Rsa15,
];
async function tryPolicy(url: string, securityPolicy: SecurityPolicy) {
  const client = OPCUAClient.create({ securityPolicy });
  await client.connect(url);
  return client;
}
export async function connect(url: string, legacy: boolean) {
  const policies = legacy ? [...PREFERRED, ...LEGACY] : PREFERRED;
  for (const policy of policies) {
    try {
      return await tryPolicy(url, policy);
    } catch {
      continue;
    }
  }
  throw new Error('no policy');
}
`;

ruleTester.run('no-weak-algorithm (blind-s33 energy shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'an OPC UA client and server with the current security policies',
      code: `import { OPCUAClient, OPCUAServer, SecurityPolicy, MessageSecurityMode } from 'node-opcua';
export const client = OPCUAClient.create({ securityMode: MessageSecurityMode.SignAndEncrypt, securityPolicy: SecurityPolicy.Basic256Sha256 });
export const server = new OPCUAServer({ securityPolicies: [SecurityPolicy.Aes128_Sha256_RsaOaep, SecurityPolicy.Aes256_Sha256_RsaPss] });
`,
      filename: 'case.ts',
    },
    {
      name: 'a deprecated policy only compared, to warn about an endpoint, is not a use',
      code: `import { SecurityPolicy } from 'node-opcua';
export function warnLegacy(endpoint: { securityPolicyUri: string }, log: (m: string) => void) {
  if (endpoint.securityPolicyUri === SecurityPolicy.Basic128Rsa15) log('endpoint offers a deprecated policy');
}
`,
      filename: 'case.ts',
    },
    {
      name: 'an MD5 of a public feed named as its snapshot is change detection',
      code: `import md5 from 'blueimp-md5';
export function feedSnapshot(items: Array<{ id: string; count: number }>): string {
  return md5(items.map((i) => i.id + ':' + i.count).join('|'));
}
`,
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: 'a node-opcua client connecting with Basic128Rsa15',
      code: `import { OPCUAClient, SecurityPolicy } from 'node-opcua';
export const client = OPCUAClient.create({
  securityPolicy: SecurityPolicy.Basic128Rsa15,
});
`,
      filename: 'case.ts',
      errors: [{ messageId: 'weakHash', line: 3 }],
    },
    {
      name: 'a node-opcua server offering Basic256 among its policies, on the entry',
      code: `import { OPCUAServer, SecurityPolicy } from 'node-opcua-server';
export const server = new OPCUAServer({
  securityPolicies: [
    SecurityPolicy.Basic256Sha256,
    SecurityPolicy.Basic256,
  ],
});
`,
      filename: 'case.ts',
      errors: [{ messageId: 'weakHash', line: 5 }],
    },
    {
      name: 'a legacy policy spread into the list a for…of tries, through a helper parameter',
      code: LEGACY_LOOP,
      filename: 'case.ts',
      errors: [{ messageId: 'weakHash', line: 4 }],
    },
  ],
});

ruleTester.run('no-insecure-randomness (blind-s33 energy shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'random bounds of a simulated charging window, in a function named for the session',
      code: `export function chargingSession(dayStart: number) {
  const arrival = dayStart + (17 + Math.random() * 4) * 3_600_000;
  return { from: arrival, to: arrival + 2 * 3_600_000 };
}
`,
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a session's id from Math.random next to its time window is still a session id",
      code: `export function newSession(now: number) {
  return { id: Math.random().toString(36).slice(2), from: now, to: now + 3_600_000 };
}
`,
      filename: 'case.ts',
      errors: [{ messageId: 'predictableSecret', line: 2 }],
    },
    {
      name: 'a one-time code whose name holds the preposition "to" is still a code',
      code: `export function smsCodeToSend(): string {
  const codeToSend = String(Math.floor(100000 + Math.random() * 900000));
  return codeToSend;
}
`,
      filename: 'case.ts',
      errors: [{ messageId: 'predictableSecret', line: 2 }],
    },
  ],
});
