/**
 * The report's file formats. Where the bytes go (a file written owner-only and
 * whole, or stdout) is src/files/output-file.ts's and the command's business.
 */
import type { Fmt } from '../format.js';
import type { ReportDoc } from '../views/report-doc.js';
import { renderReportTerminal } from '../views/report-terminal.js';
import type { ReportFormat } from './format-name.js';

export async function renderReport(doc: ReportDoc, format: ReportFormat, fmt: Fmt): Promise<Buffer> {
  switch (format) {
    case 'csv':
      return (await import('./csv.js')).renderReportCsv(doc, fmt.lang);
    case 'xlsx':
      return (await import('./xlsx.js')).renderReportXlsx(doc, fmt.lang);
    case 'html':
      return (await import('./html.js')).renderReportHtml(doc, fmt);
    default:
      return Buffer.from(renderReportTerminal(doc, fmt), 'utf8');
  }
}
