import type { TSESTree } from '@typescript-eslint/utils';
import { fillsSkippedConflictTarget } from './sql-parameters';
import { argsWithRole, callChain, chainRoot, getApiCalls, type ApiCall } from './api-calls';
import { concatenatedOperands, descendants } from './ast';
import { classMemberValues } from './class-members';
import { enclosingFunctions, functionName, isFunction, namesIn } from './expression-names';
import { identifierWords } from './identifier-words';
import { hashHelperOf } from './hash-helper';
import { callsFromImporters } from './importer-calls';
import { resolveImportPath } from './imports';
import { rawDigestOf } from './key-material';
import { namesCertificate } from './names';
import { initializedExpression, memberName, propertyName, singleInitializer, unwrapExpression, variableOf, type SourceCode } from './scope';
import { describeAlgorithm } from '../model/algorithms';
import { stringValues } from './values';
import { valueUses, type ValueUse } from './value-flow';

/**
 * What a message digest is for, judged from what goes in and where the result
 * goes. A broken hash (MD5, SHA-1) is harmless as an ETag, a cache key or a
 * checksum of a local file, and a vulnerability for passwords, tokens,
 * signatures or integrity checks of data an attacker supplies.
 */
export type DigestPurpose = 'security' | 'fingerprint' | 'caller-decided' | 'unknown';

export interface DigestVerdict {
  purpose: DigestPurpose;
  /** Human-readable evidence: `hashes a password`, `ETag header`. */
  reason: string;
  /** The digest is likely stored or compared with stored values (changing the algorithm needs a migration). */
  persisted: boolean;
}

/** Inputs that make any digest of them a security use. */
const SECRET_INPUT_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'pin', 'otp', 'credential', 'credentials', 'apikey', 'salt', 'pepper', 'private']);
/** How a compound secret input reads in a message, with its article. */
const SECRET_INPUT_LABELS: Readonly<Record<string, string>> = { apikey: 'an API key' };

/**
 * The words of a name, plus its last two words joined when together they name a secret input: `apiKey`, `api_key`,
 * `rawApiKey` and `API_KEY` split into `api` and `key`, neither of which says secret alone, while the pair names an API
 * key (a bearer credential, looked up by its digest), as `apikey` does. Only at the end of the name: `apiKeyId` and
 * `apiKeyPrefix` name something about the key, not the key.
 */
function wordsWithSecretCompounds(name: string): readonly string[] {
  const words = identifierWords(name);
  const lastPair = words.slice(-2).join('');
  return words.length >= 2 && SECRET_INPUT_WORDS.has(lastPair) ? [...words, lastPair] : words;
}

/** Uses that make a digest a fingerprint, not a security control. */
const FINGERPRINT_WORDS = new Set([
  'etag', 'etags', 'cache', 'cached', 'caching', 'cachebust', 'checksum', 'checksums', 'fingerprint', 'dedupe', 'dedup', 'deduplicate',
  'deduplication', 'duplicate', 'duplicates', 'gravatar', 'avatar', 'identicon', 'oid', 'git', 'shard', 'bucket', 'partition', 'chunk',
  'asset', 'assets', 'revision', 'version', 'thumbnail', 'thumbnails', 'filename', 'color', 'colour', 'bloom', 'memo', 'memoize', 'md5sum', 'sha1sum', 'seen', 'lookup',
  'uuid', 'stable', 'deterministic', 'buster', 'hashring', 'placeholder', 'content', 'file', 'files', 'reactkey', 'ifnonematch', 'sri',
  // Content addressing: a blob id, a digest that names a file path.
  'blob', 'blobs', 'path',
  // A digest named for a snapshot (of a feed, a configuration, a document) tells one version of that state from the next,
  // like `revision` and `version`: change detection.
  'snapshot', 'snapshots',
  // A certificate's thumbprint identifies it: JOSE's `x5t` header is defined as its SHA-1 (RFC 7515).
  'thumbprint', 'thumbprints', 'x5t',
  // Grouping identical reports (crash or error signatures) is deduplication.
  'grouping',
  // BitTorrent names a torrent by the SHA-1 of its info dictionary (BEP 3): a protocol-defined content id.
  'infohash', 'btih', 'magnet', 'torrent',
  // Bitcoin's HASH160 (RIPEMD-160 of SHA-256) is the public-key hash addresses are made of: a protocol-defined key id.
  'hash160',
  // A push message's collapse key (FCM `collapse_key`, APNs `apns-collapse-id`, Web Push `Topic`) names the message a newer
  // one replaces while the device is offline: deduplication of deliveries. web-push's `topic` option (and a pub/sub topic
  // named by a digest) is that header by its own name.
  'collapse', 'topic',
  // Node's TLS option `sessionIdContext` is an opaque identifier that keeps one application's resumable sessions from
  // another's (often the digest of the command line): a name, though it says session.
  'sessionidcontext',
]);
/** Uses that make a digest a security control. */
const SECURITY_WORDS = new Set([
  'password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'tokens', 'signature', 'sign', 'signed', 'hmac', 'auth', 'authenticate',
  'authentication', 'session', 'csrf', 'xsrf', 'nonce', 'otp', 'totp', 'hotp', 'apikey', 'credential', 'credentials', 'salt', 'integrity',
  'verify', 'verification', 'kdf', 'derive', 'encryption', 'encrypt', 'cipher', 'license', 'unlock', 'reset', 'login', 'pin', 'webhook',
  // A digest named as an anonymised or pseudonymous value (`anonymousEmailId`, `pseudonymize(userId)`) claims to hide who
  // it stands for: a privacy control, which an unkeyed digest of enumerable input (e-mails, phone numbers, ids) does not
  // give (GDPR pseudonymisation and HIPAA de-identification expect a keyed function), so the claim makes it a security use.
  'anonymous', 'anonymize', 'anonymise', 'anonymized', 'anonymised', 'anonymization', 'anonymisation', 'pseudonym', 'pseudonyms',
  'pseudonymous', 'pseudonymize', 'pseudonymise', 'pseudonymized', 'pseudonymised', 'pseudonymization', 'pseudonymisation',
  'deidentify', 'deidentified', 'deidentification',
]);
/** Text (header names, URLs) that marks a fingerprint. */
// `Sec-WebSocket-Accept` (RFC 6455): a fixed SHA-1 transform of the client's nonce, proving only that the server speaks WebSocket.
// A key layout that names a thumbnail (`thumb:${width}:${digest}`) is a cache key of a rendition (47: thumbnails are fingerprints).
// A static file's URL ending in a version parameter (`theme.css?v=` + digest) is cache busting: the URL changes with the content.
const FINGERPRINT_TEXT = /\betag\b|if-none-match|gravatar\.com|\bcache\b|content-md5|\bW\/|sec-websocket-accept|\bthumb(?:nail)?s?\b|\.(?:[cm]?js|css|json|png|jpe?g|gif|webp|svg|ico|woff2?)\?(?:v|ver|version|rev|cb)=$/i;
/**
 * Text right after the digest that is only a file extension: the digest names a file
 * (`qn-resume-${digest}.json`, `app.${hash}.js`), content addressing. Media files too: the content-addressed segments of a
 * packager (`${track}-${digest}.m4s`), names a CDN caches forever.
 */
