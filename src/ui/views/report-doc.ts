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

/**
 * The head of a printed report (the html renderer's; the others ignore it):
 * who issues it, its number and date, and who signs it. Already in the reader's
 * language; an empty name is a blank line to sign by hand.
 */
export interface DocLetterhead {
  /** The issuing organisation, broadest first: the Welfare Organization, the province's, the county's, the office. */
  issuer: string[];
  /** Label and value: the report number, the date of preparation. */
  fields: { label: string; value: string }[];
  /** "Prepared by", "Approved by": the name from the staff register, or '' for a blank line. */
  signers: { label: string; name: string }[];
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
  /** Ids of the tables that hold the essential figures: the printed report puts them on its first page. */
  keyTables?: string[];
  letterhead?: DocLetterhead;
}
