import * as path from 'node:path';

/** File extensions keywarden lints (JavaScript and TypeScript in every module flavour). */
export const LINTABLE_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'] as const;

const EXTENSION_FOR_LANGUAGE: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

export function isLintablePath(filePath: string): boolean {
  const ext = path.extname(filePath).toLowerCase();
  return (LINTABLE_EXTENSIONS as readonly string[]).includes(ext) && !filePath.endsWith('.d.ts');
}

/**
 * The file name ESLint sees for a document: its path when it has a lintable
 * one, otherwise (untitled documents, odd extensions) a name whose extension
 * comes from the language id, so the right parser is chosen.
 */
export function lintFileName(filePath: string | null, languageId: string): string | null {
  if (filePath && isLintablePath(filePath)) return filePath;
  const ext = EXTENSION_FOR_LANGUAGE[languageId];
  if (!ext) return null;
  const base = filePath ? filePath : path.join(process.cwd(), 'untitled');
  return `${base}${ext}`;
}
