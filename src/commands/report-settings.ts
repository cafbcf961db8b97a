/** `parvande report settings`: who prepares and who approves the printed report, and the prefix of its number. */
import type { Command } from 'commander';
import { Runtime } from '../runtime.js';
import { fmt } from './shared.js';

export interface ReportSettingsOptions {
  preparedBy?: string | false;
  approvedBy?: string | false;
  numberPrefix?: string | false;
}

export async function runReportSettings(opts: ReportSettingsOptions, cmd: Command): Promise<void> {
  const rt = Runtime.of(cmd);
  const { parseReportSettingsInput, readReportSettings, writeReportSettings } = await import('../domain/reports/letterhead.js');
  const input = parseReportSettingsInput(opts);
  const change = input.preparedBy !== undefined || input.approvedBy !== undefined || input.numberPrefix !== undefined;
  const settings = change ? rt.write((ctx) => writeReportSettings(ctx, input)) : rt.read((ctx) => readReportSettings(ctx));
  const { reportSettingsCard } = await import('../ui/views/report-letterhead.js');
  rt.out.result(settings, () => reportSettingsCard(settings, fmt(rt)));
}
