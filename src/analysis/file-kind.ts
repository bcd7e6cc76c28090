import * as path from 'node:path';

/** Test, fixture and mock files: keys there protect nothing in production. */
const TEST_FILE =
  /(?:^|[\\/])(?:__tests__|__mocks__|__fixtures__|tests?|spec|specs|fixtures?|mocks?|e2e|cypress|playwright)[\\/]|\.(?:test|spec|e2e|stories)\.[cm]?[jt]sx?$/i;

/**
 * Judged on the path relative to the working directory, so a project that
 * itself lives under a `tests/` folder is not mistaken for test code.
 */
export function isTestFile(filename: string, cwd?: string): boolean {
  const relative = cwd && path.isAbsolute(filename) ? path.relative(cwd, filename) : filename;
  return TEST_FILE.test(relative.replace(/\\/g, '/'));
}
