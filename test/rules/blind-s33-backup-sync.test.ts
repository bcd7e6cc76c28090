import noInsecureRandomness from '../../rules/no-insecure-randomness';
import { createRuleTester } from './rule-tester';

// Shapes the blind set s33 part F (backup, file-sync and storage services: desktop sync agents, restic-like
// repositories, content-defined chunking, convergent encryption, SSE-C uploads, share links, key rotation) found
// missed: the id of a share link drawn with `Math.random` (decision 16: the id in a share link's URL is the capability
// that opens what was shared, like an invite code). The guards: a sampling fraction named `…Share`, a share's row
// count, and ids that name no share link.

const ruleTester = createRuleTester();

ruleTester.run('no-insecure-randomness (blind-s33 backup and sync shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'a canary fraction named for its share of traffic',
      code: "export function useCandidate(candidateShare: number): boolean {\n  return Math.random() < candidateShare;\n}\n",
      filename: 'case.ts',
    },
    {
      name: 'a sampled count of shares for a dashboard',
      code: 'export function shareCountSample(total: number): number {\n  return Math.floor(Math.random() * total);\n}\n',
      filename: 'case.ts',
    },
    {
      name: 'an upload id for a scratch file',
      code: "export function newUploadId(): string {\n  return Math.random().toString(36).slice(2, 10);\n}\n",
      filename: 'case.ts',
    },
    {
      name: 'retry jitter in a share link client',
      code: "export async function fetchShareLink(url: string) {\n  const jitter = Math.random() * 250;\n  await new Promise((r) => setTimeout(r, jitter));\n  return fetch(url);\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "a share link's id built from an alphabet",
      code: "const ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789';\nexport function newShareId(length = 12) {\n  let id = '';\n  for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];\n  return id;\n}\n",
      filename: 'case.js',
      errors: [{ messageId: 'predictableSecret', line: 4, column: 62 }],
    },
    {
      name: 'a share slug bound from Math.random',
      code: "export function publish(fileId: string) {\n  const shareSlug = Math.random().toString(36).slice(2);\n  return { fileId, url: `https://files.example/s/${shareSlug}` };\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: 'predictableSecret', line: 2, column: 21 }],
    },
  ],
});
