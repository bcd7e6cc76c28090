import * as path from 'node:path';
import { CORPUS_ROOT, corpusLinter, listCorpusFiles, parseErrorOf, parseMarkers, RULES } from './corpus-lib';
import { secretLiterals } from './secret-literals';
import * as fs from 'node:fs';
const linter = corpusLinter();
const files = listCorpusFiles();
let bad = 0;
const seen = new Map<string, string>();
for (const f of files) {
  const e = parseErrorOf(linter, path.join(CORPUS_ROOT, f), f);
  if (e) { console.log(e); bad++; }
  const src = fs.readFileSync(path.join(CORPUS_ROOT, f), 'utf8');
  for (const m of parseMarkers(src)) if (!(m.rule in RULES)) console.log('bad marker', f, m);
  for (const l of new Set(secretLiterals(src))) { if (seen.has(l)) console.log('dup', l.slice(0, 10), seen.get(l), f); else seen.set(l, f); }
}
console.log(files.length, 'files', bad, 'parse errors');