const FILE_EXTENSION_TEXT =
  /^\.(?:json|ya?ml|txt|log|lock|tmp|cache|bin|dat|db|sqlite|[cm]?js|css|map|html?|png|jpe?g|gif|webp|svg|woff2?|zip|t?gz|tar|mp4|m4[sva]|cmf[va]|ts|aac|mp3|vtt|webm|mkv|mov)$/i;
/**
 * The extension at the end of a path (`.rep`, `.dmp`, `.parquet`): any short one, unlike FILE_EXTENSION_TEXT's known list,
 * because namesFileInPath also asks for a directory. Up to three of them: a format and its compression or container
 * (`.jsonl.gz`, `.tar.zst`, `.csv.gz.part`).
 */
const PATH_END_EXTENSION = /^(?:\.[a-z][a-z0-9]{1,7}){1,3}$/i;

/**
 * Text around the digest that makes it the name of a stored file or object: a directory before it and an extension at the
 * end (`replays/${d.slice(0, 2)}/${d}.rep`, the fan-out layout of content-addressed stores). A name, whatever the format's
 * extension, written or interpolated (decision 10's content addressing; 98's SHA-1 in an S3 object key).
 */
function namesFileInPath(text: string): boolean {
  const parts = text.split(' ');
  if (parts.slice(0, -1).some((part) => part.includes('/')) && PATH_END_EXTENSION.test(parts[parts.length - 1])) return true;
  // The extension interpolated last (`by-digest/${d.slice(0, 2)}/${d}.${ext}`): the template ends in `.` and one value.
  return parts.length >= 3 && parts[parts.length - 1] === '' && parts[parts.length - 2] === '.' && parts.slice(0, -2).some((part) => part.includes('/'));
}
/** Names of HTTP cache validators: a digest bound or compared under one is an ETag, however it is compared. */
const CACHE_VALIDATOR_WORDS: ReadonlySet<string> = new Set(['etag', 'etags', 'ifnonematch']);
/**
 * Names of checksum tools, when they name the function that returns the digest (isomorphic-git's
 * `shasumRange(pack)` checks a packfile's trailer). Not as a variable: `const shasum = createHash('sha1')`
 * is the idiom of Node's documentation for any SHA hasher (xml-crypto's XMLDSig digests).
 */
const CHECKSUM_FUNCTION_WORDS: ReadonlySet<string> = new Set(['shasum', 'sha256sum', 'sha512sum', 'cksum']);
/** Where request data lives: a digest compared with it checks untrusted input. */
const UNTRUSTED_WORDS = new Set(['req', 'request', 'body', 'query', 'params', 'headers', 'header', 'input', 'payload', 'ctx', 'event']);
/**
 * Inputs that are content, not secrets: a file's bytes, or program text (a Lua or SQL
 * script, a template, source code). Their digest names the content — Redis `EVALSHA`
 * script ids, prepared-statement names, compiled-template caches.
 */
const CONTENT_INPUT_WORDS = new Set(['file', 'content', 'contents', 'script', 'scripts', 'lua', 'sql', 'source', 'template']);
/**
 * Media a message or an upload carries (an inline image, an attachment, a photo): a digest of their bytes names them
 * (content addressing, dedupe) unless it is compared with an expected value, which makes it an integrity check.
 */
const MEDIA_INPUT_WORDS: ReadonlySet<string> = new Set(['image', 'images', 'photo', 'photos', 'picture', 'pictures', 'attachment', 'attachments', 'video', 'audio']);
/**
 * Where something is found on the web (a host name, a domain, a URL): public, so a digest of one names it (a favicon
 * service's domain hash, a crawler's URL key) unless it is compared with an expected value.
 */
const LOCATOR_INPUT_WORDS: ReadonlySet<string> = new Set(['host', 'hostname', 'domain', 'url', 'uri']);
/**
 * Use names that make a digest an identifier (checked after the security words: `sessionId` stays a security use).
 * A serial number (`SN`, `certSerial`) is one: Alipay's certificate SN is the MD5 of the issuer and serial.
 */
// A payment or transfer reference (`transferReference(invoiceNumber)`) names a record the way an id does.
// JOSE's `kid` is a key id: a digest of a certificate or public key named so identifies that key.
// A description or label built around the digest (`description: \`node-\${md5(body)}-\${jobId}\``) names a thing for people
// and logs; nothing is checked against it.
// A GUID is an id under its Microsoft and RSS name (an RSS item's `<guid>`, which must never change once published).
const IDENTIFIER_WORDS = new Set(['id', 'ids', 'jobid', 'identifier', 'identifiers', 'sn', 'serial', 'reference', 'references', 'kid', 'description', 'label', 'guid', 'guids']);
/**
 * Words of cardholder data: a card number (`pan`, `cardNumber`, `ccNumber`) or its security code. An unkeyed digest
 * of a PAN is no protection (16 digits with a known BIN are a small space; PCI DSS 3.5.1 asks for a keyed hash), so
 * hashing one is a security use whatever the digest is called (`cardFingerprint`).
 */
const CARD_DATA_WORDS: ReadonlySet<string> = new Set(['pan', 'pans', 'cvv', 'cvv2', 'cvc', 'cvc2']);
const CARD_NUMBER_QUALIFIERS: ReadonlySet<string> = new Set(['card', 'cc', 'credit', 'debit']);

/**
 * `pan`, `cardPan`, `panDigits`, `cvc`, `cardNumber`, `ccNumber`, `card.number`: a name of cardholder data among the
 * names of an input (in order). `pan` counts as the last word of its name or before `digits`/`number`, not as a
 * viewport's `panX`/`panOffset`.
 */
function cardDataName(names: readonly string[]): string | undefined {
  let previousLast: string | undefined;
  for (const name of names) {
    const words = identifierWords(name);
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const next = words[i + 1];
      if ((word === 'pan' || word === 'pans') && (next === undefined || next === 'digits' || next === 'number')) return name;
      if (CARD_DATA_WORDS.has(word) && word !== 'pan' && word !== 'pans') return name;
      const before = i > 0 ? words[i - 1] : previousLast;
      if ((word === 'number' || word === 'num') && before !== undefined && CARD_NUMBER_QUALIFIERS.has(before)) return name;
    }
    previousLast = words[words.length - 1];
  }
  return undefined;
}

/**
 * Names of government and medical identifiers of a person: a US social security number (`ssn`), an individual taxpayer
 * number (`itin`), a UK national insurance number (`nino`), a medical record number (`mrn`), an NHS number, a passport
 * number. Like a PAN they come from small, structured spaces (nine digits; a hospital's sequential MRNs), so an
 * unkeyed digest of one is reversed by enumeration: hashing it as a pseudonym or lookup value is a privacy control that
 * does not work (HIPAA de-identification and GDPR pseudonymisation both expect a keyed function), a security use
 * whatever the digest is called (`studyId`).
 */
