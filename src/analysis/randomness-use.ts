import type { TSESTree } from '@typescript-eslint/utils';
import { apiCallAt, callChain, chainRoot, getApiCalls, type ApiCall } from './api-calls';
import { concatenatedOperands } from './ast';
import { enclosingFunction } from './code-paths';
import { identifierWords } from './identifier-words';
import { isExplicitSecretName, namesSecretSeed } from './key-names';
import { localFunctionOf } from './local-functions';
import type { ArgRole } from '../model/types';
import { memberName, propertyName, variableOf, type SourceCode } from './scope';
import { valueUses, type ValueUse } from './value-flow';
import { LintScopedWeakMap } from './lint-scoped';
import { sqlTableOfParameter } from './sql-parameters';

/**
 * What a predictable value (`Math.random()`, `Date.now()`) ends up being used
 * for, when that use needs unpredictability: a modelled key/IV/salt/secret
 * argument, or a binding/function whose name says token, secret, salt, nonce…
 * UI jitter, retry backoff, sampling, shuffling and IDs are not security uses.
 */
export type RandomnessUse =
  | { kind: 'sink'; role: ArgRole; call: ApiCall }
  | { kind: 'name'; name: string; node: TSESTree.Node }
  /** Passed to a call whose name says it stores or checks a credential (`otpStore.put(phone, code)`). */
  | { kind: 'credential-call'; callee: string; node: TSESTree.CallExpression | TSESTree.NewExpression };

const SENSITIVE_ROLES = new Set<ArgRole>(['key', 'iv', 'salt', 'secret', 'passphrase', 'credential']);

/** Words that name a value that must be unguessable. */
const SECRET_WORDS = new Set([
  'token', 'tokens', 'secret', 'secrets', 'password', 'passwd', 'pwd', 'passphrase', 'salt', 'nonce', 'otp', 'totp', 'pin', 'csrf', 'xsrf',
  'apikey', 'session', 'sid', 'iv', 'credential', 'credentials', 'auth', 'reset', 'verification', 'verify', 'invite', 'invitation', 'activation',
  'confirmation', 'unlock', 'recovery', 'magic', 'signature', 'challenge', 'captcha', 'coupon', 'voucher', 'private',
  // A PKCE `code_verifier` is the secret the token request proves possession of.
  'verifier',
  // The entropy a recovery phrase or key is made from (`entropyToMnemonic(entropyFor(id))`).
  'entropy',
  // Pairing PINs: Bluetooth LE passkey entry's six digits and the setup passcode of Matter or HomeKit commissioning
  // (the password a PAKE is run with). Whoever guesses one pairs in the owner's place.
  'passkey', 'passcode',
]);
/** `key` counts only with a qualifier that makes it a secret (`apiKey`, `encryptionKey`), not `cacheKey`. */
// `auth`/`authorization` name the key a client presents to be let in (OCPP's per-station `AuthorizationKey`, an API's
// `authKey`): a credential like an access key.
const KEY_QUALIFIERS = new Set(['api', 'secret', 'encryption', 'enc', 'signing', 'hmac', 'aes', 'private', 'session', 'access', 'license', 'crypto', 'master', 'data', 'cipher', 'otp', 'auth', 'authorization']);
/** `code` counts only when qualified as a one-time credential (`smsCode`, `verificationCode`, `backupCodes`) or a redeemable one (`referralCode`), not `statusCode`. */
const CODE_QUALIFIERS = new Set([
  'sms', 'login', 'signin', 'auth', 'mfa', '2fa', 'otp', 'verification', 'confirmation', 'confirm', 'security', 'pairing', 'backup', 'recovery', 'access', 'one', 'pin',
  // Codes that are redeemed for something, like the coupons and vouchers of SECRET_WORDS: guessing one claims it.
  'referral', 'promo', 'gift', 'redeem', 'redemption', 'claim', 'discount',
  // Codes that unlock something sent to one person (an SMS download code for shared lab results, decision 158): whoever
  // guesses one gets what it unlocks.
  'download', 'unlock',
  // `sixDigitCode`, `fourDigitsCode`: "a six-digit code" is how sign-in and verification codes are described.
  'digit', 'digits',
  // A code that admits whoever types it (a lobby's or class's `joinCode`) is an invite code by another name, and so is
  // one that opens something shared with its holder (`shareCode` for a partner's export download).
  'join', 'share',
  // A code that enrols a device or a person (`enrollmentCode` typed into an instrument's collector to get its device
  // credential) admits whoever types it first, like a pairing code.
  'enrollment', 'enrolment', 'enroll', 'enrol',
  // An emergency unblinding code (a blinded trial's wallet card) reveals a participant's allocation to whoever holds it.
  'unblinding',
]);
/**
 * Qualifiers that make a `code` a credential only right before it: a code that releases goods to whoever gives it (a
 * parcel's `handoverCode` or `deliveryCode` sent to the consignee, a parcel locker's `pickupCode`). These words also
 * name the things other codes are about: a `deliveryStatusCode`, the `code` of a restaurant's `pickup_numbers` table.
 */
