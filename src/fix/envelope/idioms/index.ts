import type { Idiom } from '../idiom';
import { cryptoJsIdiom } from './crypto-js';
import { nodeCryptoIdiom } from './node-crypto';
import { nodeForgeIdiom } from './node-forge';
import { webCryptoIdiom } from './webcrypto';

/** Every recogniser the envelope rewrite tries, in order; one line per library. */
export const IDIOMS: readonly Idiom[] = [
  nodeCryptoIdiom,
  cryptoJsIdiom,
  nodeForgeIdiom,
  webCryptoIdiom,
];
