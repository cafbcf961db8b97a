// The benchmark's figures: the machine they came from, a Markdown table, the block of docs/performance.md.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

export function machine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${process.platform}/${process.arch})`,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
}

const n = (x) => (typeof x === 'number' ? x.toLocaleString('en-US') : String(x));
const mark = (ok) => (ok === true ? 'yes' : ok === false ? '**no**' : '');

/** The figures as one Markdown table (what docs/performance.md shows). */
export function markdown(results) {
  const m = results.machine;
  const lines = [
    `Measured ${m.date.slice(0, 10)} on ${m.cpu} (${m.cores} cores, ${m.memoryGb} GB), ${m.os}, Node ${m.node};`,
    `median of ${results.runs} runs, each beside \`node -e 0\` in the same run (${results.mode} sizes).`,
    '',
  ];
  const d = results.data;
  if (d.office) {
    lines.push(
      `Data: demo office of ${d.office.years} years at scale ${d.office.scale} (${n(d.office.counts.services)} services, ${n(d.office.counts.cases)} cases; built by \`parvande demo\` in ${d.office.buildSeconds} s), and one of ${n(d.casesFile.counts.cases)} cases.`,
      '',
    );
  }
  lines.push('| Measure | Time | `node -e 0` | Ratio | Target | Met |', '|---|---:|---:|---:|---:|:---:|');
  for (const t of results.timings) {
    if (t.skipped) lines.push(`| ${t.name} | skipped: ${t.skipped} | | | | |`);
    else if (t.failed)
      lines.push(
        `| ${t.name} | failed: ${t.failed.replace(/\|/g, '/').slice(0, 120)} | | | ${t.target === null ? '' : `≤ ${t.target}×`} | ${mark(t.ok)} |`,
      );
    else
      lines.push(
        `| ${t.name} | ${t.medianMs} ms | ${t.baselineMs} ms | ${t.ratio}× | ${t.target === null ? '' : `≤ ${t.target}×`} | ${mark(t.ok)} |`,
      );
  }
  const q = results.queryPlans;
  if (q?.failed) lines.push(`| Report query plans | failed: ${q.failed.replace(/\|/g, '/').slice(0, 120)} | | | | |`);
  if (q?.plans)
    lines.push(
      `| Report queries scanning all of services | ${q.servicesScans} of ${q.plans.length} | | | 0 | ${mark(q.servicesScans === 0)} |`,
    );
  const im = results.import;
  if (im?.skipped) lines.push(`| Import clients | skipped: ${im.skipped} | | | | |`);
  else if (im?.failed) lines.push(`| Import clients | failed: ${im.failed.replace(/\|/g, '/').slice(0, 120)} | | | | **no** |`);
  else if (im) {
    lines.push(`| Import ${n(im.rows)} clients (CSV) | ${im.parvande.seconds} s, ${n(im.parvande.rowsPerSecond)} rows/s | | | | |`);
    if (im.sqlite3.skipped) lines.push(`| … vs sqlite3 \`.import\` | skipped: ${im.sqlite3.skipped} | | | | |`);
    else
      lines.push(
        `| … vs sqlite3 \`.import\` (${n(im.sqlite3.rowsPerSecond)} rows/s) | | | ${im.ratioToSqlite3}× | ≥ 0.33× | ${mark(im.ratioToSqlite3Ok)} |`,
      );
    if (im.schemaCeiling) {
      lines.push(
        `| … ceiling: sqlite3 shell filling parvande's clients table (${n(im.schemaCeiling.rowsPerSecond)} rows/s) | ${im.schemaCeiling.seconds} s | | ${im.schemaCeiling.ratioToSqlite3}× | | |`,
      );
    }
    if (im.sqliteUtils.skipped) lines.push(`| … vs sqlite-utils \`insert --csv\` | skipped: ${im.sqliteUtils.skipped} | | | | |`);
    else
      lines.push(
        `| … vs sqlite-utils \`insert --csv\` (${n(im.sqliteUtils.rowsPerSecond)} rows/s) | | | ${im.ratioToSqliteUtils}× | ≥ 3× | ${mark(im.ratioToSqliteUtilsOk)} |`,
      );
    const b = im.bigImport;
    lines.push(`| Import ${n(b.rows)} clients: peak memory | ${b.peakMb} MB (${b.seconds} s) | | | < ${b.targetMb} MB | ${mark(b.ok)} |`);
  }
  return lines.join('\n');
}

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

/** Replaces what is between the bench markers of docs/performance.md with `block`. */
export function updateReadme(path, block) {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`${path} has no ${README_START} … ${README_END} block`);
  writeFileSync(path, `${text.slice(0, start + README_START.length)}\n${block}\n${text.slice(end)}`);
}
