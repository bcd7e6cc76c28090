import * as assert from 'node:assert/strict';
import { functionName } from '../../src/analysis/expression-names';
import { moduleExports } from '../../src/analysis/module-exports';
import { analyze } from './analyze';

/** Names of the exported functions and the count of other exports. */
function exportsOf(code: string, filename = 'input.js'): { functions: string[]; others: number } {
  return analyze(code, ({ sourceCode }) => {
    const found = moduleExports(sourceCode);
    return { functions: found.functions.map((fn) => functionName(fn) ?? '<anonymous>'), others: found.others };
  }, filename);
}

describe('moduleExports', () => {
  it('ESM: function declarations, arrow constants, `export default name`, specifiers', () => {
    const code = `export function md5(s) { return s; }
export const sha1 = (s) => s;
function ripemd(s) { return s; }
function sha224(s) { return s; }
export { ripemd };
export default sha224;`;
    assert.deepEqual(exportsOf(code), { functions: ['md5', 'sha1', 'ripemd', 'sha224'], others: 0 });
  });

  it('CommonJS: module.exports = fn, an object of functions, exports.x = fn', () => {
    assert.deepEqual(exportsOf(`module.exports = (algorithm) => algorithm;`), { functions: ['exports'], others: 0 });
    assert.deepEqual(exportsOf(`function a() {} const b = function () {}; module.exports = { a, b };`), { functions: ['a', 'b'], others: 0 });
    assert.deepEqual(exportsOf(`exports.a = function a() {}; module.exports.b = () => 1;`), { functions: ['a', 'b'], others: 0 });
  });

  it("TypeScript's CommonJS output: the `exports.x = void 0` slots are not exports of their own", () => {
    const code = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sha1 = exports.md5 = void 0;
function md5(s) { return s; }
exports.md5 = md5;
function sha1(s) { return s; }
exports.sha1 = sha1;`;
    assert.deepEqual(exportsOf(code), { functions: ['md5', 'sha1'], others: 0 });
  });

  it('counts what is not a function: constants, classes, re-exports', () => {
    assert.deepEqual(exportsOf(`export const ROUNDS = 10; export class Hasher {} export * from './other'; export function f() {}`), { functions: ['f'], others: 3 });
    assert.deepEqual(exportsOf(`module.exports = { md5: (s) => s, VERSION: '1' };`), { functions: [], others: 1 });
  });

  it('a script exports nothing', () => {
    assert.deepEqual(exportsOf(`function md5(s) { return s; }`), { functions: [], others: 0 });
  });
});