const PERSONAL_IDENTIFIER_WORDS: ReadonlySet<string> = new Set(['ssn', 'ssns', 'itin', 'nino', 'mrn', 'mrns']);
/** Two-word names of such identifiers: `nhsNumber`, `passportNumber`, `socialSecurityNumber`, `medicalRecordNumber`. */
const PERSONAL_IDENTIFIER_PAIRS: readonly (readonly [string, ReadonlySet<string>])[] = [
  ['nhs', new Set(['number', 'no', 'num'])],
  ['passport', new Set(['number', 'no', 'num'])],
  ['social', new Set(['security'])],
  ['medical', new Set(['record'])],
];

/** A name of a personal government or medical identifier among the names of an input (`mrn`, `patient.ssn`, `nhsNumber`). */
function personalIdentifierName(names: readonly string[]): string | undefined {
  for (const name of names) {
    const words = identifierWords(name);
    for (let i = 0; i < words.length; i++) {
      if (PERSONAL_IDENTIFIER_WORDS.has(words[i])) return name;
      const pair = PERSONAL_IDENTIFIER_PAIRS.find(([first]) => first === words[i]);
      if (pair && words[i + 1] !== undefined && pair[1].has(words[i + 1])) return name;
    }
  }
  return undefined;
}

/**
 * The names in `inputs`, and, for an input that is a local binding with one initializer
 * (`const normalised = `${pan}|${exp}``), the names in that initializer: what the hashed text is made of.
 */
function inputNamesWithInitializers(sourceCode: SourceCode, inputs: readonly TSESTree.Node[]): string[] {
  const names: string[] = [];
  for (const input of inputs) {
    names.push(...namesIn(input));
    const expr = unwrapExpression(input);
    if (expr.type !== 'Identifier') continue;
    const variable = variableOf(sourceCode, expr);
    const init = variable && singleInitializer(variable);
    if (init) names.push(...namesIn(init));
  }
  return names;
}

/** Membership tests of a list or set of expected values: `PINS.includes(digest)`, `pinned.has(digest)`, `list.indexOf(digest)`. */
const MEMBERSHIP_METHODS = new Set(['includes', 'has', 'indexOf', 'some']);

/**
 * The digest is checked against expected values: compared with `===` (not with request data), handed to
 * `timingSafeEqual`, or looked up in a list or set of pins (`PINNED.includes(digest)`).
 */
function checkedAgainstExpected(uses: readonly ValueUse[]): boolean {
  return uses.some((use) => {
    if (use.kind === 'compare') return !isUntrusted(use.other);
    if (use.kind !== 'argument') return false;
    const callee = unwrapExpression(use.call.callee);
    const method = callee.type === 'MemberExpression' ? memberName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
    return method !== undefined && (MEMBERSHIP_METHODS.has(method) || method === 'timingSafeEqual');
  });
}

/** Words of a public key's parts among an input's names: `modulus`, `exponent`, `spki`, `publicKey`, `pubkey`. */
function publicKeyInput(words: readonly string[]): boolean {
  return words.some((w, i) => w === 'modulus' || w === 'exponent' || w === 'spki' || w === 'pubkey' || (w === 'key' && words[i - 1] === 'public'));
}

const SHORTENING_OPERATORS = new Set(['>', '>=', '<', '<=']);
const STORAGE_WORDS = new Set(['save', 'insert', 'store', 'stored', 'persist', 'db', 'database', 'column', 'update', 'create']);
const FILE_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs']);

/**
 * `storageKey(url)`, `localStorageKey`: the digest names a slot of client-side storage (a key of
 * `localStorage`/IndexedDB), a lookup like a cache key. Only the pair says so: a bare `key` does not.
 */
function storageKeyWord(words: readonly string[]): string | undefined {
  for (let i = 0; i + 1 < words.length; i++) {
    if ((words[i] === 'storage' || words[i] === 'localstorage') && (words[i + 1] === 'key' || words[i + 1] === 'keys')) return 'storage key';
  }
  return undefined;
}

/**
 * S3 SSE-C's `SSECustomerKeyMD5` (`CopySourceSSECustomerKeyMD5`, the header `x-amz-server-side-encryption-customer-key-MD5`,
 * a binding such as `REPORT_SSE_KEY_MD5`): the MD5 of the customer key that S3 defines as a check that the key arrived
 * intact. It travels next to the key itself and protects nothing, like `Content-MD5` (10).
 */
function sseCustomerKeyChecksumWord(words: readonly string[]): string | undefined {
  for (let i = 1; i + 1 < words.length; i++) {
    if (words[i] === 'key' && words[i + 1] === 'md5' && (words[i - 1] === 'customer' || words[i - 1] === 'sse')) return 'S3 SSE-C key checksum';
  }
  return undefined;
}

/**
 * `crashGroupKey(stack)`, `groupId`: the digest names the group identical reports fall into, deduplication
 * (59: SHA-1 that groups identical crash reports). Only the pair says so: `group` alone may be a chat group.
 */
function groupKeyWord(words: readonly string[]): string | undefined {
  for (let i = 0; i + 1 < words.length; i++) {
    if ((words[i] === 'group' || words[i] === 'grouping') && (words[i + 1] === 'key' || words[i + 1] === 'id')) return 'grouping key';
  }
  return undefined;
}

/**
 * `blockingKey(record)`: record linkage's blocking key, the bucket that candidate duplicates are grouped into so a
 * matcher only compares records within one (a master patient index, customer dedupe). Choosing a bucket is what a
 * shard key does (10: dedupe and shard choice are fingerprints). Only the pair says so: `blocking` alone is I/O talk.
 */
function blockingKeyWord(words: readonly string[]): string | undefined {
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] === 'blocking' && (words[i + 1] === 'key' || words[i + 1] === 'keys')) return 'record-linkage blocking key';
  }
  return undefined;
}

/** The digest is read as a number (`parseInt(hex, 16) % buckets`) and never compared: bucketing or sharding. */
function isNumberUse(uses: readonly ValueUse[]): boolean {
  return uses.some((u) => u.kind === 'numeric') && !uses.some((u) => u.kind === 'compare');
}

/** Is the digest of `call`'s chain only read as a number (isNumberUse)? */
function isOnlyANumber(sourceCode: SourceCode, call: ApiCall): boolean {
  const chain = callChain(sourceCode, chainRoot(call));
  return isNumberUse(chain.filter((c) => !isReceiver(chain, c)).flatMap((c) => valueUses(sourceCode, c.node)));
}

/**
 * Pwned Passwords' range API indexes breached passwords by SHA-1 (and NTLM): a client sends the first five hex digits of
 * the password's digest and matches the suffixes it gets back locally (k-anonymity). The digest there is a lookup key
 * the API defines, not a stored password hash, and the password never leaves the machine.
 */
const BREACH_RANGE_API = /pwnedpasswords\.com/i;

function queriesBreachRangeApi(sourceCode: SourceCode): boolean {
  return BREACH_RANGE_API.test(sourceCode.text);
}

/**
 * The purpose of the digest computed by `call` (a hash call, or a method call on one).
 * `filePath` (relative to the project) is one of the names in reach of a hash helper.
 */
export function digestPurpose(sourceCode: SourceCode, call: ApiCall, filePath = ''): DigestVerdict {
  try {
    return judge(sourceCode, call, filePath);
  } catch {
    return { purpose: 'unknown', reason: 'unknown use', persisted: false };
  }
}

