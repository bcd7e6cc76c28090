import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getApiCalls } from '../src/analysis/api-calls';
import { keyUsesInImporters, keyUsesOfInjections, type ImporterKeyUse } from '../src/analysis/importer-key-uses';
import { tokenRegistrations } from '../src/analysis/dependency-injection';
import { algorithmLiteralsIn, algorithmNames, callerSelectsPurpose, distinct, exportedKeyBindings, isAsymmetricKey, keysThroughImportedHelpers, onePurposePerRun, purposeOfApi, trackKeys, type KeyPurpose, type KeyUse, type TrackedKey } from '../src/analysis/key-tracking';
import { toFix } from '../src/fix/edits';
import { purposeSubkeyEdits } from '../src/fix/purpose-subkeys';
import { getPolicy, keyForEnv, keyForKmsId, keyForName, policyName, type Policy } from '../src/policy';
import { createRule } from '../src/util/create-rule';
import { formatUseSites } from '../src/util/use-sites';

export type Options = [{ ignoreKeys?: string[] }];
export type MessageIds =
  | 'reused'
  | 'reusedKeyPair'
  | 'contradictsDeclared'
  | 'algorithmNotAllowed'
  | 'mixedUsages'
  | 'outsideUsages'
  | 'kmsSpecContradiction'
  | 'deriveSubkeys';

