import { SourceCode } from 'eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Records where nodes sit in ESLint's code-path graph, so a rule can ask after
 * the traversal: "from this point, does every way out of the function pass
 * through one of these nodes?" — including the exceptions ESLint does not
 * model on its own (any call can throw; ESLint only forks the first throwable
 * node of a `try` block to its handler).
 *
 * Usage: spread `recorder.listeners` into the rule's listeners; call
 * `recorder.pathsAvoiding(...)` in `Program:exit`. One recorder per file
 * (created in the rule's `create`), so no state outlives the file.
 *
 * ESLint analyses the code paths of the whole file on every lint, which is a
 * good part of a lint's cost while only the functions that hold key bytes are
 * ever asked about. A source code that says so (CODE_PATHS_ON_DEMAND: the
 * language server's) traverses without them; the recorder then listens to
 * nothing and, when first asked about a node, has ESLint analyse the top-level
 * statement that holds it, on its own, with the same code-path analyser.
 */

type Segment = TSESLint.CodePathSegment;

/** Set (true) on a SourceCode whose traversal carries no code-path events: the recorder analyses on demand. */
export const CODE_PATHS_ON_DEMAND: unique symbol = Symbol.for('keywarden.codePathsOnDemand');

/** A position in the graph: the segments current at that moment, and a sequence number for order inside a segment. */
export interface PathPoint {
  segments: readonly Segment[];
  seq: number;
}

/** Why a path from the start escapes without meeting a `stop` node. */
export interface EscapingPath {
  /** `exit`: falls off / returns / throws explicitly; `exception`: an implicit throw at `node`; `again`: reaches the start again (overwritten in a loop). */
  kind: 'exit' | 'exception' | 'again';
  node?: TSESTree.Node;
}

const THROWING_TYPES = new Set(['CallExpression', 'NewExpression', 'AwaitExpression', 'YieldExpression', 'TaggedTemplateExpression']);

type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** What ESLint's traversal hands over: a node entered or left (kind 1), or a code-path event (kind 2). */
interface TraversalStep {
  kind: number;
  target: unknown;
  phase?: number;
  args?: unknown[];
}

export class CodePathRecorder {
  private readonly stack: Set<Segment>[] = [];
  private seq = 0;
  /** Every recorded node, by segment, in traversal order. (Segments, not their ids: ids repeat across on-demand analyses.) */
  private readonly bySegment = new Map<Segment, { seq: number; node: TSESTree.Node }[]>();
  private readonly points = new WeakMap<TSESTree.Node, PathPoint>();
  /** The node recorded at each point (the reverse of `points`). */
  private readonly nodesAt = new WeakMap<PathPoint, TSESTree.Node>();
  /** Where a function's body starts (for its parameters). */
  private readonly starts = new WeakMap<TSESTree.Node, PathPoint>();
  /** Where each `catch` clause / `finally` block starts. */
  private readonly handlerStarts = new WeakMap<TSESTree.Node, PathPoint>();
  /** The final segments of each function's code path that leave it by a throw. */
  private readonly thrownFinals = new Set<Segment>();
  /** On demand: the top-level statements analysed so far. */
  private readonly analysed = new WeakSet<TSESTree.Node>();
  private readonly onDemand: boolean;

  readonly listeners: TSESLint.RuleListener;

  constructor(sourceCode?: object) {
    this.onDemand = (sourceCode as { readonly [CODE_PATHS_ON_DEMAND]?: boolean } | undefined)?.[CODE_PATHS_ON_DEMAND] === true;
    this.listeners = this.onDemand ? {} : this.eslintListeners();
  }

  private readonly codePathEvents: Record<string, (...args: never[]) => void> = {
    onCodePathStart: (_codePath: unknown, node: TSESTree.Node) => {
      this.stack.push(new Set());
      this.pendingStart = node;
    },
    onCodePathEnd: (codePath: { thrownSegments: readonly Segment[] }) => {
      for (const segment of codePath.thrownSegments) this.thrownFinals.add(segment);
      this.stack.pop();
    },
    onCodePathSegmentStart: (segment: Segment) => {
      this.top()?.add(segment);
      if (this.pendingStart) {
        this.starts.set(this.pendingStart, this.here());
        this.pendingStart = undefined;
      }
    },
    onCodePathSegmentEnd: (segment: Segment) => {
      this.top()?.delete(segment);
    },
    onUnreachableCodePathSegmentStart: (segment: Segment) => {
      this.top()?.add(segment);
    },
    onUnreachableCodePathSegmentEnd: (segment: Segment) => {
      this.top()?.delete(segment);
    },
  };

  /**
   * What is recorded, as ESLint listeners. `visit` below must do the same
   * (the on-demand analysis walks the steps itself); a server test compares
   * the two over the corpus.
   */
  private eslintListeners(): TSESLint.RuleListener {
    const record = (node: TSESTree.Node) => this.record(node);
    return {
      ...this.codePathEvents,
      'CallExpression, NewExpression, AwaitExpression, YieldExpression, TaggedTemplateExpression': record,
      // Branches a rule may declare covered (`if (!key) return;`: nothing to wipe there).
      'IfStatement > .consequent': record,
      // The whole `if`, before its test: `if (key) key.fill(0)` covers both of its branches.
      IfStatement: record,
      'CatchClause, TryStatement > BlockStatement.finalizer': (node: TSESTree.Node) => this.recordHandlerStart(node),
      // A loop over the elements of a list of keys (`for (const k of keys) k.fill(0)`) may be a wipe of all of them.
      ForOfStatement: record,
      // Jumps out of a `try` run its `finally` first, which ESLint's graph does not show for `break`/`continue`.
      'BreakStatement, ContinueStatement': record,
      // Explicit throws: the only way a path that did not throw can leave through a `finally` by a throw.
      ThrowStatement: record,
      // Definitions count once their initializer has run.
      'VariableDeclarator:exit': record,
      'AssignmentExpression:exit': record,
    } as unknown as TSESLint.RuleListener;
  }

  /**
   * The listeners above for one node, in ESLint's order (a node type's
   * selector before the more specific `IfStatement > .consequent`).
   */
  private visit(node: TSESTree.Node, leaving: boolean): void {
    if (leaving) {
      if (node.type === 'VariableDeclarator' || node.type === 'AssignmentExpression') this.record(node);
      return;
    }
    switch (node.type) {
      case 'CallExpression':
      case 'NewExpression':
      case 'AwaitExpression':
      case 'YieldExpression':
      case 'TaggedTemplateExpression':
      case 'IfStatement':
      case 'ForOfStatement':
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'ThrowStatement':
        this.record(node);
        break;
      case 'CatchClause':
        this.recordHandlerStart(node);
        break;
      case 'BlockStatement':
        if (node.parent?.type === 'TryStatement' && node.parent.finalizer === node) this.recordHandlerStart(node);
        break;
    }
    if (node.parent?.type === 'IfStatement' && node.parent.consequent === node) this.record(node);
  }

  /**
   * Analyses the code paths of the top-level statement holding `node`, alone
   * (its functions' graphs are their own, whatever surrounds the statement),
   * with ESLint's own traversal and code-path analyser on a Program of that
   * one statement.
   */
  private analyse(node: TSESTree.Node): void {
    let statement = node;
    while (statement.parent && statement.parent.type !== 'Program') statement = statement.parent;
    const program = statement.parent;
    if (this.analysed.has(statement)) return;
    if (!program) {
      // The Program's own code path (module-level code) spans every statement.
      if (statement.type === 'Program') this.analyseProgram(statement);
      return;
    }
    this.analysed.add(statement);
    const ast = { type: 'Program', sourceType: program.sourceType, body: [statement], range: statement.range, loc: statement.loc, tokens: [], comments: [] };
    try {
      this.replay(new SourceCode({ text: '', ast: ast as never }).traverse() as readonly TraversalStep[]);
    } finally {
      // ESLint's traversal set the statement's parent to the one-statement Program.
      (statement as { parent: TSESTree.Node }).parent = program;
    }
  }

  private analyseProgram(program: TSESTree.Program): void {
    this.analysed.add(program);
    for (const statement of program.body) this.analysed.add(statement);
    this.replay(new SourceCode({ text: '', ast: { ...program, tokens: [], comments: [] } as never }).traverse() as readonly TraversalStep[]);
    // ESLint's traversal set the statements' parent to the copy.
    for (const statement of program.body) (statement as { parent: TSESTree.Node }).parent = program;
  }

  /** Records what ESLint's traversal steps show, as the listeners would have during ESLint's own traversal. */
  private replay(steps: readonly TraversalStep[]): void {
    for (const step of steps) {
      if (step.kind === 2) this.codePathEvents[step.target as string]?.(...((step.args ?? []) as never[]));
      else if (step.phase === 1 || step.phase === 2) this.visit(step.target as TSESTree.Node, step.phase === 2);
    }
  }

  private pendingStart: TSESTree.Node | undefined;

  private top(): Set<Segment> | undefined {
    return this.stack[this.stack.length - 1];
  }

  private here(): PathPoint {
    return { segments: [...(this.top() ?? [])], seq: this.seq++ };
  }

  private record(node: TSESTree.Node): void {
    const point = this.here();
    this.points.set(node, point);
    this.nodesAt.set(point, node);
    for (const segment of point.segments) {
      let list = this.bySegment.get(segment);
      if (!list) this.bySegment.set(segment, (list = []));
      list.push({ seq: point.seq, node });
    }
  }

  private recordHandlerStart(node: TSESTree.Node): void {
    this.handlerStarts.set(node, this.here());
  }

  /** Where `node` (a call, `await`, declarator or assignment) was; the start of a function's body for a function node. */
  pointOf(node: TSESTree.Node): PathPoint | undefined {
    if (this.onDemand) this.analyse(node);
    return this.points.get(node) ?? this.starts.get(node);
  }

  /**
   * Follows every path from `start` until it meets a node in `stops`. Returns
   * the first path that leaves the function without meeting one, or undefined
   * when all paths are covered. With `implicitThrows`, any call/await can
   * throw (ESLint only models explicit `throw`s and try blocks); `mayThrow`
   * narrows that to the calls/awaits it accepts (e.g. the uses of a key); from offset
   * `throwsFrom` on (e.g. from the first use of a key: a failure before the
   * key is used at all is not what a wipe-in-finally is about); `restart` is
   * the start node, met again when a loop overwrites the value.
   */
  pathAvoiding(
    start: PathPoint,
    stops: ReadonlySet<TSESTree.Node>,
    fn: FunctionLike | TSESTree.Program,
    options: { restart?: TSESTree.Node; throwsFrom?: number; implicitThrows?: boolean; mayThrow?: (node: TSESTree.Node) => boolean } = {},
  ): EscapingPath | undefined {
    const { restart, throwsFrom = -1, implicitThrows = false, mayThrow } = options;
    if (this.onDemand) this.analyse(fn);
    const visited = new Map<Segment, Set<string>>();
    // ESLint merges the normal and the exceptional entries of a `finally` block, so its end also leads to the
    // function's throw exit. For a start inside a `try` block with a `finally`, that exit is only real on a
    // path that threw: explicitly, or by an implicit throw this walk models.
    const throwExitNeedsThrow = insideTryWithFinally(this.nodesAt.get(start), fn);
    const queue: { segment: Segment; after: number; threw: boolean }[] = start.segments.map((segment) => ({ segment, after: start.seq, threw: false }));
    let budget = 5000; // a pathological graph must not stall the lint
    while (queue.length) {
      if (budget-- <= 0) return undefined;
      const { segment, after, threw: threwBefore } = queue.shift()!;
      let threw = threwBefore;
      const key = `${after}@${threw}`;
      let seen = visited.get(segment);
      if (!seen) visited.set(segment, (seen = new Set()));
      if (seen.has(key)) continue;
      seen.add(key);
      let stopped = false;
      for (const event of this.bySegment.get(segment) ?? []) {
        if (event.seq <= after) continue;
        if (stops.has(event.node)) {
          stopped = true;
          break;
        }
        if (restart && event.node === restart) return { kind: 'again', node: event.node };
        if (event.node.type === 'ThrowStatement') threw = true;
        if ((event.node.type === 'BreakStatement' || event.node.type === 'ContinueStatement') && finallyOnTheWayOutHolds(event.node, stops)) {
          stopped = true;
          break;
        }
        if (!implicitThrows || !THROWING_TYPES.has(event.node.type) || event.node.range[1] <= throwsFrom || enclosingFunction(event.node) !== fn) continue;
        if (mayThrow && !mayThrow(event.node)) continue;
        const handler = handlerFor(event.node, fn);
        if (!handler) return { kind: 'exception', node: event.node };
        const entry = this.handlerStarts.get(handler);
        if (entry) for (const s of entry.segments) queue.push({ segment: s, after: entry.seq, threw: true });
      }
      if (stopped) continue;
      if (segment.nextSegments.length === 0) {
        if (!segment.reachable) continue;
        if (throwExitNeedsThrow && !threw && this.thrownFinals.has(segment)) continue;
        return { kind: 'exit' };
      }
      for (const next of segment.nextSegments) queue.push({ segment: next, after: -1, threw });
    }
    return undefined;
  }
}

/**
 * A `break`/`continue` leaving a `try` (block or `catch`) runs its `finally` on the way to the loop or label
 * it targets: true when such a `finally` holds one of `stops`.
 */
function finallyOnTheWayOutHolds(jump: TSESTree.Node, stops: ReadonlySet<TSESTree.Node>): boolean {
  const target = jumpTarget(jump as TSESTree.BreakStatement | TSESTree.ContinueStatement);
  if (!target) return false;
  let child: TSESTree.Node = jump;
  for (let n = jump.parent; n && n !== target; child = n, n = n.parent) {
    if (n.type !== 'TryStatement' || !n.finalizer || child === n.finalizer) continue;
    const finalizer = n.finalizer;
    if ([...stops].some((stop) => finalizer.range[0] <= stop.range[0] && stop.range[1] <= finalizer.range[1])) return true;
  }
  return false;
}

/** The statement a `break`/`continue` leaves: its label's statement, or the nearest loop (or `switch`, for `break`). */
function jumpTarget(jump: TSESTree.BreakStatement | TSESTree.ContinueStatement): TSESTree.Node | undefined {
  for (let n = jump.parent; n; n = n.parent) {
    if (n.type.includes('Function') || n.type === 'Program') return undefined;
    if (jump.label) {
      if (n.type === 'LabeledStatement' && n.label.name === jump.label.name) return n;
      continue;
    }
    if (/^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(n.type)) return n;
    if (jump.type === 'BreakStatement' && n.type === 'SwitchStatement') return n;
  }
  return undefined;
}

/** Whether `node` (the start of a walk) sits in the block of a `try` with a `finally`, inside `fn`. */
function insideTryWithFinally(node: TSESTree.Node | undefined, fn: TSESTree.Node): boolean {
  let child: TSESTree.Node | undefined = node;
  for (let n = node?.parent; n && n !== fn; child = n, n = n.parent) {
    if (n.type === 'TryStatement' && n.finalizer && child === n.block) return true;
  }
  return false;
}

export function enclosingFunction(node: TSESTree.Node): FunctionLike | TSESTree.Program | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression' || n.type === 'Program') return n;
  }
  return undefined;
}

/**
 * Where an exception thrown at `node` goes inside `fn`: the `catch` clause of
 * the nearest `try` whose block holds it, or the `finally` block of the nearest
 * `try` whose block or handler holds it; undefined when it leaves the function.
 */
function handlerFor(node: TSESTree.Node, fn: TSESTree.Node): TSESTree.Node | undefined {
  let child: TSESTree.Node = node;
  for (let n = node.parent; n && n !== fn; child = n, n = n.parent) {
    if (n.type !== 'TryStatement') continue;
    if (child === n.block) return n.handler ?? n.finalizer ?? undefined;
    if (child === n.handler && n.finalizer) return n.finalizer;
  }
  return undefined;
}