const ADJACENT_CODE_QUALIFIERS: ReadonlySet<string> = new Set(['handover', 'delivery', 'pickup', 'locker']);
/** Words that make a name about presentation, timing or bookkeeping, whatever else it says. */
const BENIGN_WORDS = new Set([
  'jitter', 'backoff', 'delay', 'retry', 'retries', 'timeout', 'interval', 'sample', 'sampling', 'sampled', 'rate', 'shuffle', 'shuffled', 'color',
  'colour', 'hue', 'animation', 'position', 'offset', 'width', 'height', 'opacity', 'duration', 'index', 'idx', 'test', 'mock', 'fake', 'demo',
  'placeholder', 'expires', 'expiry', 'expiration', 'ttl', 'timestamp', 'created', 'updated', 'time', 'date', 'elapsed', 'start', 'end', 'count',
  'length', 'percent', 'weight', 'score', 'cache', 'react', 'label', 'name', 'title', 'message', 'greeting', 'quote', 'tip', 'avatar',
  'comment', 'comments', 'note', 'notes', 'description',
]);

/**
 * Last words of a name for a handle on something rather than the thing: `activationRef` (a correlation id for an
 * activation), `sessionReference`. A reference is looked up by, logged and shown; what it refers to holds the secret.
 */
const HANDLE_WORDS: ReadonlySet<string> = new Set(['ref', 'reference']);

/**
 * Words that make a name about a moment, for a clock read (`Date.now()`): `createdAt`,
 * `lastSessionRequest`, `nextCleanupAt`, `sinceMs`. A timestamp kept under a session's or a
 * verification's name is still a timestamp. (Not for `Math.random()`: `lastToken` from it is a token.)
 */
const TIME_WORDS = new Set([
  'at', 'last', 'next', 'since', 'until', 'deadline', 'cleanup', 'now', 'epoch', 'age', 'ms', 'millis', 'seconds', 'secs', 'sec',
  'minutes', 'hours', 'days', 'when', 'ago', 'previous', 'prev', 'tick', 'clock', 'uptime', 'latency', 'stamp', 'refreshed', 'seen',
  // JWT claims (RFC 7519): issued at, not before, expiration time.
  'iat', 'nbf', 'exp',
  // Record fields: `creationTS`, `updatedTimestamp`, `modifiedTs` (matrix-js-sdk's `{ key, creationTS: Date.now() }`).
  'ts', 'timestamp', 'creation', 'created', 'updated', 'modified',
]);

/**
 * The first security use of the value produced by `source`, if any. `clock`: the source reads
 * the time (`Date.now()`, `new Date()`), so a name about a moment is not itself a secret's name.
 */
export function randomnessUse(sourceCode: SourceCode, source: TSESTree.Node, clock = false): RandomnessUse | undefined {
  try {
    const isTimeName = (name: string) => identifierWords(name).some((w) => TIME_WORDS.has(w));
    const isTimeLabel = (label: string) => isTimeName(label) || identifierWords(label).some((w) => TIME_LABEL_WORDS.has(w));
    if (clock && isLabelledTimeField(sourceCode, source, isTimeLabel)) return undefined;
    const benign = clock ? (name: string) => isBenignName(name) || isTimeName(name) : isBenignName;
    // A clock read stored as a record's time field (`{ iat, exp }` claims, `{ createdAt: now }`):
    // the record is about something else, its name (`tokenData`) does not make the time a secret.
    const stopAt = clock
      ? (use: ValueUse) =>
          isBenignBinding(use) || isExpiryBinding(use) || (isTimeName(useName(use)) && isPropertyKey(use)) || isTimeEntry(use, isTimeLabel) || isRecordIdField(use) || isRangeBoundField(use)
      : (use: ValueUse) => isBenignBinding(use) || isRecordIdField(use) || isRangeBoundField(use);
    return useFrom(sourceCode, source, 0, benign, stopAt, clock);
  } catch {
    // unexpected shapes: no verdict
    return undefined;
  }
}

/** `starttime`, `endtime`, `expirytime`, `validuntildate`: a run-together name that ends with a time word. */
const RUN_TOGETHER_TIME_NAME = /^[a-z]*(?:time|timestamp|date|expires|expiry|expiration)$/;

/**
 * `[`${PREFIX}starttime`, String(now)]`, `['ts', now]`: the value is an entry of a parameter list (the array form of
 * `{ starttime: now }`, as query strings and signed URLs are built) named for a time. Run-together lower-case names
 * (`wowzatokenendtime`) count when they end with a time word.
 */
