/** Source texts shared by the server tests. The keys are fake (made up for the tests). */
export const HARDCODED_KEY_SOURCE = `import { createCipheriv, randomBytes } from 'node:crypto';
const ENCRYPTION_KEY = '9c4e2a7f1b3d5e8a0c6f2b4d7e9a1c3f5b8d0e2a4c6f8b1d3e5a7c9f0b2d4e6a';
export function encrypt(text: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(ENCRYPTION_KEY, 'hex'), iv);
  return cipher.update(text);
}
export function encryptAgain(text: string) {
  return createCipheriv('aes-256-gcm', Buffer.from(ENCRYPTION_KEY, 'hex'), randomBytes(12)).update(text);
}
`;
