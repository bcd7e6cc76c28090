import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../analysis/api-calls';
import { unwrapExpression, variableOf, type SourceCode } from '../analysis/scope';
import { resolveValues, stringValues } from '../analysis/values';
import { describeAlgorithm, needsSeparateMac } from '../model/algorithms';
import { findCipherPair, type NodeCipherPair } from './cipher-pair';
import { argumentEdit, cryptoFunction, frameEdits, freshIvEdit, removeIfOnlyUsedAt, type FrameField } from './cipher-framing';
import type { TextEdit } from './edits';
import { indentOf, pickName, walk } from './source-shape';

export const GCM_KEY_INFO = 'keywarden:aes-256-gcm';

/** The upgrade's edits, and what its message says about the key. */
export interface GcmUpgrade {
  edits: TextEdit[];
  /** The key is not provably 32 bytes: a 32-byte key is derived from it with HKDF. */
  derivedKey: boolean;
}

/**
 * The weak-cipher fix for a node:crypto encrypt/decrypt pair (DES, 3DES, RC4,
 * Blowfish, ECB, CBC/CTR without a MAC): both sides switch to AES-256-GCM
 * with a 32-byte key (the same key when it provably has 32 bytes, else one
 * derived from it with HKDF-SHA256; keys known to be shorter than 16 bytes
 * are declined: deriving from them would only hide how weak they are), a
 * random 12-byte nonce per message and the authentication tag stored in front
 * of the ciphertext (`iv:tag:data`, or bytes prepended), set before decrypt's
 * final() so tampering is refused. An IV the pair already generates randomly
 * and stores is kept (at 12 bytes) when decrypt reads it without fixed offsets.
 */
export function gcmUpgradeFix(sourceCode: SourceCode, calls: readonly ApiCall[], sink: ApiCall): GcmUpgrade | undefined {
  try {
    const pair = findCipherPair(sourceCode, calls);
    if (!pair || (pair.encrypt.maker !== sink && pair.decrypt.maker !== sink)) return undefined;
    return build(sourceCode, pair);
  } catch {
    return undefined;
  }
}

function build(sourceCode: SourceCode, pair: NodeCipherPair): GcmUpgrade | undefined {
  const enc = pair.encrypt.call;
  const dec = pair.decrypt.call;
  if (!isUpgradable(sourceCode, enc) || !isUpgradable(sourceCode, dec)) return undefined;
  const [encAlgorithm, encKey, encIv] = enc.arguments;
  const [decAlgorithm, decKey, decIv] = dec.arguments;
  if (!encKey || !decKey || sourceCode.getText(encKey) !== sourceCode.getText(decKey)) return undefined;

  const keyBytes = knownLength(sourceCode, encKey);
  if (keyBytes !== undefined && keyBytes < 16) return undefined;
  const derivedKey = keyBytes !== 32;
  let keyText = sourceCode.getText(encKey);
  if (derivedKey) {
    const hkdf = cryptoFunction(sourceCode, enc, 'hkdfSync');
    if (!hkdf) return undefined;
    keyText = `Buffer.from(${hkdf}('sha256', ${keyText}, new Uint8Array(0), '${GCM_KEY_INFO}', 32))`;
  }

  const replacedIvs = [encIv, decIv].filter((n): n is TSESTree.CallExpressionArgument => n !== undefined);
  const kept = storedRandomIv(sourceCode, pair, encIv);
  const tag = pickName(sourceCode, ['tag', 'authTag']);
  const sealed = pickName(sourceCode, ['sealed', 'ciphertext', 'encryptedData']);
  const parts = pickName(sourceCode, ['parts', 'sections']);
  const iv = kept ? undefined : pickName(sourceCode, ['iv', 'nonce', 'messageIv'], replacedIvs);
  if (!tag || !sealed || !parts || (!kept && !iv)) return undefined;

  const edits: TextEdit[] = [];
  const fields: FrameField[] = [];
  if (kept) {
    edits.push({ range: kept.range, text: '12' });
  } else {
    const random = cryptoFunction(sourceCode, enc, 'randomBytes');
    if (!random) return undefined;
    edits.push(freshIvEdit(sourceCode, pair, iv!, 12, random));
    edits.push(argumentEdit(enc, 2, iv!)!, argumentEdit(dec, 2, iv!)!);
    fields.push({ name: iv!, bytes: 12, value: iv! });
  }
  fields.push({ name: tag, bytes: 16, value: `${pair.encrypt.objectName}.getAuthTag()` });
  edits.push({ range: encAlgorithm.range, text: `'aes-256-gcm'` }, { range: decAlgorithm.range, text: `'aes-256-gcm'` });
  if (derivedKey) edits.push({ range: encKey.range, text: keyText }, { range: decKey.range, text: keyText });
  edits.push(...frameEdits(sourceCode, pair, fields, { sealed, parts }));
  const statement = pair.decrypt.statement;
  edits.push({ range: [statement.range[1], statement.range[1]], text: `\n${indentOf(sourceCode.getText(), statement)}${pair.decrypt.objectName}.setAuthTag(${tag});` });

  // Constants only the rewritten arguments used (the algorithm name, a static IV) go.
  const removals = new Map<string, TextEdit>();
  for (const [node, uses] of [
    [encAlgorithm, [encAlgorithm, decAlgorithm]],
    [decAlgorithm, [encAlgorithm, decAlgorithm]],
    ...(kept ? [] : replacedIvs.map((n) => [n, replacedIvs] as const)),
  ] as const) {
    const removal = removeIfOnlyUsedAt(sourceCode, node, uses);
    if (removal) removals.set(removal.range.join(':'), removal);
  }
  return { edits: [...edits, ...removals.values()], derivedKey };
}

