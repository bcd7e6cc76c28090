import rule from '../../rules/no-hardcoded-key';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Secrets in configuration code: schema defaults (zod, convict, envalid), defaults of variables
// destructured from process.env, and the session/JWT libraries modelled for them (third blind set).
createRuleTester().run('no-hardcoded-key: configuration defaults and session libraries', rule, {
  valid: [
  "import { z } from 'zod';\n// Settings that are not secrets keep their defaults; secrets without one are required.\nexport const env = z.object({\n  JWT_SECRET: z.string().min(32),\n  SESSION_SECRET: z.string().default(''),\n  WEBHOOK_SECRET_HEADER: z.string().default('x-webhook-signature'),\n  KMS_KEY_ID: z.string().default('alias/app-data'),\n  REDIS_KEY_PREFIX: z.string().default('app:'),\n}).parse(process.env);",
  {
    "filename": "config.js",
    "code": "const convict = require('convict');\nmodule.exports = convict({\n  session: { secret: { doc: 'Signs the session cookie', format: String, default: null, env: 'SESSION_SECRET', sensitive: true } },\n  mail: { apiKey: { format: String, default: '', env: 'MAIL_API_KEY' } },\n});"
  },
  {
    "filename": "server.js",
    "code": "const session = require('express-session');\nconst { PORT = 3000, SESSION_SECRET, SESSION_COOKIE = 'sid' } = process.env;\nif (!SESSION_SECRET) throw new Error('SESSION_SECRET is required');\nmodule.exports = session({ name: SESSION_COOKIE, secret: SESSION_SECRET, resave: false, saveUninitialized: false });"
  },
  "// Public by design: a Firebase web config and a Supabase anon key identify the project, they authorise nothing.\nexport const firebaseConfig = { apiKey: 'AIzaSyD4kq9Wm2Xv7LpR0sTnJc8YbHe3Gu1Fa6Q', authDomain: 'demo.firebaseapp.com', projectId: 'demo' };\nexport const SUPABASE_ANON_KEY = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.QW5vbktleVNpZ25hdHVyZUJ5dGVzSGVyZTEy';",
  "import { getIronSession } from 'iron-session';\nimport { cookies } from 'next/headers';\nexport const getSession = () => getIronSession(cookies(), { password: process.env.SESSION_PASSWORD!, cookieName: 'app' });",
  {
    // koa-session's own options schema: a setting called just `key` names the session cookie.
    "name": "a bare `key` setting whose default is a cookie name",
    "code": "import { z } from 'zod';\nexport const SessionOptions = z.object({\n  key: z.string().default('koa.sess'),\n  maxAge: z.number().default(86400000),\n});"
  },
  "import { Hono } from 'hono';\nimport { jwt } from 'hono/jwt';\ntype Bindings = { JWT_SECRET: string };\nconst app = new Hono<{ Bindings: Bindings }>();\napp.use('/api/*', (c, next) => jwt({ secret: c.env.JWT_SECRET, alg: 'HS256' })(c, next));\nexport default app;"
],
  invalid: [
  {
    "name": "a bare `key` setting whose default is key material",
    "code": "import { z } from 'zod';\nexport const CacheOptions = z.object({\n  key: z.string().default('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'),\n});",
    "errors": [
      {
        "messageId": "hardcodedFallback",
        "line": 3,
        "suggestions": [
          {
            "messageId": "removeSchemaDefault",
            "output": "import { z } from 'zod';\nexport const CacheOptions = z.object({\n  key: z.string(),\n});"
          }
        ]
      }
    ]
  },
  {
    "code": "import { jwtVerify } from 'jose';\n\nexport const secretBytes = new TextEncoder().encode(process.env.SESSION_SECRET ?? 'fallback-session-secret-value');\nexport const keyFile = process.env.JWT_SECRET_FILE || '/run/secrets/jwt';",
    "errors": [
      {
        "messageId": "hardcodedFallback",
        "line": 3,
        "column": 83,
        "suggestions": [
          {
            "messageId": "readFromEnvironment",
            "output": "import { jwtVerify } from 'jose';\n\nexport const secretBytes = new TextEncoder().encode(requireEnv('SESSION_SECRET'));\nexport const keyFile = process.env.JWT_SECRET_FILE || '/run/secrets/jwt';" + REQUIRE_ENV_TS
          }
        ]
      }
    ]
  },
  {
    "code": "import { z } from 'zod';\n\nexport const env = z\n  .object({\n    PORT: z.coerce.number().default(3000),\n    JWT_SECRET: z.string().min(32).default('4e7c1a9f3b2d8e6a0c5f7b1d9e3a2c4f6b8d0e1a3c5f7b9d2e4a6c8f0b1d3e5a'),\n    SIGNATURE_HEADER: z.string().default('x-signature'),\n  })\n  .parse(process.env);",
    "errors": [
      {
        "messageId": "hardcodedFallback",
        "line": 6,
        "column": 44,
        "suggestions": [
          {
            "messageId": "removeSchemaDefault",
            "output": "import { z } from 'zod';\n\nexport const env = z\n  .object({\n    PORT: z.coerce.number().default(3000),\n    JWT_SECRET: z.string().min(32),\n    SIGNATURE_HEADER: z.string().default('x-signature'),\n  })\n  .parse(process.env);"
          }
        ]
      }
    ]
  },
  {
    "code": "const convict = require('convict');\n\nmodule.exports = convict({\n  session: {\n    secret: { doc: 'Signs the session cookie', format: String, default: 'R2d7Kq9LmX4vT8pZ1sW6yN3bF0hJ5cGe', env: 'SESSION_SECRET', sensitive: true },\n    name: { doc: 'Cookie name', format: String, default: 'sid' },\n  },\n});",
    "filename": "config.js",
    "errors": [
      {
        "messageId": "hardcodedFallback",
        "line": 5,
        "column": 73,
        "suggestions": []
      }
    ]
  },
  {
    "code": "import { cleanEnv, str } from 'envalid';\n\nexport const env = cleanEnv(process.env, {\n  COOKIE_SECRET: str({ devDefault: '9b3e7a1c5d2f8e4a6c0b9d3f7e1a5c2b' }),\n  API_KEY_HEADER: str({ default: 'x-api-key' }),\n});",
    "filename": "env.mjs",
    "errors": [
      {
        "messageId": "hardcodedFallback",
        "line": 4,
        "column": 36,
        "suggestions": []
      }
    ]
  },
  {
    "code": "const session = require('express-session');\n\nconst { PORT = 3000, SESSION_SECRET = 'Zk3pQ8vN2xR7tL1mW9cY4bH6dF0sJ5gAq2Xe7Uo1Ti=' } = process.env;\n\nmodule.exports = session({ secret: SESSION_SECRET, resave: false, saveUninitialized: false });",
    "filename": "server.js",
    "errors": [
      {
        "messageId": "hardcodedFallback",
        "line": 3,
        "column": 39,
        "suggestions": [
          {
            "messageId": "readFromEnvironment",
            "output": "const session = require('express-session');\n\nconst { PORT = 3000, SESSION_SECRET = requireEnv('SESSION_SECRET') } = process.env;\n\nmodule.exports = session({ secret: SESSION_SECRET, resave: false, saveUninitialized: false });" + REQUIRE_ENV_JS
          }
        ]
      }
    ]
  },
  {
    "code": "const { COOKIE_SIGNING_KEY = 'f1e2d3c4b5a697887766554433221100ffeeddccbbaa99887766554433221100' } = process.env;\n\nmodule.exports = { cookieKey: COOKIE_SIGNING_KEY };",
    "filename": "boot.js",
    "errors": [
      {
        "messageId": "hardcodedFallback",
        "line": 1,
        "column": 30,
        "suggestions": [
          {
            "messageId": "readFromEnvironment",
            "output": "const { COOKIE_SIGNING_KEY = requireEnv('COOKIE_SIGNING_KEY') } = process.env;\n\nmodule.exports = { cookieKey: COOKIE_SIGNING_KEY };" + REQUIRE_ENV_JS
          }
        ]
      }
    ]
  },
  {
    "code": "import { sealData, unsealData } from 'iron-session';\n\nconst password = 'complex_password_at_least_32_characters_long';\n\nexport const seal = (data: object) => sealData(data, { password, ttl: 900 });\nexport const unseal = (seal: string) => unsealData(seal, { password });",
    "errors": [
      {
        "messageId": "hardcodedKey",
        "line": 3,
        "column": 18,
        "suggestions": [
          {
            "messageId": "readFromEnvironment",
            "output": "import { sealData, unsealData } from 'iron-session';\n\nconst password = requireEnv('PASSWORD');\n\nexport const seal = (data: object) => sealData(data, { password, ttl: 900 });\nexport const unseal = (seal: string) => unsealData(seal, { password });" + REQUIRE_ENV_TS
          }
        ]
      }
    ]
  },
  {
    "code": "import { Hono } from 'hono';\nimport { jwt, sign } from 'hono/jwt';\n\nconst app = new Hono();\napp.use('/api/*', jwt({ secret: 'hono-demo-secret-2024' }));\napp.post('/login', async (c) => c.json({ token: await sign({ sub: 'u1' }, 'hono-demo-secret-2024') }));\nexport default app;",
    "errors": [
      {
        "messageId": "hardcodedKey",
        "line": 5,
        "column": 33,
        "suggestions": [
          {
            "messageId": "readFromEnvironment",
            "output": "import { Hono } from 'hono';\nimport { jwt, sign } from 'hono/jwt';\n\nconst app = new Hono();\napp.use('/api/*', jwt({ secret: requireEnv('JWT_SECRET') }));\napp.post('/login', async (c) => c.json({ token: await sign({ sub: 'u1' }, 'hono-demo-secret-2024') }));\nexport default app;" + REQUIRE_ENV_TS
          }
        ]
      },
      {
        "messageId": "hardcodedKey",
        "line": 6,
        "column": 75,
        "suggestions": [
          {
            "messageId": "readFromEnvironment",
            "output": "import { Hono } from 'hono';\nimport { jwt, sign } from 'hono/jwt';\n\nconst JWT_SECRET = requireEnv('JWT_SECRET');\n\nconst app = new Hono();\napp.use('/api/*', jwt({ secret: 'hono-demo-secret-2024' }));\napp.post('/login', async (c) => c.json({ token: await sign({ sub: 'u1' }, JWT_SECRET) }));\nexport default app;" + REQUIRE_ENV_TS
          }
        ]
      }
    ]
  },
  {
    "code": "import { createClient } from '@supabase/supabase-js';\n\nconst SUPABASE_SERVICE_ROLE_KEY = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.Qm9vT3RoZXJTaWduYXR1cmVCeXRlc0hlcmU4';\n\nexport const admin = createClient('https://abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY);",
    "errors": [
      {
        "messageId": "keyLikeConstant",
        "line": 3,
        "column": 35,
        "suggestions": [
          {
            "messageId": "readFromEnvironment",
            "output": "import { createClient } from '@supabase/supabase-js';\n\nconst SUPABASE_SERVICE_ROLE_KEY = requireEnv('SUPABASE_SERVICE_ROLE_KEY');\n\nexport const admin = createClient('https://abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY);" + REQUIRE_ENV_TS
          }
        ]
      }
    ]
  }
],
});
