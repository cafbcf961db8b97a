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
    `median of ${results.runs} runs, each beside \`node -e 0\` in the same run (${results.mode} sizes); CPU is user + system time.`,
    '',
  ];
  const d = results.data;
  if (d.office) {
    lines.push(
      `Data: demo office of ${d.office.years} years at scale ${d.office.scale} (${n(d.office.counts.services)} services, ${n(d.office.counts.cases)} cases; built by \`parvande demo\` in ${d.office.buildSeconds} s), and one of ${n(d.casesFile.counts.cases)} cases.`,
      '',
    );
  }
  lines.push('| Measure | Time | `node -e 0` | Ratio | CPU | CPU ratio | Target | Met |', '|---|---:|---:|---:|---:|---:|---:|:---:|');
  const row = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  const x = (r) => (r === null || r === undefined ? '' : `${r}×`);
  const cut = (why) => why.replace(/\|/g, '/').slice(0, 120);
  for (const t of results.timings) {
    const target = t.target === null || t.target === undefined ? '' : `≤ ${t.target}×`;
    if (t.skipped) row([t.name, `skipped: ${t.skipped}`, '', '', '', '', '', '']);
    else if (t.failed) row([t.name, `failed: ${cut(t.failed)}`, '', '', '', '', target, mark(t.ok)]);
    else row([t.name, `${t.medianMs} ms`, `${t.baselineMs} ms`, x(t.ratio), `${t.cpuMs} ms`, x(t.cpuRatio), target, mark(t.ok)]);
  }
  const enc = results.encryption;
  if (enc)
    row([
      'report monthly: encrypted file over plain file (same office)',
      '',
      '',
      x(enc.monthlyEncryptedToPlain),
      '',
      x(enc.monthlyCpuEncryptedToPlain),
      '',
      '',
    ]);
  const q = results.queryPlans;
  if (q?.failed) row(['Report query plans', `failed: ${cut(q.failed)}`, '', '', '', '', '', '']);
  if (q?.plans)
    row([
      'Report queries scanning all of services',
      `${q.servicesScans} of ${q.plans.length}`,
      '',
      '',
      '',
      '',
      '0',
      mark(q.servicesScans === 0),
    ]);
  const im = results.import;
  if (im?.skipped) row(['Import clients', `skipped: ${im.skipped}`, '', '', '', '', '', '']);
  else if (im?.failed) row(['Import clients', `failed: ${cut(im.failed)}`, '', '', '', '', '', '**no**']);
  else if (im) {
    const took = (c) => `${c.seconds} s, ${n(c.rowsPerSecond)} rows/s`;
    const cpu = (c) => (c.cpuSeconds === null ? '' : `${c.cpuSeconds} s`);
    row([`Import ${n(im.rows)} clients (CSV): parvande`, took(im.parvande), '', '', cpu(im.parvande), '', '', '']);
    if (!im.schemaCeiling.skipped) {
      row([
        "… ceiling: the sqlite3 shell filling parvande's clients table; parvande's rate over it",
        took(im.schemaCeiling),
        '',
        x(im.toCeiling.wall),
        cpu(im.schemaCeiling),
        x(im.toCeiling.cpu),
        '≥ 0.6×',
        mark(im.toCeilingOk),
      ]);
    }
    row([
      "… floor in Node.js: clean rows, one better-sqlite3 INSERT each; parvande's rate over it",
      took(im.nodeFloor),
      '',
      x(im.toFloor.wall),
      cpu(im.nodeFloor),
      x(im.toFloor.cpu),
      '',
      '',
    ]);
    if (!im.sqliteUtils.skipped) {
      row([
        "… sqlite-utils `insert --csv` (no index, nothing checked); parvande's rate over it",
        took(im.sqliteUtils),
        '',
        x(im.toSqliteUtils.wall),
        cpu(im.sqliteUtils),
        x(im.toSqliteUtils.cpu),
        '≥ 2× (CPU)',
        mark(im.toSqliteUtilsOk),
      ]);
    }
    if (im.parvandeEncrypted !== undefined && im.encryptedToPlain !== undefined) {
      row([
        '… parvande into an encrypted office (init --encrypt); its time over the plain import',
        took(im.parvandeEncrypted),
        '',
        x(im.encryptedToPlain.wall),
        cpu(im.parvandeEncrypted),
        x(im.encryptedToPlain.cpu),
        '',
        '',
      ]);
    }
    if (!im.sqlite3.skipped)
      row(["… the sqlite3 shell's plain `.import` (text, no index)", took(im.sqlite3), '', '', cpu(im.sqlite3), '', '', '']);
    const b = im.bigImport;
    row([`Import ${n(b.rows)} clients: time`, `${b.seconds} s, ${n(b.rowsPerSecond)} rows/s`, '', '', '', '', '< 15 s', mark(b.secondsOk)]);
    row([`Import ${n(b.rows)} clients: peak memory`, `${b.peakMb} MB`, '', '', '', '', `< ${b.targetMb} MB`, mark(b.memoryOk)]);
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
