import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, modify, parse } from 'jsonc-parser';
import type { TextEdit } from '../shared/protocol';
import { readOwnPackageJson } from '../util/package-info';
import { pathToUri } from './workspace-context';

export const ENVELOPE_MESSAGE_ID = 'rewriteToEnvelope';

const ENV_EXAMPLE_LINES = [
  '# keywarden/kms key-encryption key: local://NAME in development, a KMS key URI (aws-kms://arn:aws:kms:…) in production',
  'KEYWARDEN_KEY_URI=local://default',
];

/** Reads a file as the editor sees it: the open document's text when open, else the disk. */
export type ReadText = (filePath: string) => string | null;

/**
 * The other files an envelope-encryption rewrite needs, as edits by URI:
 * `keywarden` in the nearest package.json's dependencies when missing, and a
 * `KEYWARDEN_KEY_URI` line in `.env.example` when that file exists (next to
 * the package.json, or in the workspace folder).
 */
export function envelopeCompanionEdits(sourceFile: string, workspaceFolder: string | null, readText: ReadText): Record<string, TextEdit[]> {
  const changes: Record<string, TextEdit[]> = {};
  const packageJson = findUpward(path.dirname(sourceFile), 'package.json', workspaceFolder);
  if (packageJson) {
    const edit = addDependencyEdit(readText(packageJson));
    if (edit) changes[pathToUri(packageJson)] = [edit];
  }
  const envDirs = [packageJson ? path.dirname(packageJson) : null, workspaceFolder].filter((d): d is string => !!d);
  for (const dir of new Set(envDirs)) {
    const envExample = path.join(dir, '.env.example');
    const text = readText(envExample);
    if (text === null) continue;
    const edit = addKeyUriEdit(text);
    if (edit) changes[pathToUri(envExample)] = [edit];
    break;
  }
  return changes;
}

function addDependencyEdit(text: string | null): TextEdit | null {
  if (text === null) return null;
  const pkg = parse(text) as { name?: string; dependencies?: Record<string, string> } | undefined;
  if (!pkg || typeof pkg !== 'object' || pkg.name === 'keywarden' || pkg.dependencies?.keywarden) return null;
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const edits = modify(text, ['dependencies', 'keywarden'], `^${readOwnPackageJson().version}`, {
    formattingOptions: { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' },
  });
  if (edits.length === 0) return null;
  // One edit spanning the changed region, expressed in line/character positions.
  const updated = applyEdits(text, edits);
  return minimalEdit(text, updated);
}

function addKeyUriEdit(text: string): TextEdit | null {
  if (/^\s*KEYWARDEN_KEY_URI\s*=/m.test(text)) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const prefix = text.length === 0 || text.endsWith('\n') ? '' : eol;
  const end = positionAt(text, text.length);
  return { range: { start: end, end }, newText: prefix + ENV_EXAMPLE_LINES.join(eol) + eol };
}

/** One edit turning `before` into `after`: the span between their common prefix and suffix. */
export function minimalEdit(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { range: { start: positionAt(before, start), end: positionAt(before, endBefore) }, newText: after.slice(start, endAfter) };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

function findUpward(startDir: string, fileName: string, stopDir: string | null): string | null {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, fileName);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir || (stopDir && path.resolve(dir) === path.resolve(stopDir))) return null;
  }
}
