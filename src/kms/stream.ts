import { Transform, type TransformCallback } from 'node:stream';
import { KeywardenError } from './errors';
import { FRAME_HEAD_BYTES, NeedMoreBytes, TAG_BYTES, parseHeader, type SealedHeader } from './format';
import { openFrame, wipeMessageKeys, type MessageKeys } from './message-crypto';
import { readFrame, type FrameSealer } from './sealed';
import { wipe } from './wipe';

/** A stream destroyed by its user before its end: not an error of the data. */
export class StreamAborted extends Error {
  constructor() {
    super('stream destroyed before its end');
  }
}

/** What a stream reports when it ends: plaintext bytes, and the error if it failed. */
export type StreamDone = (error: unknown, bytes: number) => void;

/**
 * encryptStream(): plaintext in, one sealed message out (header, then frames
 * of `frameSize` bytes, then a final frame). The data key is requested when
 * the first byte arrives (or at end, for an empty stream).
 */
export class SealingStream extends Transform {
  private sealer: FrameSealer | undefined;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private bytes = 0;
  private finished = false;

  constructor(
    private readonly start: () => Promise<FrameSealer>,
    private readonly done: StreamDone,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.run(async () => {
      const sealer = await this.started();
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      // Keep up to one frame back: it may turn out to be the final one.
      while (this.buffered > sealer.frameSize) this.push(this.seal(sealer, sealer.frameSize, false));
    }, callback);
  }

  override _flush(callback: TransformCallback): void {
    this.run(async () => {
      const sealer = await this.started();
      this.push(this.seal(sealer, this.buffered, true));
      sealer.dispose();
      this.finished = true;
      this.done(undefined, this.bytes);
    }, callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.sealer?.dispose();
    if (!this.finished) this.done(error ?? new StreamAborted(), this.bytes);
    this.finished = true;
    callback(error);
  }

  private async started(): Promise<FrameSealer> {
    if (!this.sealer) {
      const sealer = await this.start();
      if (this.destroyed) {
        sealer.dispose(); // destroyed while the data key was on its way
        throw new StreamAborted();
      }
      this.sealer = sealer;
      this.push(sealer.header);
    }
    return this.sealer;
  }

  private seal(sealer: FrameSealer, length: number, final: boolean): Buffer {
    const all = Buffer.concat(this.chunks, this.buffered);
    const plaintext = all.subarray(0, length);
    const rest = all.subarray(length);
    this.chunks = rest.length > 0 ? [Buffer.from(rest)] : [];
    this.buffered = rest.length;
    try {
      return sealer.frame(plaintext, final);
    } finally {
      wipe(all); // our copy of the plaintext
    }
  }

  private run(work: () => Promise<void>, callback: TransformCallback): void {
    work().then(
      () => callback(),
      (error: unknown) => callback(error as Error),
    );
  }
}

export interface OpenedHeader {
  keys: MessageKeys;
}

/**
 * decryptStream(): sealed bytes in, plaintext out, one authenticated frame at
 * a time. Each frame is released only after its own tag verified; a stream
 * that ends before the final frame, or carries bytes after it, errors with
 * TAMPERED. Until 'end', treat the output as incomplete.
 */
export class OpeningStream extends Transform {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private needed = 1;
  private state: 'header' | 'frames' | 'done' = 'header';
  private header: SealedHeader | undefined;
  private aad: Buffer | undefined;
  private keys: MessageKeys | undefined;
  private index = 0;
  private bytes = 0;
  private finished = false;

  constructor(
    private readonly openHeader: (header: SealedHeader, headerBytes: Buffer) => Promise<MessageKeys>,
    private readonly maxFrameBytes: number,
    private readonly done: StreamDone,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    this.drain().then(
      () => callback(),
      (error: unknown) => callback(error as Error),
    );
  }

  override _flush(callback: TransformCallback): void {
    this.drain().then(
      () => {
        if (this.state !== 'done') {
          const error =
            this.state === 'header' && this.buffered === 0 && this.index === 0 && !this.header
              ? new KeywardenError('UNSUPPORTED_FORMAT', 'empty input is not a keywarden sealed blob')
              : new KeywardenError('TAMPERED', 'sealed stream is truncated (no final frame)');
          callback(error);
          return;
        }
        this.finish(undefined);
        callback();
      },
      (error: unknown) => callback(error as Error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    wipeMessageKeys(this.keys);
    this.keys = undefined;
    this.finish(error ?? new StreamAborted());
    callback(error);
  }

  private finish(error: unknown): void {
    if (this.finished) return;
    this.finished = true;
    wipeMessageKeys(this.keys);
    this.done(error, this.bytes);
  }

  private flat(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0];
  }

  private consume(n: number): void {
    const rest = this.flat().subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.state === 'done') {
        if (this.buffered > 0) throw new KeywardenError('TAMPERED', 'bytes after the final frame');
        return;
      }
      if (this.buffered < this.needed) return;
      if (this.state === 'header') {
        let header: SealedHeader;
        try {
          header = parseHeader(this.flat());
        } catch (error) {
          if (!(error instanceof NeedMoreBytes)) throw error;
          this.needed = error.needed;
          continue;
        }
        if (header.frameSize > this.maxFrameBytes) {
          throw new KeywardenError('UNSUPPORTED_FORMAT', `frame size ${header.frameSize} exceeds maxFrameBytes ${this.maxFrameBytes}`);
        }
        this.header = header;
        const headerBytes = Buffer.from(this.flat().subarray(0, header.length));
        this.aad = headerBytes.subarray(0, header.aadLength);
        this.keys = await this.openHeader(header, headerBytes);
        this.consume(header.length);
        this.state = 'frames';
        this.needed = FRAME_HEAD_BYTES;
        continue;
      }
      const header = this.header as SealedHeader;
      const data = this.flat();
      const frame = readFrame(data, 0, header.frameSize);
      if (!frame) {
        this.needed = FRAME_HEAD_BYTES + data.readUInt32BE(1) + TAG_BYTES;
        continue;
      }
      const keys = this.keys as MessageKeys;
      if (this.index > 0xffffffff) throw new KeywardenError('TAMPERED', 'too many frames');
      const plaintext = openFrame(keys.key, this.aad as Buffer, this.index++, frame.final, frame.ciphertext, frame.tag);
      this.bytes += plaintext.length;
      this.consume(frame.end);
      this.needed = FRAME_HEAD_BYTES;
      if (frame.final) {
        this.state = 'done';
        wipeMessageKeys(keys);
      }
      if (plaintext.length > 0) this.push(plaintext);
    }
  }
}
