import * as espree from 'espree';
import { keywardenParser } from '../../util/parser';
import { serverParser } from './server-parser';
import { moveNodes, moveTokens, type Located, type VisitorKeys } from './move-nodes';
import { declaredNamesKey } from './top-level-names';
import { lineBreaksBetween, linesAndColumnPrefix, textEdit, type TextEdit } from './text-edit';

/**
 * Re-parses only the top-level statements an edit touched, for documents that
 * are being typed in.
 *
 * Parsing is most of the cost of linting a TypeScript file: for a 2,000-line
 * file @typescript-eslint/parser takes about 250 ms, and ESLint plus all of
 * keywarden's rules on an already parsed tree about 80 ms. Between two
 * keystrokes almost every statement is unchanged, so the statements around the
 * edit are parsed again (after as many line breaks and spaces as put them on
 * their lines and columns, then moved to their offsets), the statements after
 * them are moved by the edit's length and line count, and the ones before are
 * kept as they are. Scope analysis runs on the whole new tree, reusing the
 * last one's function and class scopes of kept statements (typescript-scopes.ts).
 *
 * The result must be exactly what a full parse gives, so the shortcut is only
 * taken when that is certain:
 *  - the unchanged statement on each side of the edit is parsed again with it,
 *    and must come out where it was: the parser reached and left the edited
 *    region at statement boundaries, and from an unchanged statement boundary
 *    on, the same text parses the same way. A neighbor that no text after it
 *    can continue (ended by its own `;`, or a function or class declaration)
 *    is left out: the boundary after it is certain;
 *  - the first kept statement after the edit starts on a later line than the
 *    edit ends, so only lines move, never columns;
 *  - no string-literal expression statement is in the region (whether it is a
 *    directive such as "use strict" depends on the statements before it);
 *  - the region declares and exports the same top-level names as before
 *    (espree rejects a second `const x` or a duplicate export anywhere in the
 *    file, so new or renamed top-level names need the whole file).
 * Otherwise, and on any error, the file is parsed in full. A test compares the
 * two parses over thousands of random edits to the corpus files.
 *
 * Nodes of kept statements are reused across lints. keywarden's caches are
 * keyed by the Program node (new on every parse) or by a subtree whose content
 * they only depend on, so reuse is safe for them; the traversal sets each
 * statement's `parent` again on every lint (ServerSourceCode, which also keeps
 * a kept statement's traversal steps with it).
 */

interface ProgramNode extends Located {
  body: Located[];
  tokens: Located[];
  comments: Located[];
}
export interface ParseResult {
  ast: ProgramNode;
  scopeManager?: unknown;
  services?: unknown;
  visitorKeys?: unknown;
  /** Set by `parseWithoutScopes`: `analyzeScopes` gives the scopes `parseForESLint` would have. */
  scopesLeftOut?: boolean;
}
export interface ParserLike {
  parseForESLint(code: string, options: Record<string, unknown>): ParseResult;
  /** The same tree without the scope analysis, for a region: the combined tree is analysed once. */
  parseWithoutScopes?(code: string, options: Record<string, unknown>): ParseResult;
  /**
   * The scope analysis `parseForESLint` does; needed when either returns a scope manager. `reusable` is what
   * `takeReusableScopes` took from the analysis of the last tree, whose kept statements are in `ast`.
   */
  analyzeScopes?(ast: unknown, options: Record<string, unknown>, reusable?: unknown): unknown;
  /** The parts of a finished analysis the next one may reuse (typescript-scopes.ts); it breaks `scopeManager`. */
  takeReusableScopes?(scopeManager: unknown, options: Record<string, unknown>): unknown;
}

interface ParsedFile {
  text: string;
  ast: ProgramNode;
  optionsKey: string;
  /** The parser options ESLint passed, for `parseAgain`. */
  options: Record<string, unknown>;
  /** The tree's scope analysis, until its reusable parts are taken (see takeReusableScopes). */
  scopeManager?: unknown;
  reusableScopes?: unknown;
}

