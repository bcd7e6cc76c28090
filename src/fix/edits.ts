/**
 * The edit machinery every fix shares: a fix is a pure function from source
 * and analysis to `TextEdit`s; rules turn them into ESLint suggestions with
 * `toFix`, the editor and tests apply them with `applyEdits`. Defined next to
 * the envelope rewrite, which came first; re-exported here so the other fixes
 * do not depend on the envelope module's layout.
 */
export { applyEdits, toFix, type TextEdit } from './envelope';
