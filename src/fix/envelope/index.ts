import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../../analysis/api-calls';
import type { SourceCode } from '../../analysis/scope';
import { findPair, type CipherPair } from './recognise';

/** One text replacement; ranges are offsets in the original source. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

export const LEGACY_KEY_ENV = 'KEYWARDEN_LEGACY_KEY';
export const KEY_URI_ENV = 'KEYWARDEN_KEY_URI';
const KMS_MODULE = 'keywarden/kms';

/**
 * The envelope rewrite of a node:crypto encrypt/decrypt pair whose key is the
 * hardcoded constant at `keyOrigin`: both functions go through a module-level
 * `keywarden/kms` client, keep their names and output encoding but become
 * async, and decrypt hands old-format ciphertexts to the original decrypt
 * (kept as `legacy…`, its key read from KEYWARDEN_LEGACY_KEY). Pure: source
 * and analysis in, edits out; undefined when anything is not certain.
 */
export function envelopeRewrite(sourceCode: SourceCode, calls: readonly ApiCall[], keyOrigin: TSESTree.Node): TextEdit[] | undefined {
  try {
    const pair = findPair(sourceCode, calls, keyOrigin);
    return pair && buildEdits(sourceCode, pair);
  } catch {
    return undefined; // an unexpected shape is an unrecognised idiom, never a crash
  }
}

/** The edits as an ESLint fix function (for suggestions). */
export function toFix(edits: readonly TextEdit[]): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text));
}