export interface IncrementalParserOptions {
  /** Files kept for the next edit (the documents being typed in). */
  maxFiles?: number;
  /**
   * Below this size every edit is parsed in full. Default 0: even a 100-line
   * file lints faster when only the edited statement is parsed again (p50 20 →
   * 14 ms for TypeScript, 13 → 11 ms for JavaScript), and so does a 15-line one.
   */
  minChars?: number;
  /** Parse in full when the region to parse again is more than this share of the file. */
  maxRegionShare?: number;
}

export class IncrementalParser {
  /** How many parses were full and how many reused statements (for tests and the bench). */
  readonly stats = { full: 0, partial: 0, fallbacks: {} as Record<string, number> };
  /** The ESLint parser to put in `languageOptions.parser`. */
  readonly parser: { meta: { name: string; version: string }; parseForESLint(code: string, options?: Record<string, unknown>): ParseResult };

  private readonly files = new Map<string, ParsedFile>();
  private readonly maxFiles: number;
  private readonly minChars: number;
  private readonly maxRegionShare: number;

  constructor(
    private readonly base: ParserLike = serverParser,
    options: IncrementalParserOptions = {},
  ) {
    this.maxFiles = options.maxFiles ?? 4;
    this.minChars = options.minChars ?? 0;
    this.maxRegionShare = options.maxRegionShare ?? 0.5;
    this.parser = {
      meta: { name: 'keywarden/incremental-parser', version: keywardenParser.meta.version },
      parseForESLint: (code, parserOptions = {}) => this.parse(code, parserOptions),
    };
  }

  /** Drops what is kept for a file (its document was closed). */
  forget(filePath: string): void {
    this.files.delete(filePath);
  }

  /**
   * Cuts the kept statements' `parent` links to the Program ESLint linted
   * (ESLint sets them again on the next lint). The Program is what keywarden's
   * caches are keyed by and the SourceCode holds: reachable from a kept file,
   * all of the last lint's analysis would stay alive with it.
   */
  detachKeptStatements(): void {
    for (const file of this.files.values()) {
      for (const statement of file.ast.body) if (statement.parent !== undefined) statement.parent = undefined;
      this.takeReusableScopes(file);
    }
  }

  /** The reusable scopes of a kept file's last analysis; the analysis itself (which holds the old Program) is let go. */
  private takeReusableScopes(file: ParsedFile): unknown {
    if (file.scopeManager !== undefined) {
      file.reusableScopes = this.base.takeReusableScopes?.(file.scopeManager, file.options);
      file.scopeManager = undefined;
    }
    return file.reusableScopes;
  }

  /**
   * Parses a new text of a file parsed before, with the parser options ESLint
   * passed then (for a caller that builds the SourceCode itself); undefined
   * when the file is not kept. Throws on a syntax error, as `parse` does.
   */
  parseAgain(filePath: string, code: string): ParseResult | undefined {
    const previous = this.files.get(filePath);
    return previous && this.parse(code, previous.options);
  }

  parse(code: string, options: Record<string, unknown>): ParseResult {
    const filePath = typeof options.filePath === 'string' ? options.filePath : '';
    const optionsKey = reusableOptionsKey(options);
    if (!filePath || optionsKey === undefined) return this.base.parseForESLint(code, options);
    const previous = this.files.get(filePath);
    let result: ParseResult | undefined;
    if (previous && previous.optionsKey === optionsKey && code.length >= this.minChars) {
      try {
        result = this.reparse(previous, code, options);
      } catch {
        this.countFallback('failed');
        // The kept tree may be half moved: never reuse it.
        this.files.delete(filePath);
        result = undefined;
      }
    }
    if (result) this.stats.partial++;
    else {
      // A syntax error throws here, as without this class; the last good parse is kept for the next edit.
      result = this.base.parseForESLint(code, options);
      this.stats.full++;
    }
    // A copy of the Program's fields, not the Program: see detachKeptStatements.
    this.remember(filePath, { text: code, ast: { ...result.ast }, optionsKey, options, scopeManager: result.scopeManager });
    return result;
  }

  private remember(filePath: string, parsed: ParsedFile): void {
    this.files.delete(filePath);
    this.files.set(filePath, parsed);
    while (this.files.size > this.maxFiles) this.files.delete(this.files.keys().next().value!);
  }

