/** Realistic code with crypto calls, `lines` lines long. */
export function generatedSource(lines: number): string {
  const out: string[] = ["import { createHash, randomBytes } from 'node:crypto';", ''];
  let i = 0;
  while (out.length < lines - 6) {
    out.push(
      `export function digest${i}(input: string): string {`,
      `  const salt = randomBytes(16);`,
      `  return createHash('sha256').update(salt).update(input).digest('hex');`,
      `}`,
      '',
    );
    i++;
  }
  while (out.length < lines) out.push(`// filler ${out.length}`);
  return out.join('\n');
}
