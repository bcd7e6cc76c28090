import noHardcodedKey from '../../rules/no-hardcoded-key';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-fifth blind set (part A: back ends holding regulated records — PHI, PII, HR, payroll and
// government data) found missed or misjudged: mongoose-field-encryption's IV generator computing the IV from the
// secret it is called with (the same IV for every field), an unkeyed SHA-1 of a medical record number used as a
// research "study id" (an identifier from a small space, reversed by enumeration whatever the digest is called), and
// an MD5 record-linkage blocking key (the bucket candidate duplicates are grouped into: a shard choice, not a control).
// Found probing neighbours after the set: Medplum's client secret (constructor option, `startClientLogin`, `setBasicAuth`)
// is the OAuth client-credentials secret of a FHIR project, a credential like a KMS client's `secretAccessKey`;
// prisma-field-encryption's `encryptionKey`/`decryptionKeys` and @47ng/cloak's `encryptString`/`decryptString`/`parseKey`/
// `makeKeychain` keys are AES-256-GCM keys at a sink.

const ruleTester = createRuleTester();

ruleTester.run('no-static-iv (blind-s25 shapes)', noStaticIv, {
  valid: [
    {
      name: 'saltGenerator ignoring the secret and drawing random bytes',
      code: `import { randomBytes } from 'node:crypto';
import { fieldEncryption } from 'mongoose-field-encryption';
export function register(schema: any) {
  schema.plugin(fieldEncryption, { fields: ['dob'], secret: process.env.FIELD_SECRET, saltGenerator: (secret: string) => randomBytes(8).toString('hex') });
}
`,
    },
    {
      name: 'saltGenerator mixing the secret with random bytes',
      code: `import { randomBytes } from 'node:crypto';
import { fieldEncryption } from 'mongoose-field-encryption';
export function register(schema: any) {
  schema.plugin(fieldEncryption, { fields: ['dob'], secret: process.env.FIELD_SECRET, saltGenerator: (secret: string) => (secret + randomBytes(8).toString('hex')).slice(-16) });
}
`,
    },
    {
      name: "a local plugin's option of the same name is not mongoose-field-encryption's",
      code: `import { fieldEncryption } from './my-plugin';
export function register(schema: any) {
  schema.plugin(fieldEncryption, { fields: ['dob'], secret: process.env.FIELD_SECRET, saltGenerator: (secret: string) => secret.slice(0, 16) });
}
`,
    },
  ],
  invalid: [
    {
      name: 'saltGenerator slicing the secret it is called with',
      code: `import { fieldEncryption } from 'mongoose-field-encryption';
export function register(schema: any) {
  schema.plugin(fieldEncryption, {
    fields: ['ssn'],
    secret: process.env.FIELD_SECRET,
    saltGenerator: (secret: string) => secret.slice(0, 16),
  });
}
`,
      errors: [{ messageId: 'keyDerivedIv', line: 6 }],
    },
    {
      name: 'saltGenerator function expression returning a re-encoded view of the secret',
      code: `import { fieldEncryption } from 'mongoose-field-encryption';
export function register(schema: any) {
  schema.plugin(fieldEncryption, { fields: ['dob'], secret: process.env.FIELD_SECRET, saltGenerator: function (s: string) {
    return Buffer.from(s, 'utf8').subarray(0, 16).toString('hex').slice(0, 16);
  } });
}
`,
      errors: [{ messageId: 'keyDerivedIv', line: 4 }],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s25 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'MD5 record-linkage blocking key (a bucket of candidate duplicates)',
      code: `import { createHash } from 'node:crypto';
export function blockingKey(r: { family: string; birthDate: string; sex: string }) {
  return createHash('md5').update(\`\${r.family.slice(0, 3)}|\${r.birthDate.slice(0, 4)}|\${r.sex}\`).digest('hex').slice(0, 12);
}
`,
    },
    {
      name: 'SHA-256 of an MRN is not judged by this rule (not a broken hash)',
      code: `import { createHash } from 'node:crypto';
export function studyId(mrn: string): string {
  return createHash('sha256').update(mrn).digest('hex');
}
`,
    },
  ],
  invalid: [
    {
      name: 'SHA-1 of an MRN as a research study id',
      code: `import { createHash } from 'node:crypto';
export function studyId(mrn: string): string {
  return createHash('sha1').update(\`site-a:\${mrn}\`).digest('hex');
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import { createHash } from 'node:crypto';
export function studyId(mrn: string): string {
  return createHash('sha256').update(\`site-a:\${mrn}\`).digest('hex');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'MD5 of a normalised NHS number for a lookup column',
      code: `import { createHash } from 'node:crypto';
export function lookupValue(patient: { nhsNumber: string }) {
  const normalised = patient.nhsNumber.replace(/\\s/g, '');
  return createHash('md5').update(normalised).digest('hex');
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 4,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import { createHash } from 'node:crypto';
export function lookupValue(patient: { nhsNumber: string }) {
  const normalised = patient.nhsNumber.replace(/\\s/g, '');
  return createHash('sha256').update(normalised).digest('hex');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "SHA-1 of a member's SSN named as a dedupe key",
      code: `import { createHash } from 'node:crypto';
export function dedupeKey(member: { ssn: string }) {
  return createHash('sha1').update(member.ssn).digest('hex');
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import { createHash } from 'node:crypto';
export function dedupeKey(member: { ssn: string }) {
  return createHash('sha256').update(member.ssn).digest('hex');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'MD5 of a password stays a finding in a function named for a blocking key',
      code: `import { createHash } from 'node:crypto';
export function blockingKey(user: { password: string }) {
  return createHash('md5').update(user.password).digest('hex');
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import { createHash } from 'node:crypto';
export function blockingKey(user: { password: string }) {
  return createHash('sha256').update(user.password).digest('hex');
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-hardcoded-key (blind-s25 shapes: Medplum client secrets)', noHardcodedKey, {
  "valid": [
    {
      "name": "Medplum setBasicAuth with the secret from the environment",
      "code": "import { MedplumClient } from '@medplum/core';\nconst medplum = new MedplumClient();\nmedplum.setBasicAuth(process.env.MEDPLUM_CLIENT_ID!, process.env.MEDPLUM_CLIENT_SECRET!);\n",
      "filename": "case.ts"
    },
    {
      "name": "Medplum client id written in code (an id, not a secret)",
      "code": "import { MedplumClient } from '@medplum/core';\nexport const medplum = new MedplumClient({ baseUrl: 'https://fhir.example.org/', clientId: '3f1c2a9e-7d44-4b8a-9c0e-5a2b6d1e8f70' });\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "Medplum client secret written at startClientLogin",
      "code": "import { MedplumClient } from '@medplum/core';\nconst medplum = new MedplumClient({ baseUrl: 'https://api.medplum.com/' });\nexport async function login() {\n  await medplum.startClientLogin('3f1c2a9e-7d44-4b8a-9c0e-5a2b6d1e8f70', '8d917eb91f503e82a7580b0207af9fdc2d83c259278dc000f65b9ccda0170216');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { MedplumClient } from '@medplum/core';\n\nconst SECRET_KEY = requireEnv('SECRET_KEY');\nconst medplum = new MedplumClient({ baseUrl: 'https://api.medplum.com/' });\nexport async function login() {\n  await medplum.startClientLogin('3f1c2a9e-7d44-4b8a-9c0e-5a2b6d1e8f70', SECRET_KEY);\n}" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "Medplum clientSecret option with a hardcoded fallback",
      "code": "import { MedplumClient } from '@medplum/core';\nexport const medplum = new MedplumClient({ clientId: process.env.MEDPLUM_CLIENT_ID, clientSecret: process.env.MEDPLUM_CLIENT_SECRET ?? '8d917eb91f503e82a7580b0207af9fdc2d83c259278dc000f65b9ccda0170216' });\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedFallback",
          "line": 2,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { MedplumClient } from '@medplum/core';\nexport const medplum = new MedplumClient({ clientId: process.env.MEDPLUM_CLIENT_ID, clientSecret: requireEnv('MEDPLUM_CLIENT_SECRET') });" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "Medplum setBasicAuth with a literal secret on a client passed in",
      "code": "import type { MedplumClient } from '@medplum/core';\nexport function auth(medplum: MedplumClient) {\n  medplum.setBasicAuth('my-client', 'Xk2pQ9rTz7vLm4NbW8cYh3Jd');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import type { MedplumClient } from '@medplum/core';\n\nconst SECRET_KEY = requireEnv('SECRET_KEY');\nexport function auth(medplum: MedplumClient) {\n  medplum.setBasicAuth('my-client', SECRET_KEY);\n}" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-hardcoded-key (blind-s25 shapes: prisma-field-encryption and cloak keys)', noHardcodedKey, {
  "valid": [
    {
      "name": "prisma-field-encryption middleware with keys from the environment",
      "code": "import { PrismaClient } from '@prisma/client';\nimport { fieldEncryptionMiddleware } from 'prisma-field-encryption';\nconst prisma = new PrismaClient();\nprisma.$use(fieldEncryptionMiddleware({ encryptionKey: process.env.PRISMA_FIELD_ENCRYPTION_KEY, decryptionKeys: process.env.PRISMA_FIELD_DECRYPTION_KEYS?.split(',') }));\n",
      "filename": "case.ts"
    },
    {
      "name": "@47ng/cloak keychain and decryptString with keys from the environment",
      "code": "import { makeKeychain, decryptString } from '@47ng/cloak';\nexport async function open(msg: string) {\n  const keychain = await makeKeychain([process.env.CLOAK_MASTER_KEY!]);\n  return decryptString(msg, process.env.CLOAK_MASTER_KEY!);\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "prisma-field-encryption's encryptionKey written in code",
      "code": "import { PrismaClient } from '@prisma/client';\nimport { fieldEncryptionExtension } from 'prisma-field-encryption';\nexport const prisma = new PrismaClient().$extends(\n  fieldEncryptionExtension({ encryptionKey: 'k1.aesgcm256.HTWoEF05hB1M6M1vgWfn9AMWZN1+rfdgLl38fHbTAfo=' }),\n);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { PrismaClient } from '@prisma/client';\nimport { fieldEncryptionExtension } from 'prisma-field-encryption';\nexport const prisma = new PrismaClient().$extends(\n  fieldEncryptionExtension({ encryptionKey: requireEnv('FIELD_ENCRYPTION_EXTENSION_ENCRYPTION_KEY') }),\n);" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "prisma-field-encryption's decryptionKeys: one finding per written key, the environment entry aside",
      "code": "import { PrismaClient } from '@prisma/client';\nimport { fieldEncryptionExtension } from 'prisma-field-encryption';\nexport const prisma = new PrismaClient().$extends(\n  fieldEncryptionExtension({\n    encryptionKey: process.env.PRISMA_FIELD_ENCRYPTION_KEY,\n    decryptionKeys: [\n      'k1.aesgcm256.JsebCysxy17PC7tlVKkF19gZsCGdutaQrOqJcZgZNWo=',\n      process.env.PRISMA_FIELD_DECRYPTION_KEY_OLD!,\n    ],\n  }),\n);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 7,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { PrismaClient } from '@prisma/client';\nimport { fieldEncryptionExtension } from 'prisma-field-encryption';\nexport const prisma = new PrismaClient().$extends(\n  fieldEncryptionExtension({\n    encryptionKey: process.env.PRISMA_FIELD_ENCRYPTION_KEY,\n    decryptionKeys: [\n      requireEnv('FIELD_ENCRYPTION_EXTENSION_DECRYPTION_KEYS_1'),\n      process.env.PRISMA_FIELD_DECRYPTION_KEY_OLD!,\n    ],\n  }),\n);" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "@47ng/cloak encryptString with a key written in code",
      "code": "import { encryptString } from '@47ng/cloak';\nexport const seal = (s: string) => encryptString(s, 'k1.aesgcm256.T5grLJZLbLKUaMuiLQBm3VMs2XQ0dL5dDZW0jKLfKXs=');\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { encryptString } from '@47ng/cloak';\n\nconst ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');\nexport const seal = (s: string) => encryptString(s, ENCRYPTION_KEY);" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run('no-key-reuse-across-purposes (blind-s25 shapes)', noKeyReuseAcrossPurposes, {
  "valid": [],
  "invalid": [
    {
      "name": "one prisma-field-encryption key also keying an HMAC blind index",
      "code": "import { createHmac } from 'node:crypto';\nimport { PrismaClient } from '@prisma/client';\nimport { fieldEncryptionExtension } from 'prisma-field-encryption';\nconst FIELD_KEY = process.env.PRISMA_FIELD_ENCRYPTION_KEY!;\nexport const prisma = new PrismaClient().$extends(fieldEncryptionExtension({ encryptionKey: FIELD_KEY }));\nexport const ssnIndex = (ssn: string) => createHmac('sha256', FIELD_KEY).update(ssn).digest('hex');\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reused",
          "line": 4
        }
      ]
    }
  ]
});