  /** The new tree built from `previous`'s, or undefined when only a full parse is certain to be right. */
  private reparse(previous: ParsedFile, code: string, options: Record<string, unknown>): ParseResult | undefined {
    const result = this.tryReparse(previous, code, options);
    if (typeof result === 'string') {
      this.countFallback(result);
      return undefined;
    }
    return result;
  }

  private countFallback(reason: string): void {
    this.stats.fallbacks[reason] = (this.stats.fallbacks[reason] ?? 0) + 1;
  }

  /** The region's statements parsed again and placed at their offsets in the new text, or why they cannot be used. */
  private parseRegion(region: Region, previous: ParsedFile, code: string, edit: TextEdit, options: Record<string, unknown>): RegionParse | string {
    const { text: oldText, ast: oldAst } = previous;
    const body = oldAst.body;
    if (region.oldEnd - region.start > this.maxRegionShare * oldText.length) return 'region too large';
    const oldStatements = body.slice(region.first, region.last + 1);
    if (oldStatements.some(mayBeDirective)) return 'directive';

    const newRegionEnd = region.oldEnd + edit.delta;
    let parsed: ParseResult;
    const prefix = linesAndColumnPrefix(code, region.start);
    try {
      const regionText = prefix + code.slice(region.start, newRegionEnd);
      const regionOptions = startsStrict(oldAst) ? strictOptions(options) : options;
      parsed = this.base.parseWithoutScopes ? this.base.parseWithoutScopes(regionText, regionOptions) : this.base.parseForESLint(regionText, regionOptions);
    } catch {
      return 'parse error'; // the full parse reports it (or parses: the region may end mid-statement)
    }
    const keys = (parsed.visitorKeys as VisitorKeys | undefined) ?? espree.VisitorKeys;
    placeAt(parsed.ast, region.start - prefix.length, keys);
    const statements = parsed.ast.body;
    if (statements.some(mayBeDirective)) return 'directive';
    if (declaredNamesKey(statements) !== declaredNamesKey(oldStatements)) return 'declared names changed';
    if (region.leadingNeighbor) {
      const kept = body[region.first];
      if (!sameRange(statements[0], kept.range[0], kept.range[1])) return 'statement before moved';
    }
    if (region.trailingNeighbor) {
      const kept = body[region.last];
      if (!sameRange(statements[statements.length - 1], kept.range[0] + edit.delta, kept.range[1] + edit.delta)) return 'statement after moved';
    }
    return { parsed, keys, newRegionEnd, statements };
  }

