import { Linter } from 'eslint';
import type { CorpusFile, SkippedFile, SourceType } from './corpus-files';
import { prepareTool } from './measure';
import { baselineTool, DEFAULT_LANGUAGE, type LanguageLayer } from './tools';

export interface ParseCheckResult {
  files: CorpusFile[];
  unparseable: SkippedFile[];
  /** Files whose source type was switched because only the other one parses. */
  switched: number;
}

/**
 * Published packages do not always say what they are (ESM `.js` in a package with
 * no `"type"`, sloppy-mode CommonJS that is invalid as a module). Before measuring,
 * each file is parsed with the shared parser settings; a file that only parses as
 * the other source type is switched, one that parses as neither is set aside and
 * listed. Then every measured run lints the same, fully parseable, set of files.
 */
export function checkParses(files: CorpusFile[], corpusRoot: string, language: LanguageLayer = DEFAULT_LANGUAGE): ParseCheckResult {
  const linter = new Linter({ configType: 'flat', cwd: corpusRoot });
  const baseline = prepareTool(baselineTool, corpusRoot, language);
  const parseError = (file: CorpusFile, sourceType: SourceType): string | null => {
    const messages = linter.verify(file.text, baseline.configs[sourceType] as Linter.Config[], {
      filename: file.path,
      allowInlineConfig: false,
    });
    const fatal = messages.find((m) => m.fatal);
    return fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : null;
  };
  const result: ParseCheckResult = { files: [], unparseable: [], switched: 0 };
  for (const file of files) {
    const error = parseError(file, file.sourceType);
    if (!error) {
      result.files.push(file);
      continue;
    }
    const other: SourceType = file.sourceType === 'module' ? 'commonjs' : 'module';
    if (file.language === 'js' && !parseError(file, other)) {
      result.files.push({ ...file, sourceType: other });
      result.switched++;
    } else {
      result.unparseable.push({ path: file.path, pkg: file.pkg, bytes: file.bytes, reason: 'unparseable', detail: error });
    }
  }
  return result;
}