function judge(sourceCode: SourceCode, call: ApiCall, filePath: string): DigestVerdict {
  const root = chainRoot(call);
  const chain = callChain(sourceCode, root);
  const inputs = chain.flatMap((c) => argsWithRole(c, 'data'));
  const inputWords = inputs.flatMap((n) => namesIn(n).flatMap(wordsWithSecretCompounds));
  const secretInput = inputWords.find((w) => SECRET_INPUT_WORDS.has(w) && w !== 'salt');
  if (secretInput && queriesBreachRangeApi(sourceCode)) return { purpose: 'fingerprint', reason: 'breach lookup by hash prefix (k-anonymity range API)', persisted: false };
  if (secretInput) return { purpose: 'security', reason: `hashes ${SECRET_INPUT_LABELS[secretInput] ?? `a ${secretInput}`}`, persisted: true };
  // A salt is no secret: it marks a password hash, unless the digest only becomes a number. `md5(`${salt}:${userId}`)`
  // read as an integer picks an experiment's bucket (the salt reshuffles units per experiment), a shard choice (10).
  if (inputWords.includes('salt') && !isOnlyANumber(sourceCode, call)) return { purpose: 'security', reason: 'hashes a salt', persisted: true };
  const cardData = cardDataName(inputNamesWithInitializers(sourceCode, inputs));
  if (cardData) return { purpose: 'security', reason: `hashes cardholder data (\`${cardData}\`)`, persisted: true };
  const personalId = personalIdentifierName(inputNamesWithInitializers(sourceCode, inputs));
  if (personalId) return { purpose: 'security', reason: `hashes a personal identifier (\`${personalId}\`) without a key`, persisted: true };

  const uses = chain.filter((c) => !isReceiver(chain, c)).flatMap((c) => valueUses(sourceCode, c.node));
  const fnWords = enclosingFunctions(root.node)
    .slice(0, 2)
    .flatMap((fn) => identifierWords(functionName(fn) ?? ''));
  const useWords = uses.flatMap((use) => wordsOfUse(use));
  const compares = uses.filter((u): u is Extract<ValueUse, { kind: 'compare' }> => u.kind === 'compare');
  if (compares.length > 0 && compares.every((u) => isEarlierDigestOfSameFunction(sourceCode, u.other, uses) || isStoredBackInto(sourceCode, u.other))) {
    return { purpose: 'fingerprint', reason: 'change detection (compared with its own earlier digest)', persisted: false };
  }
  const untrustedComparison = uses.find((use) => use.kind === 'compare' && isUntrusted(use.other));
  if (untrustedComparison) return { purpose: 'security', reason: 'is compared with request data', persisted: false };
  if (signedHeaderField(sourceCode, root.node)) return { purpose: 'security', reason: 'is a field of a header that is then signed', persisted: false };

  const fingerprintText = uses.find(
    (use) =>
      (use.kind === 'text' && (FINGERPRINT_TEXT.test(use.text) || use.text.split(' ').some((part) => FILE_EXTENSION_TEXT.test(part)))) ||
      (use.kind === 'argument' && argumentText(use).some((t) => FINGERPRINT_TEXT.test(t))) ||
      (use.kind === 'compare' && headerNamesRead(use.other).some((h) => FINGERPRINT_TEXT.test(h))),
  );
  const fingerprintWord =
    [...useWords, ...fnWords].find((w) => FINGERPRINT_WORDS.has(w)) ?? fnWords.find((w) => CHECKSUM_FUNCTION_WORDS.has(w)) ?? storageKeyWord(useWords) ?? storageKeyWord(fnWords) ?? groupKeyWord(useWords) ?? groupKeyWord(fnWords) ?? blockingKeyWord(useWords) ?? blockingKeyWord(fnWords) ?? sseCustomerKeyChecksumWord(useWords);
  const readsFile = inputs.some((n) => readsFromFile(sourceCode, n)) || fileStreamPipedInto(sourceCode, root.node);
  const contentWord = inputWords.find((w) => CONTENT_INPUT_WORDS.has(w));
  if (isNumberUse(uses)) return { purpose: 'fingerprint', reason: 'number for bucketing or sharding', persisted: false };
  if (hashesWebSocketKey(sourceCode, inputs)) return { purpose: 'fingerprint', reason: 'WebSocket handshake (Sec-WebSocket-Accept)', persisted: false };
  // A file's digest compared with a value kept from before (a recorded checksum, not this run's own earlier digest) is an
  // integrity check of the file, whatever the helper that computes it is called (decision 11). Named an ETag, it is the
  // HTTP cache validator that an unchanged file is recognised by: comparing ETags is what they are for (decision 10).
  const namedCacheValidator = useWords.some((w) => CACHE_VALIDATOR_WORDS.has(w));
  if (readsFile && !fingerprintText && !namedCacheValidator && compares.length > 0 && compares.some((u) => !isUntrusted(u.other))) {
    return { purpose: 'security', reason: 'checks a file against an expected digest', persisted: false };
  }
  // So is a public key's digest compared with an expected value (an EMV CA public key's checksum against the scheme's
  // bulletin, a pinned key): what the check stops is a substituted key.
  if (publicKeyInput(inputWords) && !fingerprintText && compares.length > 0 && compares.some((u) => !isUntrusted(u.other))) {
    return { purpose: 'security', reason: 'checks a public key against an expected digest', persisted: false };
  }
  // A certificate's digest checked against pinned values is certificate pinning: what the check stops is a substituted
  // certificate, however the pins are named (`THUMBPRINTS`). Only shown, logged or stored, it is the certificate's
  // thumbprint, an identifier of a public document (decision 11).
  if (namesCertificate(inputWords) && !fingerprintText) {
    return checkedAgainstExpected(uses)
      ? { purpose: 'security', reason: 'checks a certificate against a pinned digest', persisted: false }
      : { purpose: 'fingerprint', reason: 'certificate thumbprint', persisted: false };
  }
  if (fingerprintText || fingerprintWord) return { purpose: 'fingerprint', reason: fingerprintWord ? `${fingerprintWord}` : 'HTTP caching', persisted: false };

  const securityWord = [...useWords, ...fnWords].find((w) => SECURITY_WORDS.has(w));
  const persisted = useWords.some((w) => STORAGE_WORDS.has(w)) || uses.some((u) => u.kind === 'compare');
  if (securityWord) return { purpose: 'security', reason: `is used for ${securityWord}`, persisted };
  // After the security words: a token's digest inserted so is still a token's.
  if (uses.some((u) => u.kind === 'binding' && u.node.parent?.type === 'ArrayExpression' && fillsSkippedConflictTarget(sourceCode, u.node.parent, u.node))) {
    return { purpose: 'fingerprint', reason: 'dedupe key (an insert skipped when the digest is already stored)', persisted: false };
  }
  // After the security words: `/downloads/${token}.zip` is named for what it grants, not for the file.
  if (uses.some((u) => u.kind === 'text' && namesFileInPath(u.text))) return { purpose: 'fingerprint', reason: 'names a stored file by its content', persisted: false };
  // Only a key into (or a value of) an in-memory Map or Set (`this.clients.get(configHash)`): a lookup, not a control.
  if (uses.some((u) => u.kind === 'argument') && uses.every((u) => u.kind === 'binding' || u.kind === 'concatenated' || isCollectionKey(sourceCode, u))) {
    return { purpose: 'fingerprint', reason: 'key of an in-memory Map or Set', persisted: false };
  }
  // Named as an id with nothing secret in or around it (`jobId`, `contentId`): content addressing, e.g. a queue's duplicate-job id.
  const idWord = compares.length === 0 ? useWords.find((w) => IDENTIFIER_WORDS.has(w)) : undefined;
  if (idWord) return { purpose: 'fingerprint', reason: 'identifier derived from the content', persisted: false };
  // A file's digest compared with an expected value is an integrity check of that file (a
  // download against its published checksum); only shown or stored, it is a fingerprint.
  if (readsFile && compares.length > 0) return { purpose: 'security', reason: 'checks a file against an expected digest', persisted: false };
  if (readsFile) return { purpose: 'fingerprint', reason: 'checksum of a local file', persisted: false };
  if (contentWord) return { purpose: 'fingerprint', reason: `content id (digest of the ${contentWord})`, persisted: false };
  const mediaWord = compares.length === 0 ? inputWords.find((w) => MEDIA_INPUT_WORDS.has(w)) : undefined;
  if (mediaWord) return { purpose: 'fingerprint', reason: `content id (digest of the ${mediaWord})`, persisted: false };
  const locatorWord = compares.length === 0 ? inputWords.find((w) => LOCATOR_INPUT_WORDS.has(w)) : undefined;
  if (locatorWord) return { purpose: 'fingerprint', reason: `names a public locator (digest of the ${locatorWord})`, persisted: false };
  if (compares.length > 0) return { purpose: 'security', reason: 'is compared for verification', persisted: true };
  if (root.api.operation === 'hash' && keepsShortPrefix(chain)) return { purpose: 'fingerprint', reason: 'a short prefix of the digest (a tag or a name)', persisted: false };
  if (shortensOverlongValue(sourceCode, root, inputs)) return { purpose: 'fingerprint', reason: 'name shortened to fit a length limit', persisted: false };
  // `HASHES = { md5: (d) => md5(d), sha256: (d) => sha256(d) }` looked up by a caller's algorithm name: a registry, like `createHash` itself.
  if (isDispatchedOnAlgorithmName(root)) return { purpose: 'caller-decided', reason: 'picked when the caller asks for this algorithm by name', persisted: true };
  if (isAlgorithmTableEntry(root.node)) return { purpose: 'caller-decided', reason: 'an entry of a table of hash algorithms by name: its callers pick one', persisted: true };
  const helper = hashHelperOf(sourceCode, root, inputs, uses, isSecurityName, filePath);
  // Persisted: importers may store or exchange the digest (name-based UUIDs, content hashes), so a change needs a migration.
  if (helper) return securityUseByImporters(sourceCode, helper.exported) ?? { purpose: 'caller-decided', reason: 'hash helper: its importers decide what it is for', persisted: true };
  // Nothing in reach says what the digest is for, but the module's own name does (`middleware/etag/index.js`).
  const moduleWord = modulePathWords(filePath).find((w) => MODULE_FINGERPRINT_WORDS.has(w));
  if (moduleWord) return { purpose: 'fingerprint', reason: `made by a module named ${moduleWord}`, persisted: false };
  return { purpose: 'unknown', reason: 'unknown use', persisted };
}

