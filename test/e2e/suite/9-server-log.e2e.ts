import * as assert from 'node:assert/strict';
import { activateKeywarden } from './helpers';

describe('server log', () => {
  it('holds no errors after the whole suite ran', async () => {
    const api = await activateKeywarden();
    const log = api.getServerLog();
    const errors = log.filter((line) => /^\[error\]|\b(Unhandled|TypeError|ReferenceError|RangeError)\b|^\s+at .+\(.+:\d+:\d+\)$/.test(line));
    assert.deepEqual(errors, [], `server log:\n${log.join('\n')}`);
  });
});
