import * as assert from 'node:assert/strict';
import { describeAlgorithm, describeMode, describeRsaEncryptionPadding, isEcb, needsSeparateMac, xmlSecuritySha256Upgrade } from '../../src/model/algorithms';

describe('algorithm names', () => {
  it('recognises broken hashes in every spelling', () => {
    for (const name of ['md5', 'MD5', 'sha1', 'SHA-1', 'sha-1', 'RSA-SHA1', 'RSA-SHA1-2', 'sha1WithRSAEncryption', 'md5WithRSAEncryption', 'RSA-MD5', 'ripemd160', 'RIPEMD160', 'rmd160', 'md4', 'ssl3-md5', 'ecdsa-with-SHA1', 'HmacSHA1']) {
      const facts = describeAlgorithm(name);
      assert.equal(facts?.kind, 'hash', name);
      assert.equal(facts.weak, true, name);
    }
  });

  it('reads XML Signature and Encryption algorithm URIs by their fragment', () => {
    assert.equal(describeAlgorithm('http://www.w3.org/2000/09/xmldsig#rsa-sha1')?.weak, true);
    assert.equal(describeAlgorithm('http://www.w3.org/2000/09/xmldsig#sha1')?.weak, true);
    assert.equal(describeAlgorithm('http://www.w3.org/2001/04/xmldsig-more#rsa-md5')?.weak, true);
    assert.equal(describeAlgorithm('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256')?.weak, false);
    assert.equal(describeAlgorithm('http://www.w3.org/2001/04/xmlenc#tripledes-cbc')?.kind, 'cipher');
    // Canonicalization and transform URIs name no hash or cipher.
    assert.equal(describeAlgorithm('http://www.w3.org/2001/10/xml-exc-c14n#'), undefined);
    assert.equal(describeAlgorithm('http://www.w3.org/2000/09/xmldsig#enveloped-signature'), undefined);
    // Look-alike URIs outside the W3C namespaces are not parsed.
    assert.equal(describeAlgorithm('https://example.com/algorithms#sha1'), undefined);
  });

  it('upgrades weak XMLDSig URIs to the SHA-256 URI of the same kind', () => {
    assert.equal(xmlSecuritySha256Upgrade('http://www.w3.org/2000/09/xmldsig#rsa-sha1'), 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    assert.equal(xmlSecuritySha256Upgrade('http://www.w3.org/2000/09/xmldsig#sha1'), 'http://www.w3.org/2001/04/xmlenc#sha256');
    assert.equal(xmlSecuritySha256Upgrade('http://www.w3.org/2000/09/xmldsig#hmac-sha1'), 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256');
    assert.equal(xmlSecuritySha256Upgrade('http://www.w3.org/2001/04/xmlenc#tripledes-cbc'), null);
    assert.equal(xmlSecuritySha256Upgrade('sha1'), undefined);
  });

  it('knows strong hashes are not weak', () => {
    for (const name of ['sha256', 'SHA-256', 'sha512', 'SHA-384', 'sha3-256', 'RSA-SHA256', 'sha256WithRSAEncryption', 'blake2b512', 'sha512-256']) {
      const facts = describeAlgorithm(name);
      assert.equal(facts?.kind, 'hash', name);
      assert.equal(facts.weak, false, name);
    }
  });

  it('parses cipher names of node, forge, WebCrypto and crypto-js', () => {
    assert.deepEqual(describeAlgorithm('aes-256-gcm'), { kind: 'cipher', family: 'AES', weak: false, mode: 'gcm', keyBits: 256, authenticated: true });
    assert.deepEqual(describeAlgorithm('aes128'), { kind: 'cipher', family: 'AES', weak: false, mode: 'cbc', keyBits: 128, authenticated: false });
    assert.equal(describeAlgorithm('id-aes256-GCM')?.kind, 'cipher');
    assert.ok(isEcb(describeAlgorithm('AES-ECB')));
    assert.ok(isEcb(describeAlgorithm('aes-128-ecb')));
    assert.ok(isEcb(describeAlgorithm('des-ede3')));
    assert.ok(!isEcb(describeAlgorithm('AES-GCM')));
    assert.ok(needsSeparateMac(describeAlgorithm('AES-CTR')));
    assert.ok(needsSeparateMac(describeAlgorithm('aes-256-cbc')));
    assert.ok(!needsSeparateMac(describeAlgorithm('chacha20-poly1305')));
    assert.ok(needsSeparateMac(describeAlgorithm('chacha20')));
    for (const weak of ['des', 'des-cbc', 'des-ede3-cbc', 'des3', '3DES-CBC', 'TripleDES', 'rc4', 'RC4Drop', 'rc2-40-cbc', 'bf-cbc', 'Blowfish', 'idea-cbc', 'cast5-cbc', 'seed-cbc', 'DES-ECB']) {
      const facts = describeAlgorithm(weak);
      assert.equal(facts?.kind === 'cipher' && facts.weak, true, weak);
    }
  });

  it('does not mistake words for ciphers', () => {
    for (const word of ['description', 'des-cription', 'design', 'seedling', 'cast-iron', 'none', 'HS256', '', 'aes-256-banana']) {
      assert.equal(describeAlgorithm(word), undefined, word);
    }
  });

  it('names modes and RSA encryption paddings', () => {
    assert.equal(describeMode('ECB'), 'ecb');
    assert.equal(describeMode('CBC'), 'cbc');
    assert.equal(describeMode('Pkcs7'), undefined);
    assert.equal(describeRsaEncryptionPadding('RSA_PKCS1_PADDING'), 'pkcs1');
    assert.equal(describeRsaEncryptionPadding(1), 'pkcs1');
    assert.equal(describeRsaEncryptionPadding(4), 'oaep');
    assert.equal(describeRsaEncryptionPadding('RSAES-PKCS1-v1_5'), 'pkcs1');
    assert.equal(describeRsaEncryptionPadding('RSA-OAEP'), 'oaep');
  });
});
