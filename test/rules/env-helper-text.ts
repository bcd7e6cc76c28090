/**
 * The helper that no-hardcoded-key's "read from the environment" suggestion appends to a file without one
 * (src/fix/env-key.ts), as expected outputs end with it: `"…;" + REQUIRE_ENV_TS`. Written out here rather than
 * imported from the fix, so that a change to the helper's text shows up as failing tests.
 */
const helper = (signature: string) =>
  '\n\n/** A secret the service cannot run without: read from the environment, checked at start-up. */\n' +
  `${signature} {\n` +
  '  const value = process.env[name];\n' +
  '  if (!value) throw new Error(`Environment variable ${name} is not set: it holds a key that is no longer in the source code.`);\n' +
  '  return value;\n}';

/** The helper appended to a TypeScript file. */
export const REQUIRE_ENV_TS = helper('function requireEnv(name: string): string');
/** The helper appended to a JavaScript file. */
export const REQUIRE_ENV_JS = helper('function requireEnv(name)');
