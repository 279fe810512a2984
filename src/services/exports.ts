/**
 * Exports for coordinators: every respondent of a study with a random key,
 * street, neighbourhood and every rating, never an address; as CSV (comma,
 * or semicolon for Dutch Excel; UTF-8 with BOM), as XLSX with the codebook
 * as second sheet, with an SPSS syntax file and a codebook of its own. All
 * of them stream page by page, so a study of 100,000 respondents is written
 * without holding it in memory. Aggregate tables (disclosure control
 * applied) are what readers get. Every export is written to the audit log.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { User } from '../domain/account.js';
import type { Instrument } from '../domain/instrument.js';
import type { Study } from '../domain/study.js';
import { aggregateRows } from '../exports/aggregate-tables.js';
import { exportVariables, respondentRow, type ExportVariable } from '../exports/codebook.js';
import { writeCsv } from '../exports/csv.js';
import { spssSyntax } from '../exports/spss-syntax.js';
import { fill, type ExportWording } from '../exports/wording.js';
import type { InstrumentRegistry } from '../instruments/load-instruments.js';
import { recordAudit } from '../storage/audit-log.js';
import type { Queryable } from '../storage/db.js';
import { longestNames, respondentPages } from '../storage/exports.js';
import { analyseStoredStudy } from './analysis.js';

export const respondentFormats = ['csv', 'csv-semicolon', 'xlsx', 'sps', 'codebook'] as const;
export type RespondentFormat = (typeof respondentFormats)[number];

export const exportFileTypes: Record<RespondentFormat | 'tables', { extension: string; contentType: string }> = {
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  'csv-semicolon': { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  xlsx: { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  sps: { extension: 'sps', contentType: 'text/plain; charset=utf-8' },
  codebook: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  tables: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
};

/** The file name a download gets, e.g. "buurtladder-3-contactladder-respondenten.csv". */
export function exportFileName(studyId: number, what: string, format: RespondentFormat | 'tables', wording: ExportWording): string {
  const kind = format === 'codebook' ? wording.files.codebook : format === 'tables' ? wording.files.tables
    : format === 'csv-semicolon' ? wording.files.respondentsSemicolon : wording.files.respondents;
  return `buurtladder-${studyId}-${what}-${kind}.${exportFileTypes[format].extension}`;
}

async function* rowsOf(db: Queryable, study: Study, instrument: Instrument, variables: readonly ExportVariable[]) {
  for await (const page of respondentPages(db, study.id, instrument.id)) {
    for (const respondent of page) yield respondentRow(variables, respondent);
  }
}

function codebookRows(variables: readonly ExportVariable[], instrument: Instrument, wording: ExportWording): string[][] {
  return variables.map((variable) => [
    variable.name, variable.label, variable.type === 'text' ? wording.codebook.text : wording.codebook.code,
    variable.values.map((value) => `${value.code} = ${value.label}`).join('; '),
    variable.specialCategory ? wording.codebook.specialCategory : '',
    fill(wording.codebook.instrument, { id: instrument.id, version: instrument.version }),
  ]);
}

async function writeXlsx(out: Writable, header: readonly string[], rows: AsyncIterable<readonly (string | number | null)[]>, codebook: string[][], wording: ExportWording): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const data = workbook.addWorksheet(wording.sheets.data);
  data.addRow([...header]).commit();
  for await (const row of rows) data.addRow([...row]).commit();
  data.commit();
  const sheet = workbook.addWorksheet(wording.sheets.codebook);
  for (const row of [wording.codebook.header, ...codebook]) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}

export async function writeRespondentExport(db: Queryable, wording: ExportWording, actor: User, study: Study, instrument: Instrument, format: RespondentFormat, out: Writable): Promise<void> {
  const variables = exportVariables(instrument, wording);
  const header = variables.map((variable) => variable.name);
  await recordAudit(db, { actor, action: 'export.downloaded', studyId: study.id, subject: `${instrument.id} ${format}` });
  switch (format) {
    case 'csv': case 'csv-semicolon':
      return writeCsv(out, format === 'csv' ? ',' : ';', header, rowsOf(db, study, instrument, variables));
    case 'xlsx':
      return writeXlsx(out, header, rowsOf(db, study, instrument, variables), codebookRows(variables, instrument, wording), wording);
    case 'codebook':
      return writeCsv(out, ',', wording.codebook.header, (async function* () { yield* codebookRows(variables, instrument, wording); })());
    case 'sps': {
      const longest = await longestNames(db, study.id);
      out.end(spssSyntax(variables, {
        csvFile: exportFileName(study.id, instrument.id, 'csv', wording), howTo: wording.spss.howTo,
        title: fill(wording.spss.title, { study: study.name, instrument: instrument.title.nl, version: instrument.version }),
        // One byte more for the apostrophe spreadsheetSafe may put in front.
        textWidths: new Map([
          [wording.variables.respondent.name, 32], [wording.variables.neighbourhood.name, longest.neighbourhood + 1], [wording.variables.street.name, longest.street + 1],
        ]),
      }));
      await finished(out);
    }
  }
}

/** The study's aggregate tables from the current data, disclosure control applied. */
export async function writeAggregateTables(db: Queryable, instruments: InstrumentRegistry, wording: ExportWording, actor: User, study: Study, out: Writable): Promise<void> {
  const analysis = await analyseStoredStudy(db, instruments, study);
  const instrument = instruments.get(analysis.result.instrument.id, analysis.result.instrument.version)!;
  await recordAudit(db, { actor, action: 'export.downloaded', studyId: study.id, subject: 'tables' });
  await writeCsv(out, ',', wording.tables.columns, (async function* () { yield* aggregateRows(analysis.result, instrument, wording); })());
}
