/**
 * `npm run package`: packs the VS Code extension into keywarden.vsix with
 * @vscode/vsce, after the bundles are built (dist/extension.js, dist/server.js).
 *
 * The root package.json is also the npm package, and its `files` list (npm's
 * allow-list) cannot coexist with `.vscodeignore` in vsce. So vsce runs in a
 * staging folder that links every top-level entry of the repository and holds
 * the manifest without `files`/`scripts`/dependencies: `.vscodeignore` then
 * decides, over the whole repository, what the .vsix contains.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const STAGE = path.join(ROOT, 'out', 'vsix-stage');
const NEVER_LINKED = new Set(['package.json', 'node_modules', '.git', 'out']);

export function packageVsix(outFile = path.join(ROOT, 'keywarden.vsix')): string {
  for (const bundle of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, bundle))) throw new Error(`${bundle} is missing: run \`npm run package\` (it builds first)`);
  }
  fs.rmSync(STAGE, { recursive: true, force: true });
  fs.mkdirSync(STAGE, { recursive: true });
  for (const entry of fs.readdirSync(ROOT)) {
    if (NEVER_LINKED.has(entry) || entry.endsWith('.vsix')) continue;
    fs.symlinkSync(path.join(ROOT, entry), path.join(STAGE, entry));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  for (const npmOnly of ['files', 'scripts', 'devDependencies', 'dependencies', 'peerDependencies']) delete manifest[npmOnly];
  fs.writeFileSync(path.join(STAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--follow-symlinks', '--skip-license', '--out', outFile],
    { cwd: STAGE, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`vsce package failed (exit ${result.status})`);
  return outFile;
}

if (require.main === module) {
  try {
    console.log(`packaged ${path.relative(process.cwd(), packageVsix())}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