function isTimeEntry(use: ValueUse, isTimeLabel: (label: string) => boolean): boolean {
  if (use.kind !== 'binding') return false;
  const pair = use.node.parent;
  return (
    pair?.type === 'ArrayExpression' &&
    pair.elements[0] === use.node &&
    (isTimeLabel(use.name) || RUN_TOGETHER_TIME_NAME.test(use.name))
  );
}

/**
 * A clock read written into a text under a time label, next to a fresh random value in the same text:
 * `` `…,nonce=${randomUUID()},timestamp=${Date.now()}` `` (a string to sign), `'nonce=' + randomBytes(8).toString('hex')
 * + '&ts=' + Math.floor(Date.now() / 1000)`. The random field makes the text unguessable; the time is a field
 * named for what it is, as in `{ nonce, timestamp: Date.now() }`. A time field in a text with nothing random
 * (`` `uid=${id}&ts=${Date.now()}` `` as a token) is still reported.
 */
function isLabelledTimeField(sourceCode: SourceCode, source: TSESTree.Node, isTimeLabel: (label: string) => boolean): boolean {
  const value = throughTimeConversions(source);
  const parent = value.parent;
  let before: string | undefined;
  if (parent?.type === 'TemplateLiteral') before = parent.quasis[parent.expressions.indexOf(value as TSESTree.Expression)]?.value.cooked ?? undefined;
  else if (parent?.type === 'BinaryExpression' && parent.operator === '+' && parent.right === value) before = trailingText(parent.left);
  const label = before === undefined ? undefined : TRAILING_LABEL.exec(before)?.[1];
  if (label === undefined || !isTimeLabel(label)) return false;
  const parts = parent?.type === 'TemplateLiteral' ? parent.expressions : concatenatedOperands(parent as TSESTree.BinaryExpression);
  return parts.some((part) => part !== value && isSecureRandomValue(sourceCode, part));
}

/** The outermost of the conversions a time field is written with: `Math.floor(Date.now() / 1000)`, `String(now)`, `.toString()`. */
function throughTimeConversions(source: TSESTree.Node): TSESTree.Node {
  let value: TSESTree.Node = source;
  for (let parent = value.parent; parent; value = parent, parent = parent.parent) {
    if (parent.type === 'BinaryExpression' && ['/', '*', '-'].includes(parent.operator)) continue;
    if (parent.type === 'CallExpression' && parent.arguments[0] === value && TIME_CONVERSIONS.test(calleeName(parent.callee))) continue;
    if (parent.type === 'MemberExpression' && parent.object === value && parent.parent?.type === 'CallExpression' && memberName(parent) === 'toString') {
      parent = parent.parent;
      continue;
    }
    break;
  }
  return value;
}

/** A CSPRNG draw, possibly encoded: `randomUUID()`, `randomBytes(8).toString('hex')`, `crypto.getRandomValues(…)`. */
function isSecureRandomValue(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let expr = node;
  while (expr.type === 'CallExpression' && expr.callee.type === 'MemberExpression' && memberName(expr.callee) === 'toString') expr = expr.callee.object;
  return expr.type === 'CallExpression' && apiCallAt(sourceCode, expr)?.api.operation === 'random';
}

/** Field names of a time in signed strings and queries (`ts=`, `t=`, `timestamp=`, `date:`), besides TIME_WORDS. */
const TIME_LABEL_WORDS: ReadonlySet<string> = new Set(['ts', 't', 'time', 'timestamp', 'date', 'datetime', 'expires', 'expiry']);

/** `Math.floor`, `Math.round`, `Math.trunc`, `String`, `Number`, `BigInt`. */
const TIME_CONVERSIONS = /^(?:Math\.(?:floor|round|trunc|ceil)|String|Number|BigInt)$/;
/** The field name a text ends with before a value: `timestamp=`, `"ts": `, `&time=`, `t:`. */
const TRAILING_LABEL = /([A-Za-z_][\w-]*)["']?\s*[=:]\s*["']?$/;


/** The text a `+` chain's left side ends with, when it ends with a string (`'a=' + x + '&ts='`). */
function trailingText(node: TSESTree.Node): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis[node.quasis.length - 1].value.cooked ?? undefined;
  if (node.type === 'BinaryExpression' && node.operator === '+') return trailingText(node.right);
  return undefined;
}

/** A binding whose name is about presentation, timing or bookkeeping: the search stops there. */
function isBenignBinding(use: ValueUse): boolean {
  return use.kind === 'binding' && isBenignName(use.name);
}

/**
 * Words of a deadline: `exp`, `expiresAt`, `validUntil`. An expiry is a bound the verifier checks, carried in
 * clear next to the token's MAC or signature (`${id}.${exp}.${mac}`), never what makes the token unguessable,
 * unlike a creation time hashed on its own into a token (`issuedAt`, which does not stop the search).
 */
