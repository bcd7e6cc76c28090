import type { Idiom } from '../idiom';
import { nodeCryptoIdiom } from './node-crypto';

/** Every recogniser the envelope rewrite tries, in order; one line per library. */
export const IDIOMS: readonly Idiom[] = [
  nodeCryptoIdiom,
];
