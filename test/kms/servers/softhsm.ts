/**
 * A throwaway SoftHSM2 for tests: its own config and token directory in a
 * temp folder (SOFTHSM2_CONF), tokens initialised with softhsm2-util. SoftHSM
 * reads its token directory at C_Initialize, so create every token before the
 * first provider opens the module (and close providers to finalize it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

export class SoftHsm {
  readonly dir = mkdtempSync(join(tmpdir(), 'keywarden-softhsm-'));
  readonly conf = join(this.dir, 'softhsm2.conf');
  private readonly savedConf = process.env.SOFTHSM2_CONF;

  constructor() {
    if (!existsSync(SOFTHSM_MODULE)) {
      throw new Error(`SoftHSM2 is not installed (${SOFTHSM_MODULE} missing): run .ci/setup.d/20-softhsm.sh`);
    }
    mkdirSync(join(this.dir, 'tokens'));
    writeFileSync(this.conf, `directories.tokendir = ${join(this.dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
    process.env.SOFTHSM2_CONF = this.conf;
  }

  initToken(label: string, pin: string, soPin = 'so-pin-1234'): void {
    execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', soPin], {
      env: { ...process.env, SOFTHSM2_CONF: this.conf },
      stdio: 'pipe',
    });
  }

  dispose(): void {
    if (this.savedConf === undefined) delete process.env.SOFTHSM2_CONF;
    else process.env.SOFTHSM2_CONF = this.savedConf;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
