import type { TSESTree } from '@typescript-eslint/utils';
import { cliOptionDefault } from '../analysis/config-schema';
import { words } from '../analysis/names';
import { memberName, propertyName, unwrapExpression, type SourceCode } from '../analysis/scope';
import { destructuredEnvVar, envVarName } from '../analysis/values';
import type { TextEdit } from './edits';
import { lastImport, pickName, runsAtModuleLoad } from './source-shape';

/** The "read the key from an environment variable" fix, and what its message needs. */
export interface EnvKeyFix {
  edits: TextEdit[];
  /** The environment variable the key now comes from. */
  envVar: string;
  /** How the value is written there: `hex`, `base64` or `text` (the format it has in the source today). */
  format: string;
}

const HELPER_NAMES = ['requireEnv', 'requiredEnv', 'readRequiredEnv'];

/**
 * Replaces a hardcoded key (the literal at `origin`) by a read of an
 * environment variable named from its binding (`sessionKey` → SESSION_KEY),
 * through a helper that throws a clear error when the variable is unset. The
 * read happens at start-up: in place for a module-level constant, otherwise
 * through a new module-level constant. Whatever wraps the literal stays
 * (`Buffer.from(KEY, 'hex')` keeps reading hex), so the key itself does not
 * change. A `process.env.X || '…'` fallback becomes a required X.
 * `sinkName` names the variable when the literal has no binding (`jwt.sign(p, '…')`).
 */
export function envKeyFix(sourceCode: SourceCode, origin: TSESTree.Node, typescript: boolean, sinkName: string): EnvKeyFix | undefined {
  try {
    return build(sourceCode, origin, typescript, sinkName);
  } catch {
    return undefined; // an unexpected shape gets no fix, never a crash
  }
}

function build(sourceCode: SourceCode, origin: TSESTree.Node, typescript: boolean, sinkName: string): EnvKeyFix | undefined {
  if (!isStringLiteral(origin)) return undefined;
  const program = sourceCode.ast;
  const parent = origin.parent!;
  // A string enum member must stay a constant expression; a command-line option's default would
  // demand the variable even when the flag is passed: no environment read fits there.
  if (parent.type === 'TSEnumMember' || isCliOptionDefault(origin)) return undefined;
  let replaced: TSESTree.Node = origin;
  let envVar: string | undefined;
  if (parent.type === 'LogicalExpression' && parent.operator !== '&&' && parent.right === origin) {
    envVar = envVarName(parent.left);
    if (!envVar) return undefined;
    replaced = parent;
  } else if (parent.type === 'AssignmentPattern' && parent.right === origin) {
    // `const { SECRET = '…' } = process.env`: the default runs only when SECRET is unset, so it becomes the check.
    envVar = destructuredEnvVar(parent) ?? toEnvName(bindingName(origin) ?? sinkName);
  } else {
    envVar = toEnvName(bindingName(origin) ?? sinkName);
  }
  if (!envVar || !/^[A-Z_][A-Z0-9_]*$/.test(envVar)) return undefined;
  // A second key in a file this fix already touched reuses its helper (and its module-level constant).
  const existing = existingHelper(sourceCode);
  const helper = existing ?? pickName(sourceCode, HELPER_NAMES);
  if (!helper) return undefined;

  const edits: TextEdit[] = [];
  const read = `${helper}('${envVar}')`;
  if (runsAtModuleLoad(replaced)) {
    edits.push({ range: replaced.range, text: read });
  } else if (existing && hoistedRead(program, envVar, read)) {
    edits.push({ range: replaced.range, text: envVar });
  } else {
    // Read once at start-up, not on first use: a missing key must stop the service before it serves anything.
    if (!pickName(sourceCode, [envVar], [replaced])) return undefined;
    const anchor = lastImport(program);
    const declaration = `const ${envVar} = ${read};`;
    if (anchor) edits.push({ range: [anchor.range[1], anchor.range[1]], text: `\n\n${declaration}` });
    else if (program.body[0]) edits.push({ range: [program.body[0].range[0], program.body[0].range[0]], text: `${declaration}\n\n` });
    else return undefined;
    edits.push({ range: replaced.range, text: envVar });
  }
  if (existing) return { edits, envVar, format: formatOf(origin) };
  const last = program.body[program.body.length - 1];
  const typed = typescript ? { param: ': string', result: ': string' } : { param: '', result: '' };
  const helperText =
    `\n\n/** A secret the service cannot run without: read from the environment, checked at start-up. */\n` +
    `function ${helper}(name${typed.param})${typed.result} {\n` +
    `  const value = process.env[name];\n` +
    `  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);\n` +
    `  return value;\n}`;
  edits.push({ range: [last.range[1], last.range[1]], text: helperText });
  return { edits, envVar, format: formatOf(origin) };
}

/** The helper this fix added earlier, recognised by its name and its body. */
function existingHelper(sourceCode: SourceCode): string | undefined {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'FunctionDeclaration' && statement.id && HELPER_NAMES.includes(statement.id.name) && statement.params.length === 1) {
      const text = sourceCode.getText(statement);
      if (text.includes('= process.env[name];') && text.includes('is not set')) return statement.id.name;
    }
  }
  return undefined;
}

/** Is there already a module-level `const NAME = helper('NAME')`? */
function hoistedRead(program: TSESTree.Program, name: string, read: string): boolean {
  return program.body.some(
    (s) =>
      s.type === 'VariableDeclaration' &&
      s.kind === 'const' &&
      s.declarations.length === 1 &&
      s.declarations[0].id.type === 'Identifier' &&
      s.declarations[0].id.name === name &&
      s.declarations[0].init?.type === 'CallExpression' &&
      s.declarations[0].init.range[1] - s.declarations[0].init.range[0] === read.length,
  );
}