/** A cipher the fix replaces: weak, ECB, or unauthenticated; one known name. */
function isUpgradable(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const algorithm = call.arguments[0];
  if (!algorithm) return false;
  const names = stringValues({ sourceCode }, algorithm).map((c) => c.value);
  if (names.length !== 1 || typeof names[0] !== 'string') return false;
  const facts = describeAlgorithm(names[0]);
  return facts?.kind === 'cipher' && (facts.weak || facts.mode === 'ecb' || needsSeparateMac(facts));
}

/** Where a KDF or generator takes its output length. */
const LENGTH_ARGUMENT: Record<string, number> = { randomBytes: 0, alloc: 0, hkdfSync: 4, scryptSync: 2, pbkdf2Sync: 3 };

/**
 * The key's length in bytes: a constant's, or what generated it
 * (`randomBytes(32)`, `hkdfSync(…, 32)`, `scryptSync(p, s, 32)`, through
 * `Buffer.from(…)` and const bindings); undefined when not certain.
 */
function knownLength(sourceCode: SourceCode, key: TSESTree.Node, depth = 0): number | undefined {
  const expr = unwrapExpression(key);
  if (depth < 4 && expr.type === 'Identifier') {
    const variable = variableOf(sourceCode, expr);
    const def = variable?.defs[0];
    const declaration = def?.node.type === 'VariableDeclarator' ? (def.node.parent as TSESTree.VariableDeclaration) : undefined;
    if (variable?.defs.length === 1 && declaration?.kind === 'const' && def!.node.type === 'VariableDeclarator' && def!.node.init) {
      const generated = knownLength(sourceCode, def!.node.init, depth + 1);
      if (generated !== undefined) return generated;
    }
  }
  if (depth < 4 && expr.type === 'CallExpression') {
    const callee = unwrapExpression(expr.callee);
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
    const index = LENGTH_ARGUMENT[name];
    const length = index === undefined ? undefined : expr.arguments[index];
    if (length?.type === 'Literal' && typeof length.value === 'number') return length.value;
    if (name === 'from' && expr.arguments.length === 1) {
      const inner = knownLength(sourceCode, expr.arguments[0], depth + 1);
      if (inner !== undefined) return inner;
    }
  }
  const { values, complete } = resolveValues({ sourceCode, parserServices: sourceCode.parserServices }, key);
  if (!complete || values.length === 0) return undefined;
  const lengths = new Set(
    values.map((v) => (v.kind === 'bytes' ? (v.value as Uint8Array).length : v.kind === 'string' ? Buffer.byteLength(v.value as string) : -1)),
  );
  const [only] = [...lengths];
  return lengths.size === 1 && only >= 0 ? only : undefined;
}

/**
 * `const iv = crypto.randomBytes(16)` in encrypt, stored with the output (read
 * beyond the cipher call), and a decrypt that finds it without fixed offsets
 * (`split(':')`): its length literal, to become 12.
 */
function storedRandomIv(sourceCode: SourceCode, pair: NodeCipherPair, encIv: TSESTree.Node | undefined): TSESTree.Literal | undefined {
  if (!encIv || encIv.type !== 'Identifier') return undefined;
  const variable = variableOf(sourceCode, encIv);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.node.type !== 'VariableDeclarator' || def.node.parent.parent !== pair.encrypt.body) return undefined;
  const declared = def.node.id;
  const init = def.node.init && unwrapExpression(def.node.init);
  if (init?.type !== 'CallExpression' || init.arguments.length !== 1 || init.arguments[0].type !== 'Literal') return undefined;
  const callee = unwrapExpression(init.callee);
  const name = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : callee.type === 'Identifier' ? callee.name : '';
  if (name !== 'randomBytes') return undefined;
  const reads = variable.references.filter((r) => r.identifier !== declared);
  if (reads.length < 2) return undefined;
  let fixedOffsets = false;
  walk(pair.decrypt.body, (n) => {
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && /^(slice|subarray|substring|substr)$/.test(n.callee.property.name) && n.arguments.some((a) => a.type === 'Literal' && typeof a.value === 'number')) fixedOffsets = true;
  });
  return fixedOffsets || pair.output !== 'string' ? undefined : init.arguments[0];
}