/**
 * The hash call (its whole chain) is all that a function does (`(d) => md5(d)`, `function (d) { return md5(d); }`), that
 * function is the value of a property named for a hash algorithm (`md5:`), and its object holds at least
 * two hash algorithms so named: a table by algorithm name (node-rsa's browser `HASHES`), whose entry
 * is chosen by whoever asks for `HASHES[alg]`.
 */
function isAlgorithmTableEntry(call: TSESTree.Node): boolean {
  // The whole chain: `(d) => createHash('md5').update(d).digest('hex')`.
  let whole = call;
  while (whole.parent?.type === 'MemberExpression' && whole.parent.object === whole && whole.parent.parent?.type === 'CallExpression' && whole.parent.parent.callee === whole.parent) {
    whole = whole.parent.parent;
  }
  let fn: TSESTree.Node | undefined = whole.parent;
  if (fn?.type === 'ReturnStatement') fn = fn.parent?.type === 'BlockStatement' && fn.parent.body.length === 1 ? fn.parent.parent : undefined;
  if (!fn || !isFunction(fn)) return false;
  const property = fn.parent;
  if (property?.type !== 'Property' || property.value !== fn || property.parent?.type !== 'ObjectExpression') return false;
  const named = property.parent.properties.filter((p) => p.type === 'Property' && describeAlgorithm(propertyName(p.key) ?? '')?.kind === 'hash');
  return named.includes(property) && named.length >= 2;
}

/**
 * RFC 6455 fixes `Sec-WebSocket-Accept` as the SHA-1 of the client's key followed by this GUID: a
 * handshake value with no secret in it and no integrity claim, whatever the code around it is called.
 */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function hashesWebSocketKey(sourceCode: SourceCode, inputs: readonly TSESTree.Node[]): boolean {
  const ctx = { sourceCode, parserServices: sourceCode.parserServices };
  const texts = inputs.flatMap(textParts).flatMap((part) =>
    part.type === 'TemplateLiteral' ? part.quasis.map((q) => q.value.cooked ?? '') : stringValues(ctx, part).map((v) => String(v.value)),
  );
  return texts.some((text) => text.toUpperCase().includes(WEBSOCKET_GUID));
}

/** The operands of a `+` chain and the expressions of a template, with the template itself (for its text). */
function textParts(node: TSESTree.Node): TSESTree.Node[] {
  const expr = unwrapExpression(node);
  if (expr.type === 'TemplateLiteral') return [expr, ...expr.expressions.flatMap(textParts)];
  const operands = concatenatedOperands(expr);
  return operands.length > 1 ? operands.flatMap(textParts) : [expr];
}

/**
 * `if (type === 'md5') prom = crypto.subtle.digest('md5', x)`: the hash runs only when a caller asked for
 * this very algorithm by name (postgres' `createHash(type)` polyfill for Cloudflare, a dispatcher over the
 * hashes a format supports). The code does not choose the algorithm, its callers do: like a table entry.
 */
function isDispatchedOnAlgorithmName(root: ApiCall): boolean {
  const written = argsWithRole(root, 'algorithm').map(unwrapExpression)[0];
  if (written?.type !== 'Literal' || typeof written.value !== 'string') return false;
  const name = algorithmKey(written.value);
  let child: TSESTree.Node = root.node;
  for (let n: TSESTree.Node | undefined = root.node.parent; n && !isFunction(n); child = n, n = n.parent) {
    if ((n.type === 'IfStatement' || n.type === 'ConditionalExpression') && n.consequent === child && testsForName(n.test, name)) return true;
    if (n.type === 'SwitchCase' && n.test && n.consequent.includes(child as TSESTree.Statement) && isNameLiteral(n.test, name) && !isNameLiteral(n.parent.discriminant)) return true;
  }
  return false;
}