export default createRule<Options, MessageIds>({
  name: 'no-key-reuse-across-purposes',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow using one key for more than one purpose (encryption, MAC, signing, JWT, wrapping, password hashing, key derivation)',
      recommended: 'recommended',
      cwe: [323, 1240],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          ignoreKeys: {
            type: 'array',
            items: { type: 'string' },
            description: 'Keys to leave alone (legacy keys awaiting migration), by binding name, environment variable or KMS key id/alias.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      reused:
        '{{name}} is used for {{purposes}} ({{sites}}). One key, one purpose: derive a separate subkey per purpose (HKDF with distinct `info` labels) or provision separate keys.',
      reusedKeyPair:
        '{{name}} is a private key used for {{purposes}} ({{sites}}). One key pair, one purpose: generate a separate key pair for each (e.g. RSA-PSS or Ed25519 for signatures, RSA-OAEP or X25519 for encryption) and publish both public keys; HKDF subkeys do not apply to RSA/EC keys. Data encrypted to the old public key must be decrypted with the old key and re-encrypted.',
      contradictsDeclared: '{{name}} is declared for {{declared}} ({{source}}) but used for {{purpose}} here.',
      algorithmNotAllowed: '{{name}} is used with {{algorithm}} here; {{policy}} allows key "{{key}}" only with {{allowed}}.',
      mixedUsages: 'This key is created with usages {{usages}}, which mix purposes ({{purposes}}); create one key per purpose.',
      outsideUsages: '{{name}} is used for `{{usage}}`, which is not among its usages {{usages}}.',
      kmsSpecContradiction: 'This KMS key is created for {{first}} but its {{what}} only allows {{second}}.',
      deriveSubkeys:
        'Derive a purpose-bound subkey per use with HKDF (`info` "keywarden:<purpose>"). This changes the keys: existing ciphertexts and MACs made with {{name}} must be migrated (decrypt/verify with the old key, re-encrypt/re-MAC with the subkey).',
    },
  },
  defaultOptions: [{ ignoreKeys: [] }],
  create(context, [options]) {
    const ignored = new Set(options.ignoreKeys ?? []);
    const sourceCode = context.sourceCode;
    const ctx = { sourceCode, parserServices: sourceCode.parserServices };
    return {
      'Program:exit'() {
        const hasCalls = getApiCalls(sourceCode).length > 0;
        // A module with no crypto calls of its own may still export (or register in a DI container) a key its importers misuse.
        if (!hasCalls && !(ctx.parserServices?.program && (sourceCode.ast.body.some((s) => s.type === 'ExportNamedDeclaration') || tokenRegistrations(sourceCode).length > 0))) return;
        const policy = getPolicy(context);
        const reportedNodes = new Set<TSESTree.Node>();
        // One finding per node: a use that contradicts two declarations is one mistake.
        const report = (descriptor: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node }) => {
          if (reportedNodes.has(descriptor.node)) return;
          reportedNodes.add(descriptor.node);
          context.report(descriptor);
        };
        for (const key of trackKeys(ctx)) {
          if (ignored.has(key.name) || (key.envVar && ignored.has(key.envVar)) || (key.kmsKeyId && ignored.has(key.kmsKeyId))) continue;
          checkDeclared(key, policy, report);
          if (!checkReuse(key, report)) checkImportedTwice(key, report);
        }
        if (ctx.parserServices?.program) {
          checkExportedKeys(report);
          checkImportedHelpers(report);
          checkInjectedKeys(report);
        }
      },
    };

    /**
     * With type information: a key this module exports, used by its importers (and here) for two purposes
     * (`platformKey` signs links in one module and encrypts payloads in another). Reported once, on the
     * exported definition; the importers' uses are the use sites.
     */
    function checkExportedKeys(report: (d: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node }) => void): void {
      const keys = trackKeys(ctx);
      for (const exported of exportedKeyBindings(ctx)) {
        if (reportedDefinition(exported.definition, keys) || ignored.has(exported.name)) continue;
        const elsewhere = purposesOf(keyUsesInImporters(ctx, exported.binding));
        if (elsewhere.length === 0) continue;
        const here = keys.find((k) => k.definition === exported.definition)?.uses ?? [];
        // One importer using the key both ways sees the reuse itself and reports it there (4): not again here.
        if (here.length === 0 && distinct(elsewhere.map((u) => u.file)).length === 1) continue;
        const purposes = distinct([...here.map((u) => u.purpose), ...elsewhere.map((u) => u.purpose)]);
        if (purposes.length < 2) continue;
        const sitesText = [here.length > 0 ? sites(here) : '', ...distinct(elsewhere.map((u) => u.site))].filter(Boolean).join(', ');
        report({ node: exported.definition, messageId: 'reused', data: { name: quoteName(exported.name), purposes: purposes.join(' and '), sites: sitesText } });
      }
    }

    /**
     * With type information: a key of this file handed to helpers imported from other modules
     * (`macWith(partnerKey, …)`, `sealWith(partnerKey, …)`), whose own calls use it for two purposes, also
     * counting its direct uses here. Reported on the key's definition, or at the second conflicting
     * call when it has none (an environment variable read in place).
     */
    function checkImportedHelpers(report: (d: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node }) => void): void {
      const keys = trackKeys(ctx);
      for (const helped of keysThroughImportedHelpers(ctx)) {
        if (ignored.has(helped.name)) continue;
        const here = keys.find((k) => k.id === helped.id);
        if (here && distinct(here.uses.map((u) => u.purpose)).length > 1) continue; // reported by the in-file analysis
        const uses = [...(here?.uses ?? []).map((u) => ({ purpose: u.purpose, node: u.call.node as TSESTree.Node })), ...helped.uses.map((u) => ({ purpose: u.purpose, node: u.call as TSESTree.Node }))];
        uses.sort((a, b) => a.node.range[0] - b.node.range[0]);
        const purposes = distinct(uses.map((u) => u.purpose));
        if (purposes.length < 2) continue;
        const conflicting = uses.find((u) => u.purpose !== uses[0].purpose)!;
        const sitesText = [here && here.uses.length > 0 ? sites(here.uses) : '', ...distinct(helped.uses.map((u) => u.site))].filter(Boolean).join(', ');
        report({ node: helped.definition ?? conflicting.node, messageId: 'reused', data: { name: quoteName(helped.name), purposes: purposes.join(' and '), sites: sitesText } });
      }
    }

    /**
     * With type information: a value this file registers in a DI container under a token, injected by that
     * token into classes of other files that use it for two purposes (`@inject(TYPES.PartnerKey)` in a webhook
     * verifier that MACs and in a sealer that encrypts). Reported once, on the registered value; one class using
     * it both ways reports that itself (4).
     */
    function checkInjectedKeys(report: (d: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node }) => void): void {
      for (const registration of tokenRegistrations(sourceCode)) {
        if (ignored.has(registration.name)) continue;
        const uses = purposesOf(keyUsesOfInjections(ctx, registration.token));
        if (distinct(uses.map((u) => u.file)).length < 2) continue;
        const purposes = distinct(uses.map((u) => u.purpose));
        if (purposes.length < 2) continue;
        report({ node: registration.value, messageId: 'reused', data: { name: quoteName(registration.name), purposes: purposes.join(' and '), sites: distinct(uses.map((u) => u.site)).join(', ') } });
      }
    }

    /** The purpose of each key use found in another file, with its site as the message names it. */
    function purposesOf(uses: readonly ImporterKeyUse[]): { purpose: string; file: string; site: string }[] {
      return uses.flatMap((use) => {
        const purpose = purposeOfApi(use.api, use.libraryId, () => algorithmLiteralsIn(use.callText));
        return purpose ? [{ purpose, file: use.file, site: `${purpose} in ${use.file}:${use.line}` }] : [];
      });
    }

    /** A definition already reported by the in-file analysis (its own uses conflict). */
    function reportedDefinition(definition: TSESTree.Node, keys: readonly TrackedKey[]): boolean {
      const key = keys.find((k) => k.definition === definition);
      return key !== undefined && distinct(key.uses.map((u) => u.purpose)).length > 1;
    }

    /**
     * One secret imported as two CryptoKeys for different purposes (`importKey(raw, HMAC, ['sign'])` and
     * `importKey(raw, AES-GCM, ['encrypt'])`), even before either CryptoKey is used.
     */
    function checkImportedTwice(key: TrackedKey, report: (d: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node }) => void): void {
      const imports = key.declared.filter((d) => d.source === 'webcrypto-usages' && d.purposes.length > 0);
      // One import's purposes plus the secret's own direct uses (`importKey(raw, HMAC, ['sign'])` and
      // `createCipheriv(…, raw, iv)`) are two purposes as much as two imports are.
      const direct = key.uses.filter((u) => !u.via);
      if (imports.length === 0 || imports.length + (direct.length > 0 ? 1 : 0) < 2) return;
      const purposes = distinct([...imports.flatMap((d) => d.purposes), ...direct.map((u) => u.purpose)]);
      if (purposes.length < 2 || imports.some((d) => purposes.every((p) => d.purposes.includes(p)))) return;
      const second = imports.find((d) => d.purposes.some((p) => !imports[0].purposes.includes(p))) ?? imports[1] ?? imports[0];
      const at = [
        ...imports.map((d) => `${d.purposes.join('/')} at ${d.node.loc.start.line}:${d.node.loc.start.column + 1}`),
        ...direct.map((u) => `${u.purpose} at ${u.arg.loc.start.line}:${u.arg.loc.start.column + 1}`),
      ].join(', ');
      report({ node: key.definition ?? second.node, messageId: 'reused', data: { name: quoteName(key.name), purposes: purposes.join(' and '), sites: at } });
    }

    /**
     * A key this file only verifies with, and at least once as a signature's public key (`createVerify(…).verify(key, sig)`):
     * a public key, as its `jwt.verify` (with no `algorithms` saying so) also is. Verifying a signer's two formats with its
     * published key creates no second purpose here; whoever holds the private key decides that.
     */
    function verifiesOnlyWithPublicKey(key: TrackedKey): boolean {
      const verifying = (op: string | undefined) => op === 'verify' || op === 'jwt-verify';
      return key.uses.every((u) => verifying(u.call.api.operation)) && key.uses.some((u) => u.call.api.operation === 'verify' && u.purpose === 'sign');
    }

    function checkReuse(key: TrackedKey, report: (d: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node }) => void): boolean {
      const purposes = distinct(key.uses.map((u) => u.purpose));
      if (purposes.length < 2 || onePurposePerRun(sourceCode, key) || callerSelectsPurpose(sourceCode, key) || verifiesOnlyWithPublicKey(key)) return false;
      // Used only through one CryptoKey whose usages already mix these purposes: one mistake, reported once
      // where the usages are written (mixedUsages), not again on the bytes it was imported from.
      if (mixedAtCreation(key, purposes)) return true;
      // The secret's own uses are where it is used, or imported as the CryptoKey that is (`via`): with no
      // definition here, the second conflicting one of those, in source order, is where the finding goes (4).
      const ordered = [...key.uses].sort((a, b) => (a.via ?? a.arg).range[0] - (b.via ?? b.arg).range[0]);
      const first = ordered[0].purpose;
      const conflicting = ordered.find((u) => u.purpose !== first)!;
      // A secret defined elsewhere and used through a CryptoKey: the `importKey` is where it takes that purpose.
      const node = anchorOf(key) ?? conflicting.via ?? conflicting.arg;
      if (isAsymmetricKey(key)) {
        // No rewrite: the fix is a second key pair, provisioned outside the code.
        report({ node, messageId: 'reusedKeyPair', data: { name: quoteName(key.name), purposes: purposes.join(' and '), sites: sites(key.uses) } });
        return true;
      }
      const edits = purposeSubkeyEdits(sourceCode, key);
      const fix = edits && toFix(edits);
      report({
        node,
        messageId: 'reused',
        data: { name: quoteName(key.name), purposes: purposes.join(' and '), sites: sites(key.uses) },
        suggest: fix ? [{ messageId: 'deriveSubkeys', data: { name: quoteName(key.name) }, fix }] : [],
      });
      return true;
    }

    function checkDeclared(key: TrackedKey, policy: Policy, report: (d: TSESLint.ReportDescriptor<MessageIds> & { node: TSESTree.Node }) => void): void {
      // WebCrypto usages: mixing purposes at creation, and operations outside the usages.
      for (const usagesDecl of key.declared.filter((d) => d.source === 'webcrypto-usages' && d.purposes.length > 1)) {
        report({ node: usagesDecl.node, messageId: 'mixedUsages', data: { usages: JSON.stringify(key.usages), purposes: usagesDecl.purposes.join(' and ') } });
      }
      if (key.usages) {
        for (const use of key.uses) {
          if (use.usage && !key.usages.includes(use.usage)) {
            report({ node: anchorOf(key) ?? use.arg, messageId: 'outsideUsages', data: { name: quoteName(key.name), usage: use.usage, usages: JSON.stringify(key.usages) } });
          }
        }
      }
      // KMS: KeyUsage vs KeySpec at creation.
      const kms = key.declared.filter((d) => d.source === 'kms-key-usage');
      if (kms.length === 2 && !kms[0].purposes.some((p) => kms[1].purposes.includes(p))) {
        report({ node: kms[0].node, messageId: 'kmsSpecContradiction', data: { first: kms[0].purposes.join('/'), what: 'KeySpec', second: kms[1].purposes.join('/') } });
      }
      // Declared purposes (KMS KeyUsage/KeySpec, JSDoc, policy): every use must match.
      const declared: { purposes: KeyPurpose[]; source: string }[] = [
        ...kms.map((d) => ({ purposes: d.purposes, source: 'its KeyUsage/KeySpec' })),
        ...key.declared.filter((d) => d.source === 'jsdoc').map((d) => ({ purposes: d.purposes, source: '@keyPurpose' })),
      ];
      const fromPolicy = (key.envVar && keyForEnv(policy, key.envVar)) || (key.kmsKeyId && keyForKmsId(policy, key.kmsKeyId)) || keyForName(policy, key.name);
      const policyLabel = policyName(policy);
      if (fromPolicy) declared.push({ purposes: [fromPolicy.purpose], source: `${policyLabel}: ${fromPolicy.name}` });
      // The policy's algorithms for this key: each use must name one of them (case-insensitively, as written).
      if (fromPolicy?.algorithms?.length) {
        const allowed = new Set(fromPolicy.algorithms.map((a) => a.toLowerCase()));
        for (const use of key.uses) {
          for (const algorithm of distinct(algorithmNames(ctx, use.call))) {
            if (allowed.has(algorithm.toLowerCase())) continue;
            report({ node: use.arg, messageId: 'algorithmNotAllowed', data: { name: quoteName(key.name), algorithm, policy: policyLabel, key: fromPolicy.name, allowed: fromPolicy.algorithms.join(', ') } });
          }
        }
      }
      for (const decl of declared) {
        for (const use of key.uses) {
          if (decl.purposes.includes(use.purpose)) continue;
          report({ node: anchorOf(key) ?? use.arg, messageId: 'contradictsDeclared', data: { name: quoteName(key.name), declared: decl.purposes.join('/'), source: decl.source, purpose: use.purpose } });
        }
      }
    }
  },
});