/** Applies non-overlapping edits to a text (for the editor and tests). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, edit.range[0]) + edit.text + out.slice(edit.range[1]);
  return out;
}

function buildEdits(sourceCode: SourceCode, pair: CipherPair): TextEdit[] | undefined {
  const text = sourceCode.getText();
  const program = sourceCode.ast;
  const names = topLevelNames(sourceCode);
  const taken = (name: string) => names.has(name);
  const client = ['envelope', 'envelopeClient', 'keywardenClient'].find((n) => !taken(n));
  const legacyName = `legacy${pair.decrypt.name[0].toUpperCase()}${pair.decrypt.name.slice(1)}`;
  const keyReader = 'legacyKey';
  if (!client || taken(legacyName) || taken(keyReader) || taken('createEnvelopeClient')) return undefined;

  const edits: TextEdit[] = [];
  const ts = pair.typescript;
  // 1. import + client after the last import/require.
  // Built from parts so bundlers and bundle scanners do not mistake the generated text for a real import.
  const requireCall = ['req', 'uire'].join('');
  const importLine = pair.esm ? `import { createEnvelopeClient } from '${KMS_MODULE}';` : `const { createEnvelopeClient } = ${requireCall}('${KMS_MODULE}');`;
  const clientLine = `const ${client} = createEnvelopeClient({ keyUri: process.env.${KEY_URI_ENV}, purpose: 'encrypt' });`;
  edits.push({ range: [pair.lastImport.range[1], pair.lastImport.range[1]], text: `\n${importLine}\n\n${clientLine}` });

  // 2. the key declaration goes (its literal lives on only inside the legacy decrypt, read from the environment).
  const keyInit = text.slice(pair.keyDeclarator.init!.range[0], pair.origin.range[0]) + `${keyReader}()` + text.slice(pair.origin.range[1], pair.keyDeclarator.init!.range[1]);
  edits.push({ range: lineRange(text, pair.keyStatement), text: '' });

  // 3. encrypt and decrypt bodies.
  const param = (fn: CipherPair['encrypt']) => fn.params[0];
  const plain = param(pair.encrypt);
  const sealed = param(pair.decrypt);
  const encBody = `{\n  return (await ${client}.encrypt(${plain})).toString('${pair.outputEncoding}');\n}`;
  const decOut = pair.decryptReturnsBuffer ? '' : ".toString('utf8')";
  const decBody = `{\n  return (await ${client}.decrypt(Buffer.from(${sealed}, '${pair.outputEncoding}'), { legacy: () => ${legacyName}(${sealed}) }))${decOut};\n}`;
  for (const [fn, body] of [
    [pair.encrypt, encBody],
    [pair.decrypt, decBody],
  ] as const) {
    edits.push({ range: [fn.asyncAt, fn.asyncAt], text: 'async ' });
    edits.push({ range: fn.body.range, text: body });
    if (ts && fn.returnType) edits.push({ range: fn.returnType.range, text: `Promise<${text.slice(fn.returnType.range[0], fn.returnType.range[1])}>` });
  }

  // 4. the old decrypt, kept for old records, with its key from the environment.
  const oldDecrypt = text.slice(pair.decrypt.node.range[0], pair.decrypt.node.range[1]);
  const bodyStart = pair.decrypt.body.range[0] - pair.decrypt.node.range[0] + 1;
  let legacy = oldDecrypt.slice(0, bodyStart) + `\n  const ${pair.keyName} = ${keyInit};` + oldDecrypt.slice(bodyStart);
  legacy = pair.decrypt.kind === 'declaration' ? legacy.replace(/^(\s*function\s+)[\w$]+/, `$1${legacyName}`) : `const ${legacyName} = ${legacy};`;
  const stringType = ts ? ': string' : '';
  const reader =
    `/** The pre-envelope key, for records written before the migration; never in source. */\n` +
    `function ${keyReader}()${stringType} {\n  const key = process.env.${LEGACY_KEY_ENV};\n` +
    `  if (!key) throw new Error('${LEGACY_KEY_ENV} is not set: it is needed to decrypt records written before the envelope migration');\n  return key;\n}`;
  edits.push({ range: [pair.lastStatement.range[1], pair.lastStatement.range[1]], text: `\n\n${legacy}\n\n${reader}\n` });

  // 5. in-file callers await the now-async functions.
  edits.push(...awaitEdits(text, pair.callers));
  return edits;
}

/** `f(x)` → `await f(x)` (parenthesised under a member access); nested calls become one edit. */
function awaitEdits(text: string, callers: readonly TSESTree.CallExpression[]): TextEdit[] {
  const inside = (inner: TSESTree.Node, outer: TSESTree.Node) => inner !== outer && outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
  const awaited = (call: TSESTree.CallExpression): string => {
    const nested = callers.filter((c) => inside(c, call) && !callers.some((o) => o !== c && inside(c, o) && inside(o, call)));
    const innerEdits = nested.map((c) => ({ range: [c.range[0] - call.range[0], c.range[1] - call.range[0]] as [number, number], text: awaited(c) }));
    const callText = applyEdits(text.slice(call.range[0], call.range[1]), innerEdits);
    const wrap = call.parent?.type === 'MemberExpression' && call.parent.object === call;
    return wrap ? `(await ${callText})` : `await ${callText}`;
  };
  return callers.filter((c) => !callers.some((o) => inside(c, o))).map((c) => ({ range: c.range, text: awaited(c) }));
}

/** Names bound at the top of the module (and used as globals), so the new ones do not collide. */
function topLevelNames(sourceCode: SourceCode): Set<string> {
  const global = sourceCode.getScope(sourceCode.ast);
  const names = new Set<string>(global.set.keys());
  for (const ref of global.through) names.add(ref.identifier.name);
  for (const child of global.childScopes) if (child.type === 'module' || child.block === sourceCode.ast) for (const name of child.set.keys()) names.add(name);
  return names;
}

/** The statement's whole line(s), so removing it leaves no blank hole. */
function lineRange(text: string, node: TSESTree.Node): [number, number] {
  const start = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  const newline = text.indexOf('\n', node.range[1]);
  const end = newline === -1 ? node.range[1] : newline + 1;
  return /^[ \t]*$/.test(text.slice(start, node.range[0])) && /^[ \t;]*$/.test(text.slice(node.range[1], newline === -1 ? undefined : newline)) ? [start, end] : node.range;
}