const EXPIRY_WORDS = new Set(['exp', 'expires', 'expiry', 'expiration', 'deadline', 'until']);

/** A clock read bound to a deadline's name (`const exp = Math.floor(Date.now() / 1000) + 60`). */
function isExpiryBinding(use: ValueUse): boolean {
  return use.kind === 'binding' && identifierWords(use.name).some((w) => EXPIRY_WORDS.has(w));
}

function useName(use: ValueUse): string {
  return use.kind === 'binding' ? use.name : '';
}

/** Property names that are exactly one bound of a range, the synonyms of `start`/`end` (BENIGN_WORDS). */
const RANGE_BOUND_FIELDS: ReadonlySet<string> = new Set(['from', 'to', 'min', 'max']);

/**
 * `return { from: t0 + Math.random() * spread, to: … }`: the value is written as a bound of a range (a moment, a level),
 * a quantity whatever the function or the object holding it is named for (a simulated charging or meeting session's
 * window is not a session id). Only the bare property name: as a word inside a longer name `to` is a preposition
 * (`codeToSend`), which says nothing about the value.
 */
function isRangeBoundField(use: ValueUse): boolean {
  return isPropertyKey(use) && RANGE_BOUND_FIELDS.has(useName(use));
}

/**
 * `{ id: `${sessionId}:${Date.now()}`, nonce }`: the value is written as the identifier (`id`, `requestId`, `matchId`) of
 * a record that carries its secret in another field (`nonce`, `token`): the id is the key the record is stored and looked
 * up by, and the record's name (`challenge`) does not make it the secret part. Without such a field the id is what the
 * record's name says (a session's `id` is its session id), and an id named as a secret (`sessionId`) always is.
 */
function isRecordIdField(use: ValueUse): boolean {
  if (use.kind !== 'binding' || !isPropertyKey(use)) return false;
  const nameWords = identifierWords(useName(use));
  if (nameWords[nameWords.length - 1] !== 'id' || isSecretName(useName(use))) return false;
  const record = use.node.parent?.parent;
  return (
    record?.type === 'ObjectExpression' &&
    record.properties.some((p) => p.type === 'Property' && p.key !== use.node && !p.computed && isSecretName(propertyName(p.key) ?? ''))
  );
}

/** `{ iat: v }` (a property of an object literal), not `const iat = v`. */
function isPropertyKey(use: ValueUse): boolean {
  return use.kind === 'binding' && use.node.parent?.type === 'Property' && use.node.parent.key === use.node;
}

