/**
 * Debug aid: prints every modelled crypto call the analysis finds in a file.
 * Usage: npx tsx scripts/dump-api-calls.ts path/to/file.ts
 */
import * as fs from 'node:fs';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { getApiCalls } from '../src/analysis/api-calls';

const file = process.argv[2];
const code = fs.readFileSync(file, 'utf8');
const dump = {
  create(context: any) {
    return {
      'Program:exit'() {
        for (const call of getApiCalls(context.sourceCode)) {
          const line = call.node.loc.start.line;
          const args = call.args.map((a) => `${a.role}=${context.sourceCode.getText(a.node).slice(0, 40)}`).join(' ');
          console.log(`${line}: ${call.library.id} ${call.api.path.join('.')} [${call.api.operation}] ${args}`);
        }
      },
    };
  },
};
const config: any = [
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'],
    languageOptions: { parser: tsParser, sourceType: 'module' },
    plugins: { debug: { rules: { dump } } },
    rules: { 'debug/dump': 'error' },
  },
];
const messages = new Linter({ configType: 'flat' }).verify(code, config, { filename: 'input' + require('node:path').extname(file) });
for (const m of messages) if (m.fatal) console.error(`parse error ${m.line}:${m.column} ${m.message}`);