  /** The new tree, or why only a full parse is certain to be right. */
  private tryReparse(previous: ParsedFile, code: string, options: Record<string, unknown>): ParseResult | string {
    const { text: oldText, ast: oldAst } = previous;
    const body = oldAst.body;
    if (body.length === 0 || !Array.isArray(oldAst.tokens) || !Array.isArray(oldAst.comments)) return 'no statements';
    const edit = textEdit(oldText, code);
    // Parse the touched statements without the one after them when that one cannot be part of them (see
    // mayContinue); if the edit left the last of them open after all, parse again with it.
    let region = regionAround(body, oldText, edit, false);
    if (!region) return 'no region';
    let attempt = this.parseRegion(region, previous, code, edit, options);
    if (typeof attempt !== 'string' && !region.trailingNeighbor && region.last + 1 < body.length && mayContinue(attempt.statements[attempt.statements.length - 1], code)) {
      region = regionAround(body, oldText, edit, true);
      if (!region) return 'no region';
      attempt = this.parseRegion(region, previous, code, edit, options);
    }
    if (typeof attempt === 'string') return attempt;
    const { parsed, keys, newRegionEnd, statements } = attempt;

    // Everything is read from the old tree before anything of it moves:
    // position objects may be shared between nodes, tokens and the Program.
    const lineDelta = lineBreaksBetween(code, edit.start, edit.newEnd) - lineBreaksBetween(oldText, edit.start, edit.oldEnd);
    const reachesEnd = newRegionEnd === code.length;
    const programEnd = reachesEnd ? parsed.ast.range[1] : oldAst.range[1] + edit.delta;
    const programEndLoc = reachesEnd ? { ...parsed.ast.loc.end } : { line: oldAst.loc.end.line + lineDelta, column: oldAst.loc.end.column };
    const programStart = region.start === 0 ? parsed.ast.range[0] : oldAst.range[0];
    const programStartLoc = region.start === 0 ? { ...parsed.ast.loc.start } : { ...oldAst.loc.start };
    const suffix = body.slice(region.last + 1);
    const tokens = outside(oldAst.tokens, region.start, region.oldEnd);
    const comments = outside(oldAst.comments, region.start, region.oldEnd);

    moveNodes(suffix, edit.delta, lineDelta, keys);
    moveTokens(tokens.after, edit.delta, lineDelta);
    moveTokens(comments.after, edit.delta, lineDelta);

    const ast: ProgramNode = {
      ...parsed.ast,
      body: [...body.slice(0, region.first), ...statements, ...suffix],
      tokens: [...tokens.before, ...parsed.ast.tokens, ...tokens.after],
      comments: [...comments.before, ...parsed.ast.comments, ...comments.after],
      range: [programStart, programEnd],
      loc: { start: programStartLoc, end: programEndLoc },
    };
    if (typeof parsed.ast.start === 'number') ast.start = programStart;
    if (typeof parsed.ast.end === 'number') ast.end = programEnd;
    if (parsed.scopeManager === undefined && !parsed.scopesLeftOut) return { ast };
    if (!this.base.analyzeScopes) return 'no scope analysis';
    // The parser's own scope analysis, of the whole new tree (reusing the last one's for kept statements, where it can).
    const { scopesLeftOut: _scopesLeftOut, ...result } = parsed;
    const reusable = this.takeReusableScopes(previous);
    previous.reusableScopes = undefined; // used once: its scopes move into the new analysis
    return { ...result, ast, scopeManager: this.base.analyzeScopes(ast, options, reusable) };
  }
}

/** Moves a region's parse, made with a short prefix (linesAndColumnPrefix), to the offsets it has in the file. */
function placeAt(ast: ProgramNode, shift: number, keys: VisitorKeys): void {
  if (shift === 0) return;
  moveNodes(ast.body, shift, 0, keys);
  moveTokens(ast.tokens, shift, 0);
  moveTokens(ast.comments, shift, 0);
  ast.range = [ast.range[0] + shift, ast.range[1] + shift];
  if (typeof ast.start === 'number') ast.start += shift;
  if (typeof ast.end === 'number') ast.end += shift;
}

/** A region parsed again, placed at its offsets in the new text. */
interface RegionParse {
  parsed: ParseResult;
  keys: VisitorKeys;
  /** Where the region ends in the new text. */
  newRegionEnd: number;
  statements: Located[];
}

interface Region {
  /** Index of the first and last old statement parsed again. */
  first: number;
  last: number;
  /** Where the region starts (same offset in both texts) and ends in the old text. */
  start: number;
  oldEnd: number;
  /** Whether an unchanged statement before / after the edit is in the region (and must parse to where it was). */
  leadingNeighbor: boolean;
  trailingNeighbor: boolean;
}

/**
 * The old statements to parse again: those the edit touches, the unchanged
 * statement before them unless it is closed (mayContinue), the one after them
 * when `withTrailingNeighbor`, and more after it until the kept statements
 * start on a later line than the edit's end. The region may hold no old
 * statement at all (a line typed between two closed ones).
 */
function regionAround(body: Located[], oldText: string, edit: TextEdit, withTrailingNeighbor: boolean): Region | undefined {
  // Statements ending strictly before the edit are untouched (typing right after one changes it).
  const untouchedBefore = countWhile(body, (s) => s.range[1] < edit.start);
  // The first statement starting strictly after the edit (typing right before one changes it).
  const firstAfter = countWhile(body, (s) => s.range[0] <= edit.oldEnd);
  const leadingNeighbor = untouchedBefore > 0 && mayContinue(body[untouchedBefore - 1], oldText);
  const trailingNeighbor = withTrailingNeighbor && firstAfter < body.length;
  const first = leadingNeighbor ? untouchedBefore - 1 : untouchedBefore;
  let last = trailingNeighbor ? firstAfter : firstAfter - 1;
  while (last + 1 < body.length && lineBreaksBetween(oldText, edit.oldEnd, body[last + 1].range[0]) === 0) last++;
  if (last < first - 1) return undefined;
  const start = first > 0 ? body[first - 1].range[1] : 0;
  const oldEnd = last + 1 < body.length ? body[last + 1].range[0] : oldText.length;
  if (start > edit.start || oldEnd < edit.oldEnd) return undefined;
  return { first, last, start, oldEnd, leadingNeighbor, trailingNeighbor };
}