function isStringLiteral(node: TSESTree.Node): boolean {
  return (node.type === 'Literal' && typeof node.value === 'string') || (node.type === 'TemplateLiteral' && node.expressions.length === 0);
}

/**
 * How the value must be written in the variable: exactly as in the source,
 * which is hex or base64 when the code decodes it that way (`Buffer.from(lit,
 * 'hex')`) or when it evidently is, plain text otherwise.
 */
function formatOf(origin: TSESTree.Node): string {
  const call = origin.parent;
  if (call?.type === 'CallExpression' && call.arguments[0] === origin && call.arguments[1]?.type === 'Literal') {
    const encoding = String(call.arguments[1].value).toLowerCase();
    if (['hex', 'base64', 'base64url'].includes(encoding)) return `${encoding}, as written today`;
  }
  const value = origin.type === 'Literal' ? String(origin.value) : (origin as TSESTree.TemplateLiteral).quasis[0].value.cooked ?? '';
  if (/^(?:[0-9a-f]{2})+$/i.test(value) && value.length >= 32) return 'the same hex string';
  return 'the same string';
}

/** The name the literal is bound to: a variable, an object property path, a class field or an assignment target. */
function isCliOptionDefault(origin: TSESTree.Node): boolean {
  const parent = origin.parent;
  const call = parent?.type === 'Property' ? parent.parent?.parent : parent;
  return call?.type === 'CallExpression' && (cliOptionDefault(call)?.defaults.includes(origin) ?? false);
}

function bindingName(origin: TSESTree.Node): string | undefined {
  let node: TSESTree.Node = origin;
  // Through value-preserving wrappers: `Buffer.from('…', 'hex')`, `'…' as const`, `new TextEncoder().encode('…')`.
  for (;;) {
    const parent = node.parent;
    if (!parent) return undefined;
    if (unwrapExpression(parent) !== parent || parent.type === 'TSAsExpression' || parent.type === 'TSSatisfiesExpression') {
      node = parent;
      continue;
    }
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments[0] === node && isEncodingCall(parent)) {
      node = parent;
      continue;
    }
    break;
  }
  const parent = node.parent!;
  // One of several keys (`keys: ['k1', 'k2']`): each gets its own variable, numbered.
  if (parent.type === 'ArrayExpression') {
    const owner = bindingName(parent);
    return owner ? `${owner}_${parent.elements.indexOf(node as TSESTree.Expression) + 1}` : undefined;
  }
  if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') return parent.id.name;
  if (parent.type === 'PropertyDefinition' && parent.value === node && !parent.computed) {
    const own = propertyName(parent.key);
    // A lone `key` field takes its class's name: `TokenSealer.key` → TOKEN_SEALER_KEY.
    const owner = parent.parent.parent;
    const className = (owner?.type === 'ClassDeclaration' || owner?.type === 'ClassExpression') && owner.id ? owner.id.name : undefined;
    return own && words(own).length === 1 && className ? `${className}_${own}` : own;
  }
  if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'MemberExpression') return memberName(parent.left);
  if (parent.type === 'Property' && parent.value === node && !parent.computed) {
    const own = propertyName(parent.key);
    if (!own) return undefined;
    // A DI provider's value is named by its token: `{ provide: 'PARTNER_SECRET', useValue: '…' }`, `register(SIGNING_KEY, { useValue })`.
    if (own === 'useValue') {
      const token = providerTokenName(parent.parent as TSESTree.ObjectExpression);
      if (token) return token;
    }
    // `{ jwt: { secret: '…' } }` → JWT_SECRET; a lone generic word takes its owner's name.
    const path = [own];
    for (let object = parent.parent; object?.type === 'ObjectExpression'; ) {
      const holder: TSESTree.Node | undefined = object.parent;
      if (holder?.type === 'Property' && !holder.computed) {
        const name = propertyName(holder.key);
        if (name) path.unshift(name);
        object = holder.parent as TSESTree.ObjectExpression;
        continue;
      }
      if (path.length === 1 && holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' && !/^(config|conf|options|opts|settings|env)$/i.test(holder.id.name)) path.unshift(holder.id.name);
      // `session({ secret: '…' })` → SESSION_SECRET.
      if (path.length === 1 && (holder?.type === 'CallExpression' || holder?.type === 'NewExpression')) {
        const callee = unwrapExpression(holder.callee);
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
        if (name) path.unshift(name.replace(/^create(?=[A-Z])/, ''));
      }
      break;
    }
    return path.join('_');
  }
  return undefined;
}

/** The token a DI provider object registers its value under: its `provide` member, or the first argument of `register(TOKEN, provider)`. */
function providerTokenName(provider: TSESTree.ObjectExpression): string | undefined {
  const provide = provider.properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && propertyName(p.key) === 'provide');
  const call = provider.parent;
  const token = provide?.value ?? (call?.type === 'CallExpression' && call.arguments[1] === provider ? call.arguments[0] : undefined);
  const expr = token && unwrapExpression(token);
  if (expr?.type === 'Literal' && typeof expr.value === 'string') return expr.value;
  if (expr?.type === 'Identifier') return expr.name;
  return expr?.type === 'MemberExpression' ? memberName(expr) : undefined;
}

function isEncodingCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    return ['from', 'encode', 'parse', 'trim'].includes(callee.property.name);
  }
  return false;
}

/** `sessionKey` → SESSION_KEY, `#hmacSecret` → HMAC_SECRET. */
export function toEnvName(name: string): string {
  return words(name).join('_').toUpperCase();
}