/** `type === 'md5'`, `'MD5' == alg.toUpperCase()`, or one side of `a || b`: a variable compared with the name. */
function testsForName(test: TSESTree.Node, name: string): boolean {
  const expr = unwrapExpression(test);
  if (expr.type === 'LogicalExpression' && expr.operator === '||') return testsForName(expr.left, name) || testsForName(expr.right, name);
  if (expr.type !== 'BinaryExpression' || (expr.operator !== '===' && expr.operator !== '==')) return false;
  const [literal, other] = isNameLiteral(expr.left, name) ? [expr.left, expr.right] : [expr.right, expr.left];
  return isNameLiteral(literal, name) && !isNameLiteral(other);
}

function isNameLiteral(node: TSESTree.Node, name?: string): boolean {
  const expr = unwrapExpression(node);
  return expr.type === 'Literal' && typeof expr.value === 'string' && (name === undefined || algorithmKey(expr.value) === name);
}

/** `SHA-1`, `sha1`, `Sha_1` alike. */
function algorithmKey(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * Module names that say what every digest in them is for when its use is out of sight (hono's
 * `middleware/etag/index.js` hashes a response body through a generator function handed to another
 * file). Narrower than FINGERPRINT_WORDS: a `cache/` or `files/` folder holds code of every kind.
 */
const MODULE_FINGERPRINT_WORDS: ReadonlySet<string> = new Set(['etag', 'etags', 'checksum', 'checksums', 'md5sum', 'sha1sum', 'cachebust']);

/** The words of a project-relative path's folders and file name (`src/middleware/etag/index.js` → src, middleware, etag, index). */
function modulePathWords(filePath: string): string[] {
  return filePath
    .split(/[\\/]/)
    .map((segment) => segment.replace(/\.[cm]?[jt]sx?$/, ''))
    .flatMap(nameWords);
}

/**
 * With type information, the helper's callers in other files: one that hashes a password
 * (`md5(user.password)`) or sits in a security-named function (`verifySignature`) makes the
 * helper's digest a security use, reported in the helper where the algorithm is written.
 */
function securityUseByImporters(sourceCode: SourceCode, helper: TSESTree.Node): DigestVerdict | undefined {
  for (const call of callsFromImporters({ sourceCode, parserServices: sourceCode.parserServices }, helper)) {
    const where = `${call.file}:${call.line}`;
    const secret = call.argumentNames.flatMap(identifierWords).find((w) => SECRET_INPUT_WORDS.has(w));
    if (secret) return { purpose: 'security', reason: `hashes a ${secret} in ${where}`, persisted: true };
    const security = call.contextNames.flatMap(nameWords).find((w) => SECURITY_WORDS.has(w));
    if (security) return { purpose: 'security', reason: `is used for ${security} in ${where}`, persisted: true };
  }
  return undefined;
}

function isSecurityName(name: string): boolean {
  return nameWords(name).some((w) => SECURITY_WORDS.has(w) || SECRET_INPUT_WORDS.has(w));
}

/**
 * `if (name.length > limit) name = sha1(name)…`: the value is hashed only when it is too
 * long, to fit a length limit (database identifiers, Kubernetes names, file names). The
 * digest is a shorter name for the same value, not a protection of it.
 */
function shortensOverlongValue(sourceCode: SourceCode, root: ApiCall, inputs: readonly TSESTree.Node[]): boolean {
  const variables = new Set(
    inputs.flatMap((n) => {
      const expr = unwrapExpression(n);
      const variable = expr.type === 'Identifier' ? variableOf(sourceCode, expr) : undefined;
      return variable ? [variable] : [];
    }),
  );
  if (variables.size === 0) return false;
  let child: TSESTree.Node = root.node;
  for (let n: TSESTree.Node | undefined = root.node.parent; n && !isFunction(n); child = n, n = n.parent) {
    if ((n.type === 'IfStatement' || n.type === 'ConditionalExpression') && n.test !== child && comparesLengthOf(sourceCode, n.test, variables)) return true;
  }
  return false;
}

/** The most hex or base64 characters of an unkeyed digest that make a name rather than a check (48 bits). */
const SHORT_PREFIX_CHARACTERS = 12;

/**
 * `createHash('md5').update(runId).digest('hex').slice(0, 6)`: only a few characters of an unkeyed digest are kept, too few
 * to stand for the input in any check, and what keeps them is a tag or a name (a test run's resource suffix). Keyed MACs
 * are judged apart (a truncated HMAC licence code is still HMAC-MD5), and so is anything compared or named for security.
 */
function keepsShortPrefix(chain: readonly ApiCall[]): boolean {
  const digest = chain[chain.length - 1]?.node;
  const member = digest?.parent;
  const call = member?.parent;
  if (member?.type !== 'MemberExpression' || member.object !== digest || call?.type !== 'CallExpression' || call.callee !== member) return false;
  if (!/^(?:slice|substring|substr)$/.test(memberName(member) ?? '')) return false;
  const [start, length] = call.arguments;
  return isNumberLiteral(start, 0) && length?.type === 'Literal' && typeof length.value === 'number' && length.value > 0 && length.value <= SHORT_PREFIX_CHARACTERS;
}

function isNumberLiteral(node: TSESTree.Node | undefined, value: number): boolean {
  return node?.type === 'Literal' && node.value === value;
}

/** `x.length > n` (any order, any of `<`, `<=`, `>`, `>=`) somewhere in `test`, for a variable in `variables`. */
function comparesLengthOf(sourceCode: SourceCode, test: TSESTree.Node, variables: ReadonlySet<unknown>): boolean {
  const expr = unwrapExpression(test);
  if (expr.type === 'LogicalExpression') return comparesLengthOf(sourceCode, expr.left, variables) || comparesLengthOf(sourceCode, expr.right, variables);
  if (expr.type !== 'BinaryExpression' || !SHORTENING_OPERATORS.has(expr.operator)) return false;
  return [expr.left, expr.right].some((side) => {
    const member = unwrapExpression(side);
    if (member.type !== 'MemberExpression' || memberName(member) !== 'length') return false;
    const object = unwrapExpression(member.object);
    return object.type === 'Identifier' && variables.has(variableOf(sourceCode, object));
  });
}

/** A call whose result is directly the receiver of a modelled method call (`createHash(…)` in `createHash(…).update(…)`). */
function isReceiver(chain: readonly ApiCall[], call: ApiCall): boolean {
  return chain.some((c) => c.receiver === call && c.node.callee.type === 'MemberExpression' && c.node.callee.object === call.node);
}

/** Words of a name, plus the whole name squashed (`ETag` splits into `e`, `tag`; squashed it is `etag`). */
function nameWords(name: string): string[] {
  return [...identifierWords(name), name.toLowerCase().replace(/[^a-z0-9]/g, '')];
}

function wordsOfUse(use: ValueUse): readonly string[] {
  switch (use.kind) {
    case 'binding':
    case 'concatenated':
      return nameWords(use.name);
    case 'argument': {
      const callee = use.call.callee;
      return namesIn(callee).flatMap(identifierWords);
    }
    case 'return':
      return nameWords(use.name ?? '');
    case 'compare':
      return namesIn(use.other).flatMap(identifierWords);
    case 'index':
      return namesIn(use.object).flatMap(identifierWords);
    case 'text':
    case 'numeric':
      return [];
    case 'jsx-attribute':
      return use.name === 'key' ? ['reactkey'] : identifierWords(use.name);
  }
}

const COLLECTION_METHODS = new Set(['get', 'has', 'set', 'delete', 'add']);
const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

/**
 * A key of `get`/`has`/`set`/`delete`/`add`, or a value of `set`, on a binding or class field
 * made with `new Map()`/`new Set()` (or their weak kinds): in-memory bookkeeping.
 */
function isCollectionKey(sourceCode: SourceCode, use: ValueUse): boolean {
  if (use.kind !== 'argument') return false;
  const callee = unwrapExpression(use.call.callee);
  const method = callee.type === 'MemberExpression' ? memberName(callee) : undefined;
  if (callee.type !== 'MemberExpression' || !method || !COLLECTION_METHODS.has(method)) return false;
  if (use.index !== 0 && !(use.index === 1 && method === 'set')) return false;
  const receiver = unwrapExpression(callee.object);
  const initialized = receiver.type === 'Identifier' ? initializedExpression(sourceCode, receiver) : undefined;
  const inits =
    receiver.type === 'MemberExpression' && receiver.object.type === 'ThisExpression'
      ? classMemberValues(sourceCode, receiver, memberName(receiver) ?? '')
      : initialized
        ? [initialized]
        : [];
  return inits.length > 0 && inits.every((init) => {
    const made = unwrapExpression(init);
    return made.type === 'NewExpression' && made.callee.type === 'Identifier' && COLLECTIONS.has(made.callee.name);
  });
}

/** String literals passed next to the value: `res.setHeader('ETag', digest)`. */
function argumentText(use: Extract<ValueUse, { kind: 'argument' }>): string[] {
  return use.call.arguments.flatMap((arg) => (arg.type === 'Literal' && typeof arg.value === 'string' ? [arg.value] : []));
}

function isUntrusted(node: TSESTree.Node): boolean {
  const names = namesIn(node).flatMap(identifierWords);
  if (names.some((w) => w === 'etag' || w === 'match')) return false;
  // The header it reads, by index or by getter: `headers['if-none-match']`, `ctx.get('If-None-Match')`, `request.headers.get('etag')`.
  if (headerNamesRead(node).some((h) => CACHE_VALIDATOR_HEADER.test(h))) return false;
  return names.some((w) => UNTRUSTED_WORDS.has(w));
}

const CACHE_VALIDATOR_HEADER = /^(?:if-none-match|if-match|etag|sec-websocket-accept)$/i;

/** String keys an expression reads with: a computed member's literal key or a call's literal first argument. */
function headerNamesRead(node: TSESTree.Node): string[] {
  const expr = unwrapExpression(node);
  if (expr.type === 'MemberExpression' && expr.computed && expr.property.type === 'Literal') return [String(expr.property.value)];
  if (expr.type === 'CallExpression') {
    const first = expr.arguments[0];
    return first?.type === 'Literal' && typeof first.value === 'string' ? [first.value] : [];
  }
  return [];
}

/**
 * String methods that normalise a file's text and leave it that file's content: line endings (`text.replace(/\r\n/g, '\n')`),
 * surrounding blanks, Unicode normal form, the decoding of its bytes (`buf.toString('utf8')`).
 */
const TEXT_NORMALISING_METHODS: ReadonlySet<string> = new Set(['replace', 'replaceAll', 'trim', 'trimStart', 'trimEnd', 'normalize', 'toString']);

/** `fs.readFileSync(path)` / `await readFile(path)` as the hashed input, also normalised (`text.replace(/\r\n/g, '\n')`). */
function readsFromFile(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): boolean {
  let expr: TSESTree.Node = unwrapExpression(node);
  if (expr.type === 'Identifier' && depth < 2) {
    const variable = variableOf(sourceCode, expr);
    const init = variable && singleInitializer(variable);
    return init ? readsFromFile(sourceCode, init, depth + 1) : isFileStreamChunk(sourceCode, expr);
  }
  if (expr.type === 'AwaitExpression') expr = expr.argument;
  if (expr.type !== 'CallExpression') return false;
  if (expr.callee.type === 'MemberExpression' && TEXT_NORMALISING_METHODS.has(memberName(expr.callee) ?? '')) {
    return depth < 2 && readsFromFile(sourceCode, expr.callee.object, depth);
  }
  const path = resolveImportPath(sourceCode, expr.callee);
  return path?.module !== undefined && FILE_MODULES.has(path.module);
}

const PIPELINE_FUNCTIONS = new Set(['pipeline']);

/**
 * `const hash = createHash(alg); createReadStream(file).pipe(hash)` or `await pipeline(createReadStream(file), hash)`:
 * the hash object is fed by a stream an fs module opened, so its digest is that file's, like `hash.update(readFileSync(f))`.
 */
function fileStreamPipedInto(sourceCode: SourceCode, hashCall: TSESTree.Node): boolean {
  const declarator = hashCall.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== hashCall || declarator.id.type !== 'Identifier') return false;
  const variable = variableOf(sourceCode, declarator.id);
  return (variable?.references ?? []).some((ref) => {
    const id = ref.identifier as TSESTree.Node;
    const call = id.parent;
    if (!ref.isRead() || call?.type !== 'CallExpression' || !call.arguments.includes(id as TSESTree.CallExpressionArgument)) return false;
    const callee = call.callee;
    if (callee.type === 'MemberExpression' && memberName(callee) === 'pipe') return isFileStream(sourceCode, callee.object);
    const name = callee.type === 'MemberExpression' ? memberName(callee) : callee.type === 'Identifier' ? callee.name : undefined;
    const first = call.arguments[0];
    return !!name && PIPELINE_FUNCTIONS.has(name) && first !== id && first?.type !== 'SpreadElement' && !!first && isFileStream(sourceCode, first);
  });
}

