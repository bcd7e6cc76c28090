import { SourceCode } from 'eslint';
import { CODE_PATHS_ON_DEMAND } from '../../analysis/code-paths';
import { LintScopedWeakMap, startLint } from '../../analysis/lint-scoped';

/**
 * The SourceCode the server lints documents with: ESLint's, with a cheaper
 * traversal.
 *
 * ESLint turns the tree into a list of steps before any rule runs: a step per
 * node entered and left, and the events of its code-path analysis, for every
 * node of the file. At 2,000 lines that took some 30 ms of a 140 ms lint, two
 * thirds of it the code-path analysis, which only keywarden's zeroization
 * rule reads, and only for the functions that hold key bytes. Here:
 *  - the steps carry no code-path events; the source code says so
 *    (CODE_PATHS_ON_DEMAND) and the rule's recorder has ESLint analyse the
 *    code paths of the statements it asks about (src/analysis/code-paths.ts);
 *  - the steps of a top-level statement are kept with it: the incremental
 *    parser hands the same statement objects to the next lint when an edit did
 *    not touch them, so only the edited statements are walked again.
 * The server enables keywarden's rules only, none of which listens to
 * code-path events other than through the recorder (a test checks that the
 * server's findings equal ESLint's over the corpus).
 */
export class ServerSourceCode extends SourceCode {
  get [CODE_PATHS_ON_DEMAND](): boolean {
    return true;
  }

  override traverse(): VisitStep[] {
    // ESLint walks the tree before it creates the rules: this is where a lint starts.
    startLint(this.ast);
    let steps = stepsOfFile.get(this);
    if (!steps) stepsOfFile.set(this, (steps = stepsOf(this.ast as unknown as Node, this.visitorKeys as VisitorKeys)));
    return steps;
  }
}

interface Node {
  type: string;
  parent?: Node | null;
  body?: Node[];
  [key: string]: unknown;
}
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** A node entered (phase 1) or left (phase 2): the fields of @eslint/plugin-kit's VisitNodeStep, which ESLint's traverser reads. */
class VisitStep {
  readonly type = 'visit';
  readonly kind = 1;
  readonly args: [Node];
  constructor(
    readonly target: Node,
    readonly phase: 1 | 2,
  ) {
    this.args = [target];
  }
}

/** SourceCode objects are frozen: their steps are kept here. */
const stepsOfFile = new LintScopedWeakMap<SourceCode, VisitStep[]>();
/**
 * The steps of each top-level statement of the file last walked. Each walk
 * makes a new map and takes over the old one's entries for the statements it
 * still has, so the steps of statements an edit replaced go with the old map.
 * (An old WeakMap would keep them, and through their `parent` links the whole
 * tree they came from, until V8's next full collection: see lint-scoped.ts.)
 * Switching to another document walks its statements again.
 */
let stepsOfStatement = new WeakMap<Node, VisitStep[]>();

function stepsOf(program: Node, visitorKeys: VisitorKeys): VisitStep[] {
  program.parent = null;
  const steps = [new VisitStep(program, 1)];
  const stepsBefore = stepsOfStatement;
  stepsOfStatement = new WeakMap();
  for (const statement of program.body ?? []) {
    // A kept statement's parent link was cut after its last lint (IncrementalParser.detachKeptStatements).
    statement.parent = program;
    let own = stepsBefore.get(statement);
    if (!own) {
      own = [];
      walk(statement, program, visitorKeys, own);
    }
    stepsOfStatement.set(statement, own);
    for (let i = 0; i < own.length; i++) steps.push(own[i]);
  }
  steps.push(new VisitStep(program, 2));
  return steps;
}

/** What ESLint's Traverser does: enter, the children by visitor keys (keys guessed as eslint-visitor-keys does for unknown types), leave. */
function walk(node: Node, parent: Node, visitorKeys: VisitorKeys, steps: VisitStep[]): void {
  node.parent = parent;
  steps.push(new VisitStep(node, 1));
  const keys = visitorKeys[node.type] ?? Object.keys(node).filter(isChildKey);
  for (const key of keys) {
    const child = node[key];
    if (Array.isArray(child)) {
      for (const element of child) if (isNode(element)) walk(element, node, visitorKeys, steps);
    } else if (isNode(child)) walk(child, node, visitorKeys, steps);
  }
  steps.push(new VisitStep(node, 2));
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && typeof (value as Node).type === 'string';
}

function isChildKey(key: string): boolean {
  return key !== 'parent' && key !== 'leadingComments' && key !== 'trailingComments' && key[0] !== '_';
}
