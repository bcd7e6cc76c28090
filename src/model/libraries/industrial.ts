import { call, construct } from '../define';
import type { LibraryModel } from '../types';

/**
 * node-opcua: an OPC UA client connects with one `securityPolicy` (`OPCUAClient.create({ securityPolicy, securityMode })`)
 * and a server offers the `securityPolicies` it lists (`new OPCUAServer({ securityPolicies: […] })`). A policy names the
 * whole suite of a secure channel; the two the OPC Foundation deprecated (OPC UA Part 7, 2017) are named here by the weak
 * hash they sign with: `Basic128Rsa15` (RSA-SHA1 signatures, HMAC-SHA1, RSA PKCS#1 v1.5 key transport) and `Basic256`
 * (RSA-SHA1 signatures, HMAC-SHA1). The channel is negotiated here and used later (`cipherPreference`). The current policies (`Basic256Sha256`,
 * `Aes128_Sha256_RsaOaep`, `Aes256_Sha256_RsaPss`) stay unnamed, so nothing reads them as anything weak.
 */
const DEPRECATED_POLICY_HASH = 'sha1';

export const nodeOpcua: LibraryModel = {
  id: 'node-opcua',
  roots: [{ module: 'node-opcua' }, { module: 'node-opcua-client' }, { module: 'node-opcua-server' }],
  apis: [
    call('OPCUAClient.create', 'client', { '0.securityPolicy': 'digest' }, { facts: { cipherPreference: true } }),
    construct('OPCUAServer', 'client', { '0.securityPolicies': 'algorithms' }, { facts: { cipherPreference: true } }),
  ],
  constants: {
    'SecurityPolicy.Basic128Rsa15': DEPRECATED_POLICY_HASH,
    'SecurityPolicy.Basic256': DEPRECATED_POLICY_HASH,
  },
};
