import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { listZip, readZipEntry, type ZipEntry } from './zip-listing';

const ROOT = path.resolve(__dirname, '../..');
/** The whole .vsix (zip) must stay below this; today it is about a third of it. */
const MAX_VSIX_BYTES = 4 * 1024 * 1024;

/** `require("…")` calls left in a bundle: anything but Node built-ins (and `vscode`) would be missing at run time. */
function externalRequires(bundle: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
  const names = new Set<string>();
  for (const match of text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) names.add(match[1]);
  return [...names].filter((name) => !builtinModules.includes(name.replace(/^node:/, '')));
}

describe('the .vsix package (npm run package)', function () {
  this.timeout(180_000);
  let vsix: string;
  let entries: ZipEntry[];

  before(() => {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    vsix = path.join(ROOT, 'keywarden.vsix');
    entries = listZip(vsix);
  });

  it('ships exactly the manifest, README, both bundles, the rule docs and the policy schema', () => {
    const docs = fs.existsSync(path.join(ROOT, 'docs/rules'))
      ? fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => `extension/docs/rules/${f}`)
      : [];
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/schema/keywarden.policy.schema.json',
      ...docs,
    ];
    assert.deepEqual(entries.map((e) => e.name).sort(), expected.sort());
  });

  it('holds no sources, tests, fixtures, source maps or node_modules', () => {
    const leaked = entries.filter((e) =>
      /(^|\/)(src|test|rules|scripts|node_modules|fixtures)\/|\.(ts|map|tsbuildinfo)$|(^|\/)\.env/.test(e.name),
    );
    assert.deepEqual(leaked, []);
  });

  it(`stays under ${MAX_VSIX_BYTES / 1024 / 1024} MB`, () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size < MAX_VSIX_BYTES, `${vsix} is ${size} bytes`);
  });

  it('carries a manifest whose entry point is the bundled client, without the npm-only fields', () => {
    const manifest = JSON.parse(readZipEntry(vsix, 'extension/package.json')) as Record<string, unknown>;
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.files, undefined);
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.equal((manifest.capabilities as { untrustedWorkspaces: { supported: boolean } }).untrustedWorkspaces.supported, true);
  });

  it('bundles every dependency: the client needs only vscode and Node, the server only Node', () => {
    assert.deepEqual(externalRequires('dist/extension.js'), ['vscode']);
    assert.deepEqual(externalRequires('dist/server.js'), []);
  });
});