const STREAM_LISTENERS = new Set(['on', 'once', 'addListener']);

/**
 * `createReadStream(file).on('data', (chunk) => hash.update(chunk))`: the parameter of a
 * `data` listener on a stream that an fs module opened (through chained `.on(…)`/`.pipe(…)`).
 */
function isFileStreamChunk(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const def = variableOf(sourceCode, id)?.defs[0];
  if (def?.type === 'Variable') return isFileStreamLoopVariable(sourceCode, def.parent);
  if (def?.type !== 'Parameter') return false;
  const listener = def.node;
  const on = listener.parent;
  if (on?.type !== 'CallExpression' || on.arguments[1] !== listener || on.callee.type !== 'MemberExpression') return false;
  const event = on.arguments[0];
  if (!STREAM_LISTENERS.has(memberName(on.callee) ?? '') || event?.type !== 'Literal' || event.value !== 'data') return false;
  return isFileStream(sourceCode, on.callee.object);
}

/** A stream an fs module opened, directly or through chained calls (`createReadStream(file).pipe(gunzip())`). */
function isFileStream(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let stream: TSESTree.Node = unwrapExpression(node);
  for (let i = 0; i < 8 && stream.type === 'CallExpression'; i++) {
    const path = resolveImportPath(sourceCode, stream.callee);
    if (path?.module !== undefined) return FILE_MODULES.has(path.module);
    if (stream.callee.type !== 'MemberExpression') return false;
    stream = unwrapExpression(stream.callee.object);
  }
  return false;
}

