/**
 * Debounces lint runs per document: each change restarts the document's
 * timer, so a burst of keystrokes produces one lint. Stale runs are dropped by
 * the caller comparing document versions before publishing.
 */
export class DocumentScheduler {
  /** Cancels the pending run of each document. */
  private readonly pending = new Map<string, () => void>();

  constructor(
    private readonly delayMs: number,
    private readonly run: (uri: string) => void,
  ) {}

  schedule(uri: string, delayMs = this.delayMs): void {
    this.cancel(uri);
    const fire = () => {
      this.pending.delete(uri);
      this.run(uri);
    };
    if (delayMs > 0) {
      const timer = setTimeout(fire, delayMs);
      this.pending.set(uri, () => clearTimeout(timer));
    } else {
      // No delay means the next turn of the event loop (Node stretches a 0 ms timeout to 1 ms).
      const immediate = setImmediate(fire);
      this.pending.set(uri, () => clearImmediate(immediate));
    }
  }

  cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }

  dispose(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}