/**
 * Where a finding about the key goes: its definition in this file; for bytes that come from
 * elsewhere (a parameter) but are used here only through the one CryptoKey imported from them,
 * that `importKey`/`generateKey` call, which defines the misused key. Otherwise none: the
 * finding goes on the second conflicting use.
 */
function anchorOf(key: TrackedKey): TSESTree.Node | undefined {
  if (key.definition && !isOneOfSeveralImports(key, key.definition)) return key.definition;
  const creators = key.declared.filter((d) => d.source === 'webcrypto-usages');
  return creators.length === 1 && key.uses.every((u) => u.usage !== undefined) ? creators[0].node : undefined;
}

/**
 * A secret with no binding in this file (`env.APP_SECRET` read by two helpers) imported by two `importKey` calls, one
 * per purpose: the first import is not where the key is defined — each import is a use, and the finding goes on the
 * second conflicting one (4, 40).
 */
function isOneOfSeveralImports(key: TrackedKey, definition: TSESTree.Node): boolean {
  const imports = new Set(key.uses.flatMap((u) => (u.via ? [u.via] : [])));
  return imports.size > 1 && imports.has(definition);
}

/** Every use goes through the one `importKey`/`generateKey` whose declared usages already hold all the purposes used. */
function mixedAtCreation(key: TrackedKey, purposes: readonly string[]): boolean {
  const creators = key.declared.filter((d) => d.source === 'webcrypto-usages');
  return creators.length === 1 && creators[0].purposes.length > 1 && purposes.every((p) => creators[0].purposes.includes(p as never)) && key.uses.every((u) => u.usage !== undefined);
}

function quoteName(name: string): string {
  return /^[\w$.#]+$/.test(name) ? `\`${name}\`` : name;
}

/** `encrypt at 5:10, mac at 9:3`: every use, in source order (the editor turns them into related locations). */
function sites(uses: readonly KeyUse[]): string {
  return formatUseSites(uses.map((u) => ({ purpose: u.purpose, line: u.arg.loc.start.line, column: u.arg.loc.start.column + 1 })));
}
