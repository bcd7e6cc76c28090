import type { Diagnostic, Hover, Position } from 'vscode-languageserver';
import type { KeywardenDiagnosticData } from '../shared/protocol';
import { explainRule } from './rule-docs';

/**
 * Hover on a finding: what is wrong (the message), why it matters (the rule
 * doc's "Why" section, else its description), how to fix it (the rule's fix
 * and suggestions, else the doc), and a link to the rule's documentation.
 */
export function hoverFor(diagnostics: readonly Diagnostic[], position: Position): Hover | null {
  const hits = diagnostics.filter((d) => typeof d.code === 'string' && contains(d.range, position));
  if (hits.length === 0) return null;
  const sections = hits.map((diagnostic) => {
    const ruleId = String(diagnostic.code);
    const explanation = explainRule(ruleId);
    const data = diagnostic.data as KeywardenDiagnosticData | undefined;
    const fixes = [
      ...(data?.fix ? ['an automatic fix is available ("Fix all safe keywarden issues")'] : []),
      ...(data?.suggestions ?? []).map((s) => s.desc),
    ];
    const lines = [`**${escape(diagnostic.message)}** (\`${ruleId}\`)`, ''];
    lines.push(`**Why it matters:** ${explanation?.why ?? explanation?.description ?? 'see the rule documentation.'}`, '');
    lines.push(
      fixes.length
        ? `**Fix:** ${fixes.length === 1 ? escape(fixes[0]) : `\n${fixes.map((f) => `- ${escape(f)}`).join('\n')}`}`
        : `**Fix:** ${escape(explanation?.description ?? 'see the rule documentation.')}`,
    );
    if (explanation?.url) lines.push('', `[Rule documentation: ${ruleId}](${explanation.url})`);
    return lines.join('\n');
  });
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: hits[0].range };
}

function contains(range: Diagnostic['range'], position: Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

/** Messages quote code; keep them from being read as markdown. */
function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
