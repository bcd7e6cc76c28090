import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../analysis/api-calls';
import { unwrapExpression, variableOf, type SourceCode } from '../analysis/scope';
import { cryptoFunctions } from './crypto-imports';
import type { TextEdit } from './edits';
import { indentOf, isFunction, pickName, walk, within, type FunctionNode } from './source-shape';

/** scrypt at OWASP's minimum cost (N = 2^17, r = 8, p = 1); maxmem above the 128 MiB that needs. */
const SCRYPT_OPTIONS = '{ N: 131072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 }';
const PREFIX = 'scrypt$';

export interface PasswordUpgrade {
  edits: TextEdit[];
  /** The function that now verifies (and upgrades) passwords. */
  verify: string;
}

/**
 * The password-hash upgrade: a top-level `hash(password)` that returns a fast
 * digest (`createHash('md5').update(password).digest('hex')`) and is compared
 * in the file (`hash(pw) === stored`) becomes salted scrypt
 * (`scrypt$<salt>$<hash>`); the comparisons go through a verify function
 * (an existing `verify(pw, stored) { return hash(pw) === stored; }` is
 * reused) that checks scrypt hashes in constant time, still accepts old
 * digests (the old function is kept as `legacy…`, its weak hash marked as
 * the migration's), and hands their scrypt replacement to an optional
 * `onUpgrade` callback. Verify keeps returning a boolean, so a caller that
 * ignores the callback is still correct, just not upgrading.
 */
export function passwordUpgradeFix(sourceCode: SourceCode, hashCall: ApiCall, weakName: TSESTree.Node, typescript: boolean): PasswordUpgrade | undefined {
  try {
    return build(sourceCode, hashCall, weakName, typescript);
  } catch {
    return undefined;
  }
}

interface TopFunction {
  fn: FunctionNode;
  name: string;
  /** The whole top-level statement (for placing code after it). */
  statement: TSESTree.Node;
}

