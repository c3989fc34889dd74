/**
 * A one-line progress bar on stderr for long runs. Silent when stderr is not a TTY
 * (pipes, CI, tests) or with --quiet, so it never mixes into captured output.
 */
export class Progress {
  private readonly enabled: boolean;
  private last = -1;

  constructor(private readonly label: string, private readonly total: number, quiet = false) {
    this.enabled = !quiet && process.stderr.isTTY === true;
  }

  update(done: number): void {
    if (!this.enabled) return;
    const share = Math.min(1, done / this.total);
    const percent = Math.floor(share * 100);
    if (percent === this.last) return;
    this.last = percent;
    const width = 30;
    const filled = Math.round(share * width);
    process.stderr.write(`\r${this.label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${percent}%`);
  }

  done(): void {
    if (this.enabled) process.stderr.write("\r\x1b[K");
  }
}
