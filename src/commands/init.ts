import { Command } from 'commander';
import { initOffice, parseOfficeCode, validateOfficeInput } from '../domain/office.js';
import { Runtime } from '../runtime.js';
import { renderCard } from '../ui/table.js';
import { fmt, withExamples } from './shared.js';

interface InitOpts {
  officeCode?: string;
  officeName?: string;
  county?: string;
  province?: string;
}

export function initCommand(): Command {
  return withExamples(
    new Command('init')
      .description('create the database (owner-only) and set the office; run again to change the name, county or province')
      .option('--office-code <code>', 'short Latin code that prefixes every case number, e.g. KRJ01')
      .option('--office-name <name>', 'office name, e.g. "اورژانس اجتماعی کرج"')
      .option('--county <name>', 'county (شهرستان)')
      .option('--province <name>', 'province (استان)'),
    'parvande init --office-code KRJ01 --office-name "اورژانس اجتماعی کرج" --county کرج --province البرز',
    'parvande --db D:\\office\\parvande.db init --office-code KRJ01 --office-name "Karaj office"',
  ).action(async (opts: InitOpts, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'officeCode', option: 'office-code', message: 'Office code (Latin letters and digits, e.g. KRJ01)' },
        { key: 'officeName', option: 'office-name', message: 'Office name (نام اداره)' },
        { key: 'county', option: 'county', message: 'County (شهرستان)', optional: true },
        { key: 'province', option: 'province', message: 'Province (استان)', optional: true },
      ],
      { flags: { officeCode: (v) => parseOfficeCode(v) } },
    );
    validateOfficeInput(o);
    const { office, created } = rt.write((ctx) => initOffice(ctx, o), { create: true });
    const f = fmt(rt);
    rt.out.note(created ? `created office ${office.code} in ${rt.dbPath.path}` : `updated office ${office.code}`);
    rt.out.result({ ...office, dbPath: rt.dbPath.path, created }, () =>
      renderCard(
        [
          [f.w('code'), office.code],
          [f.w('office'), office.name],
          [f.w('county'), office.county ?? ''],
          [f.w('province'), office.province ?? ''],
          [f.w('path'), rt.dbPath.path],
        ],
        { rtl: f.rtl },
      ),
    );
  });
}