function build(sourceCode: SourceCode, hashCall: ApiCall, weakName: TSESTree.Node, typescript: boolean): PasswordUpgrade | undefined {
  const text = sourceCode.getText();
  const hasher = topFunction(hashCall.node);
  if (!hasher || hasher.fn.async || hasher.fn.generator || hasher.fn.params.length !== 1 || hasher.fn.params[0].type !== 'Identifier') return undefined;
  if (!within(weakName, hasher.fn)) return undefined; // the algorithm is named elsewhere: the legacy copy could not keep it
  const encoding = digestEncoding(sourceCode, hasher.fn);
  if (!encoding || hashCall.node.type !== 'CallExpression') return undefined;

  // Every use of the hasher: a comparison with a stored value, a call (a new hash to store), or an export.
  const uses = usesOf(sourceCode, hasher);
  if (!uses) return undefined;
  const comparisons = uses.filter((u) => u.stored !== undefined);
  if (comparisons.length === 0) return undefined;

  const crypto = cryptoFunctions(sourceCode, hashCall.node, ['randomBytes', 'scryptSync', 'timingSafeEqual']);
  if (!crypto) return undefined;
  const { randomBytes, scryptSync, timingSafeEqual } = crypto.refs;
  const legacyName = `legacy${hasher.name[0].toUpperCase()}${hasher.name.slice(1)}`;
  if (!pickName(sourceCode, [legacyName])) return undefined;
  const reused = reusableVerifier(sourceCode, hasher, comparisons);
  const verify = reused?.name ?? pickName(sourceCode, ['verifyPassword', 'checkPassword', 'verifyPasswordHash']);
  if (!verify) return undefined;

  const edits: TextEdit[] = [...crypto.edits];
  const password = (hasher.fn.params[0] as TSESTree.Identifier).name;
  const unit = '  ';
  // 1. New hashes: scrypt with a random salt.
  edits.push({
    range: hasher.fn.body.range,
    text:
      `{\n${unit}const salt = ${randomBytes}(16);\n${unit}const hash = ${scryptSync}(${password}, salt, 32, ${SCRYPT_OPTIONS});\n` +
      `${unit}return \`${PREFIX}\${salt.toString('hex')}$\${hash.toString('hex')}\`;\n}`,
  });
  // 2. The old function, kept to check hashes written before the migration.
  const fnText = text.slice(hasher.fn.range[0], hasher.fn.range[1]);
  const lineStart = text.lastIndexOf('\n', weakName.range[0] - 1) + 1;
  const offsetInFn = lineStart - hasher.fn.range[0];
  const weakIndent = indentOf(text, weakName);
  const marked =
    offsetInFn > 0
      ? fnText.slice(0, offsetInFn) + `${weakIndent}// eslint-disable-next-line keywarden/no-weak-algorithm -- legacy hashes: checked once, then replaced with scrypt\n` + fnText.slice(offsetInFn)
      : undefined;
  if (!marked) return undefined; // the weak name shares the function's first line: no room for the marker
  const legacy =
    hasher.fn.type === 'FunctionDeclaration'
      ? marked.replace(/^(\s*function\s*)[\w$]+/, `$1${legacyName}`)
      : `const ${legacyName} = ${marked};`;
  // 3. Verification that accepts both, upgrading the old ones.
  const types = typescript ? { s: ': string', cb: '?: (hash: string) => void', b: ': boolean' } : { s: '', cb: '', b: '' };
  const body = (pw: string, stored: string) =>
    `{\n${unit}if (${stored}.startsWith('${PREFIX}')) {\n` +
    `${unit}${unit}const [, salt, hash] = ${stored}.split('$');\n` +
    `${unit}${unit}const expected = Buffer.from(hash ?? '', 'hex');\n` +
    `${unit}${unit}if (expected.length !== 32) return false;\n` +
    `${unit}${unit}return ${timingSafeEqual}(${scryptSync}(${pw}, Buffer.from(salt ?? '', 'hex'), 32, ${SCRYPT_OPTIONS}), expected);\n${unit}}\n` +
    `${unit}// A hash from before the scrypt migration: accepted, and replaced through onUpgrade.\n` +
    `${unit}const legacy = Buffer.from(${legacyName}(${pw}));\n` +
    `${unit}const ok = legacy.length === Buffer.byteLength(${stored}) && ${timingSafeEqual}(legacy, Buffer.from(${stored}));\n` +
    `${unit}if (ok && onUpgrade) onUpgrade(${hasher.name}(${pw}));\n${unit}return ok;\n}`;
  const doc = `/** Checks a password against a stored hash: scrypt, or one from before the migration (accepted, then handed to onUpgrade to be saved in its place). */\n`;
  let verifier = '';
  if (reused) {
    const [pw, stored] = reused.fn.params as TSESTree.Identifier[];
    const end = stored.typeAnnotation ? stored.typeAnnotation.range[1] : stored.range[1];
    edits.push({ range: [end, end], text: `, onUpgrade${types.cb}` });
    edits.push({ range: reused.fn.body.range, text: body(pw.name, stored.name) });
  } else {
    // Exported like the hasher, so other modules verify (and upgrade) through it too.
    const exported = hasher.statement.type === 'ExportNamedDeclaration' ? 'export ' : '';
    verifier = `\n\n${doc}${exported}function ${verify}(${password}${types.s}, stored${types.s}, onUpgrade${types.cb})${types.b} ${body(password, 'stored')}`;
    for (const c of comparisons) {
      const call = `${verify}(${sourceCode.getText(c.password)}, ${sourceCode.getText(c.stored!)})`;
      edits.push({ range: c.comparison!.range, text: c.negated ? `!${call}` : call });
    }
  }
  edits.push({ range: [hasher.statement.range[1], hasher.statement.range[1]], text: `\n\n${legacy}${verifier}` });
  return { edits, verify };
}