function useFrom(
  sourceCode: SourceCode,
  start: TSESTree.Node,
  depth: number,
  benign: (name: string) => boolean,
  stopAt: (use: ValueUse) => boolean,
  clock = false,
): RandomnessUse | undefined {
  const sinks = sensitiveArguments(sourceCode);
  let sink: RandomnessUse | undefined;
  const uses = valueUses(sourceCode, start, {
    maxHops: 5,
    throughArithmetic: true,
    visit: (node) => {
      sink = sink ?? sinks.get(node);
    },
    // Time names of variables do not stop the search: a timestamp hashed into a token (`issuedAt` → `sha256(email + issuedAt)`) still makes it.
    stopAt,
  });
  if (sink) return sink;
  // `${userId}.${Date.now()}` followed by its HMAC: the time is a claim the MAC protects, not what makes the token unguessable.
  // So is a time hashed together with a secret (`sha1([deviceSecret, path, ts].join('\n'))`, a secret-prefix MAC: its
  // hash is the weak-algorithm rule's business, the time is still no secret).
  if (clock && uses.some((use) => use.kind === 'argument' && (isSignedData(sourceCode, use.call, use.index, 0) || isHashedWithSecret(sourceCode, use.call, use.index)))) return undefined;
  for (const use of uses) {
    if (use.kind === 'binding' && isSecretName(use.name) && !benign(use.name)) return { kind: 'name', name: use.name, node: use.node };
    // The `state` of an OAuth/OIDC authorization request is its CSRF token (RFC 6749 §10.12).
    if (use.kind === 'binding' && isStateName(use.name) && buildsAuthorizationRequest(sourceCode, use.node)) return { kind: 'name', name: use.name, node: use.node };
    // `sk-${body}`, `'whsec_' + x`: written behind the prefix API platforms give secret keys.
    if (use.kind === 'text' && SECRET_KEY_PREFIX.test(use.text)) return { kind: 'name', name: `${use.text.trim()}…`, node: start };
    if (use.kind === 'return' && use.name && isSecretName(use.name) && !benign(use.name)) return { kind: 'name', name: use.name, node: use.fn };
    // express-session's `genid` (koa-session's too, @fastify/session's `idGenerator`): what it returns is the session id.
    if (use.kind === 'return') {
      const option = sessionIdGeneratorOption(sourceCode, use.fn);
      if (option) return { kind: 'name', name: `session id\` from \`${option}`, node: use.fn };
    }
    // Handed to a call that names a credential: `otpStore.put(phone, code)`, `saveResetToken(user, t)`.
    if (use.kind === 'argument' && isCredentialCall(use.call) && !(clock && (isLookupCallee(use.call.callee) || isTimeParameter(sourceCode, use.call, use.index)))) {
      return { kind: 'credential-call', callee: calleeName(use.call.callee), node: use.call };
    }
  }
  // A bare `code` takes its meaning from the function making it: the `code` of `sendLoginCode`, or of
  // a method of `VerificationCodes` (the class names what its methods make).
  for (const use of uses) {
    if (use.kind !== 'binding' || !BARE_CODE.has(use.name)) continue;
    const fn = enclosingFunctionName(use.node);
    if (fn && isSecretName(withoutLeadingVerb(fn))) return { kind: 'name', name: `${use.name}\` of \`${fn}`, node: use.node };
    const cls = enclosingClassName(use.node);
    if (cls && isSecretName(cls)) return { kind: 'name', name: `${use.name}\` of \`${cls}`, node: use.node };
    // …or from the table a query writes it into: the `code` column of `INSERT INTO coupons` is a coupon's code.
    const table = use.node.parent?.type === 'ArrayExpression' ? sqlTableOfParameter(sourceCode, use.node.parent, use.node) : undefined;
    if (table && isSecretName(`${table.replace(/s$/, '')}_${use.name}`)) return { kind: 'name', name: `${use.name}\` of table \`${table}`, node: use.node };
    // …or from the message that carries it: `Your payout confirmation code is ${code}` (an SMS, an e-mail).
    const phrase = uses.map((u) => (u.kind === 'text' ? oneTimeCodePhrase(u.text) : undefined)).find(Boolean);
    if (phrase) return { kind: 'name', name: `${use.name}\` sent as a ${phrase}`, node: use.node };
  }
  // A hash of a predictable value is predictable: follow the digest (not an HMAC, whose key may be secret).
  if (depth < 2) {
    for (const use of uses) {
      if (use.kind !== 'argument') continue;
      const call = apiCallAt(sourceCode, use.call);
      // Re-encoded by a library (`CryptoJS.enc.Utf8.parse(v)`): the same value in another form.
      if (call?.api.operation === 'encode') {
        const found = useFrom(sourceCode, call.node, depth + 1, benign, stopAt, clock);
        if (found) return found;
        continue;
      }
      if (call?.api.operation !== 'hash') continue;
      for (const output of digestOutputs(sourceCode, call)) {
        const found = useFrom(sourceCode, output, depth + 1, benign, stopAt, clock);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/**
 * The argument at `index` of `call` is the data of a MAC or a signature: `createHmac(…).update(value)`, or a local
 * helper (`mac(value)`) whose parameter reaches one.
 */
function isSignedData(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, depth: number): boolean {
  const arg = call.arguments[index];
  if (!arg) return false;
  const api = apiCallAt(sourceCode, call);
  if (api) {
    const operation = chainRoot(api).api.operation;
    return (operation === 'mac' || operation === 'sign') && api.args.some((a) => a.role === 'data' && a.node === arg);
  }
  const param = depth < 2 ? localFunctionOf(sourceCode, call.callee)?.params[index] : undefined;
  if (param?.type !== 'Identifier') return false;
  return (variableOf(sourceCode, param)?.references ?? []).some((ref) => {
    const message = textBuiltFrom(ref.identifier as TSESTree.Node);
    const inner = message.parent;
    return (
      (inner?.type === 'CallExpression' || inner?.type === 'NewExpression') &&
      inner.callee !== message &&
      isSignedData(sourceCode, inner, inner.arguments.indexOf(message as TSESTree.CallExpressionArgument), depth + 1)
    );
  });
}

/**
 * The text `node` is written into: up through template literals and `+` concatenations (`${postId}.${issuedAt}`), so a
 * helper that MACs a message built from its parameter signs that parameter too.
 */
function textBuiltFrom(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent?.type === 'TemplateLiteral' || (current.parent?.type === 'BinaryExpression' && current.parent.operator === '+')) current = current.parent;
  return current;
}

/**
 * The argument at `index` of `call` is the data of a digest that also takes a secret written next to it: the data
 * expression names a binding called a secret or key (`[deviceSecret, method, path, ts].join('\n')`,
 * `` `${apiSecret}${ts}` ``), directly or through the one binding the argument is.
 */
function isHashedWithSecret(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): boolean {
  const arg = call.arguments[index];
  const api = arg && apiCallAt(sourceCode, call);
  if (!api || api.api.operation !== 'hash' || !api.args.some((a) => a.role === 'data' && a.node === arg)) return false;
  let data: TSESTree.Node = arg;
  if (data.type === 'Identifier') {
    const def = variableOf(sourceCode, data)?.defs[0];
    if (def?.type !== 'Variable' || !def.node.init) return false;
    data = def.node.init;
  }
  return identifiersIn(data).some((id) => isExplicitSecretName(id.name));
}

/** Identifiers read in an expression (not property names, not callees' members). */
function identifiersIn(node: TSESTree.Node): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  const visit = (n: TSESTree.Node): void => {
    if (n.type === 'Identifier') found.push(n);
    else if (n.type === 'ArrayExpression') n.elements.forEach((e) => e && visit(e));
    else if (n.type === 'TemplateLiteral') n.expressions.forEach(visit);
    else if (n.type === 'BinaryExpression') [n.left, n.right].forEach((e) => visit(e));
    else if (n.type === 'SpreadElement') visit(n.argument);
    else if (n.type === 'CallExpression') {
      if (n.callee.type === 'MemberExpression') visit(n.callee.object);
      n.arguments.forEach(visit);
    }
  };
  visit(node);
  return found;
}

/** Session middleware options that generate the session id (express-session and koa-session `genid`, @fastify/session `idGenerator`). */
const SESSION_ID_GENERATOR_OPTIONS: ReadonlySet<string> = new Set(['genid', 'idGenerator']);
/** Options that make an object literal a session middleware's configuration (the id generator's neighbours). */
const SESSION_OPTION_NEIGHBOURS: ReadonlySet<string> = new Set(['secret', 'secrets', 'store', 'cookie', 'cookieName', 'resave', 'saveUninitialized', 'rolling', 'renew', 'signed', 'autoCommit']);

/**
 * `session({ secret, store, genid })` with `genid` this function (written there, or a function of the file named
 * there): the option's name, else undefined. The object must look like session options, so that an `idGenerator`
 * of some other configuration (row ids) is not taken for one.
 */
function sessionIdGeneratorOption(sourceCode: SourceCode, fn: TSESTree.Node): string | undefined {
  const places: TSESTree.Node[] = [fn];
  let id: TSESTree.Node | null | undefined = fn.type === 'FunctionDeclaration' ? fn.id : undefined;
  if (!id && fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn) id = fn.parent.id;
  const variable = id?.type === 'Identifier' ? variableOf(sourceCode, id) : undefined;
  for (const ref of variable?.references ?? []) places.push(ref.identifier as TSESTree.Node);
  for (const place of places) {
    const property = place.parent;
    if (property?.type !== 'Property' || property.value !== place || property.computed || property.key.type !== 'Identifier') continue;
    if (!SESSION_ID_GENERATOR_OPTIONS.has(property.key.name)) continue;
    const object = property.parent;
    const neighbours = object?.type === 'ObjectExpression' ? object.properties : [];
    if (neighbours.some((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && SESSION_OPTION_NEIGHBOURS.has(p.key.name))) return property.key.name;
  }
  return undefined;
}

/** The calls that produce a hash chain's result (`….digest('hex')`, or the one-shot call itself). */
function digestOutputs(sourceCode: SourceCode, call: ApiCall): TSESTree.Node[] {
  const chain = callChain(sourceCode, call);
  return chain.filter((c) => !chain.some((other) => other.receiver === c)).map((c) => c.node);
}

/**
 * Names that say what a value is only together with what makes it: a bare `code`, and the `plaintext` (or `raw`) of a
 * credential shown once and stored as a hash (`const plaintext = `ak_${id()}`` in `issueApiKey`).
 */
const BARE_CODE: ReadonlySet<string> = new Set(['code', 'codes', 'plaintext', 'raw']);

/**
 * The phrase of a message text that names a one-time code (`confirmation code`, `one-time code`, `login code`,
 * `passcode`, `OTP`): the words before `code` qualify it as CODE_QUALIFIERS qualify a name (`smsCode`).
 */
function oneTimeCodePhrase(text: string): string | undefined {
  const words = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'passcode' || words[i] === 'otp') return words[i];
    if (words[i] !== 'code') continue;
    const qualifier = words.slice(Math.max(0, i - 3), i).find((w) => CODE_QUALIFIERS.has(w)) ?? (i > 0 && ADJACENT_CODE_QUALIFIERS.has(words[i - 1]) ? words[i - 1] : undefined);
    if (qualifier) return `${qualifier} code`;
    // `Your code is ${code}. It expires in 5 minutes.`: a code the message says expires is good for one short window, the
    // way sign-in and verification codes are sent.
    if (words.slice(i + 1).some((w) => MESSAGE_EXPIRY_WORDS.has(w))) return 'code that expires';
  }
  return undefined;
}

/** Words of a message saying that what it carries expires (`It expires in 5 minutes`). */
const MESSAGE_EXPIRY_WORDS: ReadonlySet<string> = new Set(['expire', 'expires', 'expiring']);

/**
 * Verbs that start a function's name and are also timing words of BENIGN_WORDS (`startTime`): in
 * `startPhoneVerification` the verb says what the function does, the rest what it is about.
 */
const LEADING_VERBS: ReadonlySet<string> = new Set(['start', 'end']);

/** `startPhoneVerification` → `PhoneVerification`; other names unchanged. */
function withoutLeadingVerb(name: string): string {
  const words = identifierWords(name);
  return words.length > 1 && LEADING_VERBS.has(words[0]) ? words.slice(1).join('_') : name;
}

/**
 * The name of the function (declaration, named expression, variable, method or property) that contains `node`. An
 * anonymous callback handed to a call (`requests.map((req) => ({ ...req, code: code(8) }))`) is part of the named
 * function it is written in (`inviteCodes`), which says what it makes.
 */
function enclosingFunctionName(node: TSESTree.Node): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type !== 'FunctionDeclaration' && current.type !== 'FunctionExpression' && current.type !== 'ArrowFunctionExpression') continue;
    if (current.type !== 'ArrowFunctionExpression' && current.id) return current.id.name;
    const holder = current.parent;
    if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') return holder.id.name;
    if ((holder?.type === 'MethodDefinition' || holder?.type === 'Property' || holder?.type === 'PropertyDefinition') && holder.key.type === 'Identifier') return holder.key.name;
    if ((holder?.type === 'CallExpression' || holder?.type === 'NewExpression') && holder.arguments.includes(current as TSESTree.CallExpressionArgument)) continue;
    return undefined;
  }
  return undefined;
}

