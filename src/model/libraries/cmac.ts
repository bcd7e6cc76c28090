import { call, construct } from '../define';
import type { LibraryModel } from '../types';

/**
 * AES-CMAC (RFC 4493), the MAC of LoRaWAN (MIC), BLE and many device protocols: node-aes-cmac's
 * `aesCmac(key, message, options)` and aes-cmac's `new AesCmac(key).calculate(message)`. Both key a
 * MAC: the key's purpose is `mac` (one device key also used for payload encryption is reuse).
 */
export const nodeAesCmac: LibraryModel = {
  id: 'node-aes-cmac',
  roots: [{ module: 'node-aes-cmac' }],
  apis: [call('aesCmac', 'mac', { 0: 'key', 1: 'data' })],
};

export const aesCmacPackage: LibraryModel = {
  id: 'aes-cmac',
  roots: [{ module: 'aes-cmac' }],
  apis: [construct('AesCmac', 'mac', { 0: 'key' })],
};
