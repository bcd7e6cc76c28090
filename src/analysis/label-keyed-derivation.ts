import type { TSESTree } from '@typescript-eslint/utils';
import { apiCallAt, argsWithRole, callChain, chainRoot, getApiCalls } from './api-calls';
import { isSecretKeyName, words } from './names';
import { climbTypeWrappers, unwrapExpression, variableOf, type SourceCode } from './scope';

/** A label as written: one to four words of letters (`WebAppData`, `'key expansion'`), no digits or key-like text. */
const LABEL_TEXT = /^[A-Za-z]+(?:[ _.:-]?[A-Za-z]+){0,3}$/;
/** Words that make written text a secret whatever its shape (`'supersecret'` is a weak key, not a label). */
const SECRET_WORDS = /secret|key|pass|pwd|pepper|salt|token|private|changeme/i;

/**
 * The text `written` is the key of `createHmac('sha256', 'WebAppData').update(botToken).digest()` whose output keys another MAC or cipher: an HMAC keyed
 * by a written label over a secret is a key derivation in HKDF-Extract's shape, the label in the salt's place (decision
 * 8). Telegram's Web App check derives its secret key that way from the bot token; the label is public by design, and
 * the secret is the data. A written text that names a secret (`'supersecret'`) or holds digits is not taken for a label.
 */
export function isDerivationLabel(sourceCode: SourceCode, written: TSESTree.Node, keyText: string): boolean {
  if (!LABEL_TEXT.test(keyText) || SECRET_WORDS.test(keyText)) return false;
  const parent = climbTypeWrappers(written).parent;
  const call = parent?.type === 'CallExpression' ? apiCallAt(sourceCode, parent) : undefined;
  if (call?.api.operation !== 'mac' || !argsWithRole(call, 'key').some((arg) => unwrapExpression(arg) === written)) return false;
  const chain = callChain(sourceCode, chainRoot(call));
  const data = chain.flatMap((c) => argsWithRole(c, 'data'));
  if (data.length === 0 || !data.every(namesSecretValue)) return false;
  return chain.some((c) => c.api.path.at(-1) === 'digest' && keysAnotherCall(sourceCode, c.node));
}

/** `botToken`, `this.config.signingSecret`: a value named as a key, secret or token. */
function namesSecretValue(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  const name = expr.type === 'Identifier' ? expr.name : expr.type === 'MemberExpression' && expr.property.type === 'Identifier' ? expr.property.name : undefined;
  return name !== undefined && (isSecretKeyName(name) || words(name).includes('token'));
}

/** The digest's value is the key of a modelled call: passed as one, or through a `const` bound to it. */
function keysAnotherCall(sourceCode: SourceCode, digest: TSESTree.Node): boolean {
  const value = climbTypeWrappers(digest);
  const uses: TSESTree.Node[] = [value];
  const declarator = value.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.init === value && declarator.id.type === 'Identifier') {
    for (const ref of variableOf(sourceCode, declarator.id)?.references ?? []) if (ref.isRead()) uses.push(ref.identifier as TSESTree.Node);
  }
  const keyArgs = new Set(getApiCalls(sourceCode).flatMap((c) => argsWithRole(c, 'key').map((n) => unwrapExpression(n))));
  return uses.some((use) => keyArgs.has(use));
}
