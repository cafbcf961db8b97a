/**
 * A progress bar for long imports: rows, rate and time left, on stderr, only
 * when stderr is a terminal (never in scripts, cron or pipes). cli-progress is
 * loaded only then.
 */
import { tr } from '../messages/catalogue.js';
import type { Lang } from './labels.js';

export interface Progress {
  update(rows: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/** cli-progress fills the other `{…}` of the format itself; `{eta_formatted}` goes in as a parameter (its name is not a catalogue placeholder). */
const ETA = '{eta_formatted}';

export async function startProgress(label: string, total: number | null, lang: Lang = 'en'): Promise<Progress> {
  if (process.stderr.isTTY !== true) return silent;
  const cliProgress = (await import('cli-progress')).default;
  const known = total !== null && total > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: known
        ? tr(lang, '{label} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | {eta} left', { label, eta: ETA })
        : tr(lang, '{label} {value} rows | {rate} rows/s', { label }),
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(known ? (total as number) : 0, 0, { rate: 0 });
  return {
    update(rows) {
      const seconds = (Date.now() - started) / 1000;
      if (!known) bar.setTotal(rows);
      bar.update(rows, { rate: seconds > 0 ? Math.round(rows / seconds) : 0 });
    },
    stop() {
      bar.stop();
    },
  };
}
