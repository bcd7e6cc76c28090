import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { nameWords } from './key-names';
import { localFunctionOf, returnedExpressions } from './local-functions';
import { singleInitializer, unwrapExpression, variableOf, type SourceCode } from './scope';

/**
 * The members of a secret manager's answer that hold the secret itself: AWS Secrets Manager's `GetSecretValue`
 * (`SecretString`, `SecretBinary`). Not its `ARN`, `Name` or `VersionId`.
 */
const SECRET_VALUE_MEMBERS: ReadonlySet<string> = new Set(['SecretString', 'SecretBinary']);

/** Methods that re-encode a text without changing what it is (`(await readSecret(id)).trim()`). */
const TEXT_METHODS: ReadonlySet<string> = new Set(['trim', 'trimStart', 'trimEnd', 'toString', 'normalize']);

/** Last words of a name that say the value is a key or a bearer token (`publisherKey`, `apiKey`, `botToken`). */
const KEY_OR_TOKEN_WORDS: ReadonlySet<string> = new Set(['key', 'token']);

/**
 * A binding named for a key or a token (`publisherKey`, `apiKey`, `botToken`; not `keyId`: the last word alone would also
 * take a `cacheKey`, which is why the value must come from a secret manager too) whose value is the secret a secret manager
 * returned: `out.SecretString` (re-encoded by `trim()`/`toString()`, behind `await`), directly or through a function of
 * this file that returns it (`async function readSecret(id) { … return out.SecretString; }`). What the value is read
 * from settles what its name's `Key` means (decision 25: a Secrets Manager value named as a secret).
 */
export function holdsSecretManagerKey(sourceCode: SourceCode, variable: TSESLint.Scope.Variable, name: string): boolean {
  const last = nameWords(name).at(-1);
  if (!last || !KEY_OR_TOKEN_WORDS.has(last)) return false;
  const init = singleInitializer(variable);
  return !!init && isSecretManagerValue(sourceCode, init, 0);
}

function isSecretManagerValue(sourceCode: SourceCode, node: TSESTree.Node, depth: number): boolean {
  if (depth > 4) return false;
  const expr = unwrapExpression(node);
  switch (expr.type) {
    case 'AwaitExpression':
      return isSecretManagerValue(sourceCode, expr.argument, depth);
    case 'MemberExpression':
      return !expr.computed && expr.property.type === 'Identifier' && SECRET_VALUE_MEMBERS.has(expr.property.name);
    case 'Identifier': {
      const variable = variableOf(sourceCode, expr);
      const init = variable && singleInitializer(variable);
      return !!init && isSecretManagerValue(sourceCode, init, depth + 1);
    }
    case 'CallExpression': {
      const callee = unwrapExpression(expr.callee);
      // `text.trim()`: the same secret.
      if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && TEXT_METHODS.has(callee.property.name)) {
        return isSecretManagerValue(sourceCode, callee.object, depth);
      }
      // `readSecret(id)`: a function of this file whose every returned value is such a secret.
      // `awaited`: an async helper's value is what it returns once awaited (`(await readSecret(id)).trim()`).
      const fn = localFunctionOf(sourceCode, callee);
      const returned = fn && returnedExpressions(fn, true);
      return !!returned && returned.every((value) => isSecretManagerValue(sourceCode, value, depth + 1));
    }
    default:
      return false;
  }
}