/** Statements that end with their own `;`: nothing after it can make them longer. */
const ENDED_BY_SEMICOLON = new Set([
  'ExpressionStatement',
  'VariableDeclaration',
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ExportAllDeclaration',
  'TSTypeAliasDeclaration',
  'TSImportEqualsDeclaration',
  'TSExportAssignment',
]);

/** Declarations whose closing `}` ends the statement, whatever follows. */
const ENDED_BY_BODY = new Set(['FunctionDeclaration', 'ClassDeclaration']);

/**
 * Whether text after a statement could still be part of it, so that a
 * statement typed after it must be parsed together with it: a statement ended
 * by automatic semicolon insertion continues into a `(` or `[` on the next
 * line, an `if` into an `else`, a body-less TypeScript function signature into
 * a body. Only the shapes above are known closed; a `for` or `while` may end
 * with an `if` that takes an `else` even after its `;`.
 */
function mayContinue(statement: Located | undefined, text: string): boolean {
  if (statement === undefined) return false;
  const declaration = (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : undefined) as Located | null | undefined;
  if (declaration && ENDED_BY_BODY.has(declaration.type) && declaration.body) return false;
  if (ENDED_BY_BODY.has(statement.type) && statement.body) return false;
  return !(ENDED_BY_SEMICOLON.has(statement.type) && text.charCodeAt(statement.range[1] - 1) === 0x3b /* ; */);
}

/** How many leading items of a list sorted by position satisfy a monotone test (binary search). */
function countWhile<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(items[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Tokens (or comments) of the old file before and after the region. */
function outside(old: Located[], start: number, oldEnd: number): { before: Located[]; after: Located[] } {
  return {
    before: old.slice(0, countWhile(old, (t) => t.range[1] <= start)),
    after: old.slice(countWhile(old, (t) => t.range[0] < oldEnd)),
  };
}

function sameRange(node: Located | undefined, start: number, end: number): boolean {
  return node !== undefined && node.range[0] === start && node.range[1] === end;
}

/**
 * Whether a script's directive prologue makes the whole file strict code
 * (`'use strict';` at the top of a CommonJS module). A region parsed without
 * it would accept what the full parse rejects (`static` as a name, `with`).
 */
function startsStrict(ast: ProgramNode): boolean {
  for (const statement of ast.body) {
    if (!('directive' in statement)) return false;
    if (statement.directive === 'use strict') return true;
  }
  return false;
}

/** The parser options with strict mode on from the start (espree's `impliedStrict`; TypeScript's parser reports no strict-mode errors). */
function strictOptions(options: Record<string, unknown>): Record<string, unknown> {
  const ecmaFeatures = typeof options.ecmaFeatures === 'object' && options.ecmaFeatures !== null ? options.ecmaFeatures : {};
  return { ...options, ecmaFeatures: { ...ecmaFeatures, impliedStrict: true } };
}

/** A string-literal expression statement: a directive or not depending on what precedes it. */
function mayBeDirective(statement: Located): boolean {
  if (statement.type !== 'ExpressionStatement') return false;
  const expression = statement.expression as Located | undefined;
  return 'directive' in statement || (expression?.type === 'Literal' && typeof expression.value === 'string');
}

/**
 * The options, as a key: parses are only combined under the same options.
 * With type information (a TypeScript program) nothing is reused: the program
 * holds the full parse.
 */
function reusableOptionsKey(options: Record<string, unknown>): string | undefined {
  if (options.project || options.projectService || options.programs) return undefined;
  try {
    const { filePath: _filePath, ...rest } = options;
    return JSON.stringify(rest);
  } catch {
    return undefined;
  }
}