/**
 * `for await (const chunk of createReadStream(file)) hash.update(chunk)`: the loop variable of an async iteration over a
 * file stream is a chunk of that file, like the parameter of its `data` listener.
 */
function isFileStreamLoopVariable(sourceCode: SourceCode, declaration: TSESTree.Node | null): boolean {
  const loop = declaration?.parent;
  return loop?.type === 'ForOfStatement' && loop.await && loop.left === declaration && isFileStream(sourceCode, loop.right);
}

/**
 * `savedHash === hash(sess)` where `savedHash = hash(…)`: the digest is compared with an
 * earlier output of the same function (change detection, e.g. "was the session modified?"),
 * not with data from outside. Every write of the other side must be a call of a function
 * that returns this digest.
 */
function isEarlierDigestOfSameFunction(sourceCode: SourceCode, other: TSESTree.Node, uses: readonly ValueUse[]): boolean {
  const returners = new Set(uses.flatMap((u) => (u.kind === 'return' && u.name ? [u.name] : [])));
  if (returners.size === 0) return false;
  const seen = new Set<unknown>();
  const isEarlierDigest = (node: TSESTree.Node, depth: number): boolean => {
    const expr = unwrapExpression(node);
    // `hash(sess)` on the other side, the earlier digest on this one
    if (expr.type === 'CallExpression') return expr.callee.type === 'Identifier' && returners.has(expr.callee.name);
    if (expr.type !== 'Identifier' || depth > 3) return false;
    const variable = variableOf(sourceCode, expr);
    if (!variable || seen.has(variable)) return false;
    seen.add(variable);
    // Every write is such a call, or a copy of another such variable (`savedHash = originalHash`).
    const writes = variable.references.filter((ref) => ref.isWrite() && ref.writeExpr);
    return writes.length > 0 && writes.every((ref) => isEarlierDigest(ref.writeExpr as TSESTree.Node, depth + 1));
  };
  return isEarlierDigest(other, 0);
}

/**
 * `if (state[id] === digest) continue; … state[id] = digest`: the slot the digest is compared with is where this same
 * function stores that digest afterwards (a sync job's per-entry state, `this.lastHash`). The comparison asks whether the
 * data changed since the last run wrote it — change detection over values the code keeps itself — not whether data
 * someone supplied matches an expected digest.
 */
function isStoredBackInto(sourceCode: SourceCode, other: TSESTree.Node): boolean {
  const slot = unwrapExpression(other);
  const comparison = other.parent;
  if ((slot.type !== 'MemberExpression' && slot.type !== 'Identifier') || comparison?.type !== 'BinaryExpression') return false;
  const digestSide = unwrapExpression(comparison.left === other ? comparison.right : comparison.left);
  if (digestSide.type !== 'Identifier') return false;
  const scope = enclosingFunctions(comparison)[0];
  if (!scope) return false;
  const slotText = sourceCode.getText(slot);
  for (const node of descendants(scope.body)) {
    if (node.type !== 'AssignmentExpression' || node.operator !== '=') continue;
    const value = unwrapExpression(node.right);
    if (value.type === 'Identifier' && value.name === digestSide.name && sourceCode.getText(node.left) === slotText) return true;
  }
  return slot.type === 'Identifier' && isWrittenBackToStore(sourceCode, slot, digestSide.name, scope.body);
}

/** Methods of a key-value store (Redis, `Map`, `localStorage`, a cache client) that read an entry, and that write one. */
const STORE_READS = /^(?:h?get|getItem)$/;
const STORE_WRITES = /^(?:h?set|hmset|setItem|put)$/;

/**
 * `const previous = await redis.hget(key, 'hash'); if (previous === hash) continue; await redis.hset(key, { hash, … })`:
 * the compared value was read from a store entry that the same function then writes the digest back into (the same
 * receiver and entry key). Like isStoredBackInto's slots, the store holds what the last run computed.
 */
function isWrittenBackToStore(sourceCode: SourceCode, slot: TSESTree.Identifier, digestName: string, body: TSESTree.Node): boolean {
  const variable = variableOf(sourceCode, slot);
  const init = variable && singleInitializer(variable);
  const read = init && unwrapExpression(init.type === 'AwaitExpression' ? init.argument : init);
  const entry = read && storeCall(read, STORE_READS);
  if (!entry) return false;
  const receiverText = sourceCode.getText(entry.receiver);
  const keyText = sourceCode.getText(entry.key);
  for (const node of descendants(body)) {
    const write = storeCall(node, STORE_WRITES);
    if (!write || sourceCode.getText(write.receiver) !== receiverText || sourceCode.getText(write.key) !== keyText) continue;
    if (write.values.some((value) => holdsIdentifier(value, digestName))) return true;
  }
  return false;
}

/** `receiver.method(key, …values)` with `method` matching `methods`. */
function storeCall(node: TSESTree.Node, methods: RegExp): { receiver: TSESTree.Node; key: TSESTree.Node; values: TSESTree.Node[] } | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || !methods.test(memberName(node.callee) ?? '')) return undefined;
  const [key, ...values] = node.arguments;
  return key && key.type !== 'SpreadElement' ? { receiver: node.callee.object, key, values } : undefined;
}

/** The value is `name`, or an object literal with `name` as one of its property values (`{ hash, price }`, `{ h: hash }`). */
function holdsIdentifier(node: TSESTree.Node, name: string): boolean {
  const value = unwrapExpression(node);
  if (value.type === 'Identifier') return value.name === name;
  return value.type === 'ObjectExpression' && value.properties.some((p) => p.type === 'Property' && holdsIdentifier(p.value, name));
}

/**
 * `createHash('md5').update(image).digest().copy(header, 16)` (or `header.set(digest, 16)`) with `header` then signed or
 * MACed (`signer.update(header)`): the digest is a field of a signed image header, the value a verifier (a bootloader,
 * an updater) checks the content against — an integrity check whoever computes it (decision 11), not a file's
 * fingerprint only stored.
 */
function signedHeaderField(sourceCode: SourceCode, root: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const digest = rawDigestOf(root);
  if (!digest) return false;
  const member = digest.parent;
  let target: TSESTree.Node | undefined;
  if (member?.type === 'MemberExpression' && member.object === digest && memberName(member) === 'copy' && member.parent?.type === 'CallExpression' && member.parent.callee === member) {
    target = member.parent.arguments[0];
  } else if (member?.type === 'CallExpression' && member.arguments[0] === digest && member.callee.type === 'MemberExpression' && memberName(member.callee) === 'set') {
    target = member.callee.object;
  }
  const held = target && unwrapExpression(target);
  const variable = held?.type === 'Identifier' ? variableOf(sourceCode, held) : undefined;
  if (!variable) return false;
  const reads = new Set<TSESTree.Node>(variable.references.map((r) => r.identifier as TSESTree.Node));
  return getApiCalls(sourceCode).some((c) => (c.api.operation === 'sign' || c.api.operation === 'mac') && argsWithRole(c, 'data').some((n) => reads.has(unwrapExpression(n))));
}