/** The name of the class whose method contains `node` (the nearest function must be that method). */
function enclosingClassName(node: TSESTree.Node): string | undefined {
  let current = node.parent;
  while (current && current.type !== 'FunctionExpression' && current.type !== 'FunctionDeclaration' && current.type !== 'ArrowFunctionExpression') current = current.parent;
  const method = current?.parent;
  const cls = method?.type === 'MethodDefinition' ? method.parent?.parent : undefined;
  return (cls?.type === 'ClassDeclaration' || cls?.type === 'ClassExpression') && cls.id ? cls.id.name : undefined;
}

/**
 * Text that starts with a secret key's conventional prefix, the value written right behind it: `sk-`, `sk_live_`,
 * `sk-proj-`, `rk_test_` (Stripe's restricted keys), `whsec_` (webhook signing secrets). The text of a template or
 * concatenation is its literal parts joined by spaces, so the prefix is followed by a space or ends the text.
 */
const SECRET_KEY_PREFIX = /^(?:sk|rk|whsec)(?:[-_](?:live|test|proj|ant))?[-_](?:\s|$)/i;

/** `state`, `oauthState`, `loginState`: the name of an authorization request's `state` parameter. */
function isStateName(name: string): boolean {
  const words = identifierWords(name);
  return words.includes('state') && words.every((w) => w === 'state' || STATE_QUALIFIERS.has(w));
}

