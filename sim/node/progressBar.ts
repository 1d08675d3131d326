/** Progress on stderr: a redrawn bar on a terminal, one line per stage change otherwise (logs, CI). */
export function progressReporter(
  stream: NodeJS.WriteStream = process.stderr,
): (stage: string, done: number, total: number) => void {
  let lastStage = '';
  let lastDraw = 0;
  const started = performance.now();
  return (stage, done, total) => {
    const elapsed = ((performance.now() - started) / 1000).toFixed(1);
    if (!stream.isTTY) {
      if (stage !== lastStage) stream.write(`[${elapsed}s] ${stage}\n`);
      lastStage = stage;
      return;
    }
    const now = performance.now();
    if (stage === lastStage && done < total && now - lastDraw < 100) return;
    lastDraw = now;
    lastStage = stage;
    const width = 30;
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(frac * width);
    stream.write(
      `\r${stage.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${elapsed}s\x1b[K`,
    );
    if (done >= total) stream.write('\n');
  };
}