function topFunction(node: TSESTree.Node): TopFunction | undefined {
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!fn || !isFunction(fn)) return undefined;
  const atTop = (s: TSESTree.Node) => s.parent?.type === 'Program' || (s.parent?.type === 'ExportNamedDeclaration' && s.parent.parent?.type === 'Program');
  if (fn.type === 'FunctionDeclaration' && fn.id && atTop(fn)) return { fn, name: fn.id.name, statement: fn.parent!.type === 'Program' ? fn : fn.parent! };
  const declarator = fn.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.init === fn && declarator.id.type === 'Identifier') {
    const declaration = declarator.parent;
    if (declaration.kind === 'const' && declaration.declarations.length === 1 && atTop(declaration)) {
      return { fn, name: declarator.id.name, statement: declaration.parent.type === 'Program' ? declaration : declaration.parent };
    }
  }
  return undefined;
}

/** `.digest('hex')` / `.digest('base64')` somewhere in the function: it returns a string. */
function digestEncoding(sourceCode: SourceCode, fn: FunctionNode): string | undefined {
  let found: string | undefined;
  walk(fn, (n) => {
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && n.callee.property.name === 'digest') {
      const arg = n.arguments[0];
      if (arg?.type === 'Literal' && (arg.value === 'hex' || arg.value === 'base64')) found = arg.value;
    }
  });
  return found;
}

interface Use {
  call?: TSESTree.CallExpression;
  password?: TSESTree.Node;
  stored?: TSESTree.Node;
  comparison?: TSESTree.BinaryExpression;
  negated?: boolean;
}

function usesOf(sourceCode: SourceCode, hasher: TopFunction): Use[] | undefined {
  const id = hasher.fn.type === 'FunctionDeclaration' ? hasher.fn.id! : ((hasher.fn.parent as TSESTree.VariableDeclarator).id as TSESTree.Identifier);
  const variable = variableOf(sourceCode, id);
  if (!variable) return undefined;
  const uses: Use[] = [];
  for (const ref of variable.references) {
    const node = ref.identifier as TSESTree.Node;
    if (node === id) continue;
    const parent = node.parent!;
    if (parent.type === 'CallExpression' && parent.callee === node && parent.arguments.length === 1) {
      const outer = parent.parent;
      if (outer?.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(outer.operator)) {
        const stored = outer.left === parent ? outer.right : outer.left;
        uses.push({ call: parent, password: parent.arguments[0], stored, comparison: outer, negated: outer.operator.startsWith('!') });
      } else {
        uses.push({ call: parent });
      }
      continue;
    }
    if (parent.type === 'ExportSpecifier' || (parent.type === 'Property' && parent.value === node) || (parent.type === 'AssignmentExpression' && parent.right === node)) continue;
    return undefined; // passed around as a value: its callers could compare anywhere
  }
  return uses;
}

/** `function verify(pw, stored) { return hash(pw) === stored; }` (or an arrow returning that): the verifier to keep. */
function reusableVerifier(sourceCode: SourceCode, hasher: TopFunction, comparisons: readonly Use[]): TopFunction | undefined {
  if (comparisons.length !== 1) return undefined;
  const c = comparisons[0];
  const owner = topFunction(c.comparison!);
  if (!owner || owner.fn.async || owner.fn.params.length !== 2 || !owner.fn.params.every((p) => p.type === 'Identifier') || c.negated) return undefined;
  const [pw, stored] = owner.fn.params as TSESTree.Identifier[];
  const body = owner.fn.body;
  const returned = body.type === 'BlockStatement' ? (body.body.length === 1 && body.body[0].type === 'ReturnStatement' ? body.body[0].argument : undefined) : body;
  if (!returned || unwrapExpression(returned) !== c.comparison) return undefined;
  const isParam = (node: TSESTree.Node | undefined, param: TSESTree.Identifier) => node?.type === 'Identifier' && node.name === param.name;
  if (!isParam(c.password, pw) || !isParam(c.stored, stored) || body.type !== 'BlockStatement') return undefined;
  return owner === hasher ? undefined : owner;
}