const STATE_QUALIFIERS: ReadonlySet<string> = new Set(['oauth', 'oauth2', 'oidc', 'login', 'signin', 'connect', 'authorize', 'authorization']);

/**
 * The function holding `node` writes an OAuth 2 authorization request: it names the request's parameters
 * (`client_id` with `redirect_uri` or `response_type`, or a PKCE `code_challenge`) as query keys or properties.
 */
function buildsAuthorizationRequest(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const fn = enclosingFunction(node);
  if (!fn || fn.type === 'Program') return false;
  const text = sourceCode.getText(fn);
  return (/\bclient_id\b/.test(text) && /\b(?:redirect_uri|response_type)\b/.test(text)) || /\bcode_challenge\b/.test(text);
}

function isBenignName(name: string): boolean {
  return identifierWords(name).some((w) => BENIGN_WORDS.has(w));
}

export function isSecretName(name: string): boolean {
  const words = identifierWords(name);
  if (words.length === 0 || words.some((w) => BENIGN_WORDS.has(w))) return false;
  if (HANDLE_WORDS.has(words[words.length - 1])) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  const keyIndex = words.lastIndexOf('key');
  if (keyIndex > 0 && words.some((w, i) => i !== keyIndex && KEY_QUALIFIERS.has(w))) return true;
  // `seed` only with a qualifier that makes it secret (namesSecretSeed).
  if (namesSecretSeed(words)) return true;
  if (namesShareLink(words)) return true;
  const codeIndex = Math.max(words.lastIndexOf('code'), words.lastIndexOf('codes'));
  return codeIndex > 0 && (words.some((w, i) => i < codeIndex && CODE_QUALIFIERS.has(w)) || ADJACENT_CODE_QUALIFIERS.has(words[codeIndex - 1]));
}

