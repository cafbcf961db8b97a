/**
 * The shape of a report document: titled tables, bar charts and lists, already
 * in the reader's language. report-document.ts lays a report out in it; the
 * terminal, csv, xlsx and html renderers each draw it.
 */
import type { BarItem } from '../charts.js';

export interface DocRow {
  /** Stable code of the row (csv keeps it), e.g. `services.byType.hotline-call`. */
  code: string;
  label: string;
  values: (number | null)[];
}

export interface DocTable {
  id: string;
  title: string;
  /** First entry heads the label column. */
  head: string[];
  rows: DocRow[];
}

export interface DocList {
  id: string;
  title: string;
  head: string[];
  rows: string[][];
  /** How many more exist than are listed. */
  more: number;
}

export interface DocChart {
  id: string;
  title: string;
  items: BarItem[];
}

export interface ReportDoc {
  rtl: boolean;
  title: string;
  office: string;
  period: string;
  asOf: string;
  tables: DocTable[];
  charts: DocChart[];
  lists: DocList[];
}
