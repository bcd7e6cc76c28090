import * as assert from 'node:assert/strict';
import { requestFieldValue, responseFieldRefs, vaultTransitCalls } from '../../src/analysis/vault-transit';
import { analyze } from './analyze';

/** Each transit call's operation, the text of its request `plaintext` and of its response `plaintext` reads. */
function transit(code: string) {
  return analyze(code, ({ sourceCode }) =>
    vaultTransitCalls(sourceCode).map((call) => ({
      operation: call.endpoint.operation,
      request: sourceCode.getText(requestFieldValue(call, 'plaintext') ?? sourceCode.ast).slice(0, 40),
      response: responseFieldRefs(sourceCode, call, 'plaintext').map((ref) => sourceCode.getText(ref.node)),
    })),
  );
}

describe('vaultTransitCalls', () => {
  it('finds transit requests by path, whatever the HTTP client (fetch, axios instance, node-vault)', () => {
    const code = `
const a = await fetch(\`\${VAULT_ADDR}/v1/transit/datakey/plaintext/ingest\`, { method: 'POST', body: JSON.stringify({ context: c }) });
const { data } = await http.post('/v1/transit/encrypt/orders', { plaintext: body });
const r = await vault.write(\`transit/decrypt/\${KEY}\`, { ciphertext: ct });`;
    assert.deepEqual(transit(code).map((c) => c.operation), ['datakey', 'encrypt', 'decrypt']);
  });

  it('ignores sentences and other paths that mention transit', () => {
    const code = `
console.log('calling transit/encrypt/orders now');
await vault.write('transit/keys/orders', { type: 'aes256-gcm96' });
await fetch(\`\${VAULT_ADDR}/v1/transit/datakey/wrapped/ingest\`, { method: 'POST' });`;
    assert.deepEqual(transit(code), []);
  });

  it("finds node-vault's named transit commands on a node-vault client, not on other objects", () => {
    const code = `
const vault = require('node-vault')({ endpoint: process.env.VAULT_ADDR });
const crypto = makeCrypto();
const a = await vault.encryptData({ name: 'orders', plainText: body });
const b = await vault.decryptData({ name: 'orders', cipherText: a.data.ciphertext });
await crypto.encryptData({ name: 'orders', plainText: body });`;
    const found = analyze(code, ({ sourceCode }) =>
      vaultTransitCalls(sourceCode).map((call) => ({
        operation: call.endpoint.operation,
        request: sourceCode.getText(requestFieldValue(call, call.endpoint.requestField ?? call.endpoint.ciphertextField!) ?? sourceCode.ast),
        response: responseFieldRefs(sourceCode, call, 'plaintext').map((ref) => sourceCode.getText(ref.node)),
      })),
    );
    assert.deepEqual(found, [
      { operation: 'encrypt', request: 'body', response: [] },
      { operation: 'decrypt', request: 'a.data.ciphertext', response: [] },
    ]);
  });

  it('follows a path held in a const', () => {
    const code = `const url = \`\${VAULT}/v1/transit/datakey/plaintext/\${name}\`;\nconst res = await fetch(url, { method: 'POST' });`;
    assert.deepEqual(transit(code).map((c) => c.operation), ['datakey']);
  });
});

describe('requestFieldValue / responseFieldRefs', () => {
  it('reads the plaintext sent as the body, under json:, or inside JSON.stringify', () => {
    const code = `
await vault.write('transit/encrypt/a', { plaintext: one });
await got.post(\`\${V}/v1/transit/encrypt/b\`, { json: { plaintext: two } });
await fetch(\`\${V}/v1/transit/encrypt/c\`, { method: 'POST', body: JSON.stringify({ plaintext: three }) });`;
    assert.deepEqual(transit(code).map((c) => c.request), ['one', 'two', 'three']);
  });

  it('follows the response through await, .json(), .data and destructuring to its plaintext reads', () => {
    const code = `
async function f() {
  const res = await fetch(\`\${V}/v1/transit/datakey/plaintext/k\`, { method: 'POST' });
  if (!res.ok) throw new Error(String(res.status));
  const { data } = (await res.json()) as { data: { plaintext: string } };
  return data.plaintext;
}
async function g() {
  const { data } = await http.post('/v1/transit/datakey/plaintext/k', {});
  return [data.data.plaintext, data.data.ciphertext];
}
async function h() {
  const { data: { plaintext } } = await vault.write('transit/datakey/plaintext/k', {});
  return plaintext;
}`;
    assert.deepEqual(transit(code).map((c) => c.response), [['data.plaintext'], ['data.data.plaintext'], ['plaintext']]);
  });
});

describe('vaultTransitCalls: AWS KMS JSON API', () => {
  /** Each call's service, operation and the text of its request `Plaintext`. */
  function awsJson(code: string) {
    return analyze(code, ({ sourceCode }) =>
      vaultTransitCalls(sourceCode).map((call) => ({
        service: call.service,
        operation: call.endpoint.operation,
        request: call.endpoint.requestField ? sourceCode.getText(requestFieldValue(call, call.endpoint.requestField) ?? sourceCode.ast) : undefined,
      })),
    );
  }

  it('finds calls by their X-Amz-Target header, written inline or in a headers variable, whatever the client', () => {
    const code = `
const target = { 'x-amz-target': 'TrentService.GenerateDataKey', 'content-type': 'application/x-amz-json-1.1' };
await aws.fetch(url, { method: 'POST', headers: { 'X-Amz-Target': 'TrentService.Encrypt' }, body: JSON.stringify({ KeyId: k, Plaintext: data }) });
await fetch(url, { method: 'POST', headers: target, body: JSON.stringify({ KeyId: k, KeySpec: 'AES_256' }) });`;
    assert.deepEqual(awsJson(code), [
      { service: 'aws-kms', operation: 'encrypt', request: 'data' },
      { service: 'aws-kms', operation: 'datakey', request: undefined },
    ]);
  });

  it('ignores operations outside the table and the target named outside a header', () => {
    const code = `
await aws.fetch(url, { method: 'POST', headers: { 'X-Amz-Target': 'TrentService.Sign' }, body: JSON.stringify({ KeyId: k, Message: m }) });
await aws.fetch(url, { method: 'POST', body: JSON.stringify({ target: 'TrentService.Encrypt', Plaintext: data }) });
console.log('TrentService.Encrypt');`;
    assert.deepEqual(awsJson(code), []);
  });
});