/** Last words that, after `share`, name what a share link is reached by (`shareId`, `shareLinkSlug`, `shareUrl`). */
const SHARE_LINK_WORDS: ReadonlySet<string> = new Set(['id', 'ids', 'slug', 'link', 'links', 'url', 'urls']);

/**
 * `newShareId`, `shareSlug`, `shareLink`: the id in a share link's URL is the capability itself (whoever guesses it opens
 * what was shared), like an invite code. `share` only as the thing shared, right before what reaches it: a sampling
 * fraction (`treatmentShare`, `candidateShare`) ends with `share`.
 */
function namesShareLink(words: readonly string[]): boolean {
  return words.some((w, i) => w === 'share' && SHARE_LINK_WORDS.has(words[i + 1] ?? ''));
}

/** Callee words that say the call stores, sends or checks a credential (a subset of SECRET_WORDS: `auth`, `session`, `verify` are too broad for a callee). */
const CREDENTIAL_CALLEE_WORDS = new Set(['token', 'tokens', 'secret', 'secrets', 'password', 'passphrase', 'salt', 'nonce', 'otp', 'totp', 'csrf', 'xsrf', 'apikey', 'credential', 'credentials']);

/** Callees that report about a credential rather than keep it: `new TokenExpiredError(msg, date)`, `logTokenUse(…)`. */
const REPORTING_CALLEE_WORDS = new Set(['error', 'exception', 'expired', 'log', 'logger', 'warn', 'debug', 'trace', 'metric', 'metrics']);

/** Verbs of a method that reads or clears a credential store rather than writing a credential into it. */
const LOOKUP_VERBS = new Set(['find', 'get', 'lookup', 'query', 'select', 'count', 'exists', 'has', 'list', 'delete', 'remove', 'purge', 'prune', 'sweep', 'expire', 'cleanup']);

/**
 * `resetTokens.findValid(token, new Date())`, `tokens.deleteExpired(Date.now())`: the time a lookup or
 * clean-up of a credential store compares expiry dates against, not a value the store keeps as a credential.
 */
function isLookupCallee(callee: TSESTree.Node): boolean {
  const method = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
  return method !== undefined && LOOKUP_VERBS.has(identifierWords(method)[0] ?? '');
}

/**
 * `validToken(token, Math.floor(Date.now() / 1000))` with `function validToken(token, now)`: a clock read handed to a
 * local function's parameter named for a moment is the time the function checks a credential against, not part of it.
 */
function isTimeParameter(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): boolean {
  const fn = localFunctionOf(sourceCode, call.callee);
  const param = fn?.params[index];
  const id = param?.type === 'AssignmentPattern' ? param.left : param;
  return id?.type === 'Identifier' && identifierWords(id.name).some((w) => TIME_WORDS.has(w) || w === 'time' || w === 'timestamp' || w === 'date');
}

function isCredentialCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  // `throw new JwtTokenIssuedAt(now, payload.iat)`: a thrown object reports what went wrong, whatever its class is called.
  if (call.type === 'NewExpression' && call.parent?.type === 'ThrowStatement') return false;
  const words = calleeWords(call.callee);
  return words.some((w) => CREDENTIAL_CALLEE_WORDS.has(w)) && !words.some((w) => BENIGN_WORDS.has(w) || REPORTING_CALLEE_WORDS.has(w));
}

/** Words of the names in a callee (`otpStore.put` → otp, store, put); a call's own callee for chained calls. */
function calleeWords(callee: TSESTree.Node): string[] {
  return calleeName(callee).split('.').flatMap(identifierWords);
}

function calleeName(callee: TSESTree.Node): string {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') {
    const property = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : '';
    return [calleeName(callee.object), property].filter(Boolean).join('.');
  }
  if (callee.type === 'ThisExpression') return 'this';
  return '';
}

const sinkCache = new LintScopedWeakMap<object, Map<TSESTree.Node, RandomnessUse>>();

/** Argument nodes of modelled calls that must be unpredictable (keys, IVs, salts, secrets). */
function sensitiveArguments(sourceCode: SourceCode): Map<TSESTree.Node, RandomnessUse> {
  let map = sinkCache.get(sourceCode.ast);
  if (!map) {
    map = new Map();
    for (const call of getApiCalls(sourceCode)) {
      for (const arg of call.args) if (SENSITIVE_ROLES.has(arg.role) && !map.has(arg.node)) map.set(arg.node, { kind: 'sink', role: arg.role, call });
    }
    sinkCache.set(sourceCode.ast, map);
  }
  return map;
}
