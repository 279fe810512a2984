/**
 * The address frame (adresbestand): parsing and checking a coordinator's CSV
 * of addresses. Pure: bytes in, rows or a list of line errors out.
 *
 * Accepted as Dutch spreadsheets write it: UTF-8 with or without BOM (or, when
 * the bytes are not UTF-8, Windows-1252 as older Excel saves "CSV"), comma or
 * semicolon separated, Dutch or English column names in any order, and the
 * column names of a municipal BAG extract (openbareruimtenaam, huisletter,
 * huisnummertoevoeging, buurtnaam or buurtcode as CBS writes them). Columns
 * the frame does not use (woonplaatsnaam, a BAG id, anything else) are ignored
 * and named, so the coordinator sees what was left out. A file with any bad
 * line is rejected whole, with every problem of every line (up to
 * `maxErrorsReported`); the caller stores nothing (product.md step 2).
 */
import { parse } from 'csv-parse/sync';
import type { LineError } from './errors.js';

export interface AddressRow {
  /** Line number in the file (the header is line 1). */
  line: number;
  street: string;
  houseNumber: number;
  addition: string;
  postcode: string;
  neighbourhood: string;
}

export type FrameParseResult =
  /** `ignoredColumns`: the file's columns the frame does not use, by their names in the file. */
  | { ok: true; rows: AddressRow[]; ignoredColumns: string[] }
  | { ok: false; errors: LineError[] };

type Column = 'street' | 'houseNumber' | 'letter' | 'addition' | 'postcode' | 'neighbourhood' | 'neighbourhoodCode';

/** Column names as coordinators and municipal (BAG, CBS) extracts write them, normalised to lower case without spaces, dashes or underscores. */
const columnNames: Record<string, Column> = {
  straat: 'street', straatnaam: 'street', street: 'street', streetname: 'street', openbareruimtenaam: 'street', openbareruimte: 'street',
  huisnummer: 'houseNumber', nummer: 'houseNumber', housenumber: 'houseNumber', number: 'houseNumber',
  huisletter: 'letter', letter: 'letter',
  toevoeging: 'addition', huisnummertoevoeging: 'addition', addition: 'addition',
  postcode: 'postcode', postalcode: 'postcode', zipcode: 'postcode',
  buurt: 'neighbourhood', buurtnaam: 'neighbourhood', neighbourhood: 'neighbourhood', neighborhood: 'neighbourhood',
  buurtcode: 'neighbourhoodCode', bucode: 'neighbourhoodCode', neighbourhoodcode: 'neighbourhoodCode',
};
const requiredColumns: Column[] = ['street', 'houseNumber', 'postcode'];
/** The header each column has in the file format (surveys/README.md describes the format). */
export const canonicalHeaders: Record<Column, string> = {
  street: 'straat', houseNumber: 'huisnummer', letter: 'huisletter', addition: 'toevoeging', postcode: 'postcode', neighbourhood: 'buurt', neighbourhoodCode: 'buurtcode',
};

/** The columns of the downloadable template, in the order a coordinator fills them in. */
export const frameTemplateHeader = ['straat', 'huisnummer', 'huisletter', 'toevoeging', 'postcode', 'buurt'] as const;

/** Dutch postcodes: four digits not starting with 0, two letters, never SA, SD or SS. */
const postcodePattern = /^([1-9][0-9]{3})\s?([A-Z]{2})$/;
const excludedPostcodeLetters = new Set(['SA', 'SD', 'SS']);
/** A number of up to five digits, then an addition: letters right after it ("12A"), or after a separator ("12-2", "12 bis"); never more digits ("100000" is not 10000 with addition 0). */
const houseNumberPattern = /^(\d{1,5})(?:\s*[-/ ]\s*([A-Z0-9]{1,4})|\s*([A-Z][A-Z0-9]{0,3}))?$/i;
const maxErrorsReported = 500;
/** An address line is under 200 characters; a much longer one is not an address file. */
const maxLineCharacters = 4096;

export function normalisePostcode(raw: string): string | undefined {
  const match = postcodePattern.exec(raw.trim().toUpperCase());
  if (!match || excludedPostcodeLetters.has(match[2]!)) return undefined;
  return `${match[1]}${match[2]}`;
}

/** Decodes the uploaded bytes; undefined when they are not text at all. */
export function decodeCsvBytes(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function detectDelimiter(headerLine: string): ';' | ',' {
  const count = (char: string) => headerLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const normaliseHeader = (name: string) => name.trim().toLowerCase().replace(/[\s_\-.]/g, '');

/**
 * Parses and checks the file record by record: no record is kept once read, a
 * line longer than `maxLineCharacters` stops the parse at that line, and so do
 * `maxErrorsReported` bad lines. So a file of any shape costs time and memory
 * in proportion to what is kept (the good rows), never to what is wrong.
 */
export function parseAddressFrame(bytes: Uint8Array): FrameParseResult {
  const text = decodeCsvBytes(bytes);
  if (text === undefined) return { ok: false, errors: [{ line: 1, reason: 'notCsv' }] };
  const content = text.replace(/^\uFEFF/, '');
  const start = content.slice(0, maxLineCharacters + 1);
  const headerLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (headerLine.length > maxLineCharacters) return { ok: false, errors: [{ line: 1, reason: 'lineTooLong', value: String(maxLineCharacters) }] };
  if (headerLine.trim() === '') return { ok: false, errors: [{ line: 1, reason: 'emptyFile' }] };

  const reader = new FrameReader();
  try {
    parse(content, {
      delimiter: detectDelimiter(headerLine), skip_empty_lines: true, relax_column_count: true, trim: true,
      max_record_size: maxLineCharacters,
      // Each record is checked as it is read and then dropped (null): the parser keeps nothing.
      on_record: (record: string[], context: { lines: number }) => { reader.read(record, context.lines); return null; },
    });
  } catch (error) {
    if (error !== stop) {
      const { lines = 1, code } = error as { lines?: number; code?: string };
      const reason = code === 'CSV_MAX_RECORD_SIZE' ? 'lineTooLong' : 'malformedCsv';
      reader.errors.push({ line: lines, reason, ...(reason === 'lineTooLong' ? { value: String(maxLineCharacters) } : {}) });
    }
  }
  return reader.result();
}

/**
 * The same checks on a table already read into cells: a spreadsheet's first
 * sheet (services/address-frame-xlsx.ts), each row with its row number as the
 * line a coordinator sees in Excel. Empty rows are skipped, as in a CSV.
 */
export function parseAddressTable(rows: Iterable<{ line: number; cells: string[] }>): FrameParseResult {
  const reader = new FrameReader();
  try {
    for (const { line, cells } of rows) {
      const trimmed = cells.map((cell) => cell.trim());
      if (trimmed.every((cell) => cell === '')) continue;
      if (trimmed.some((cell) => cell.length > maxLineCharacters)) {
        reader.errors.push({ line, reason: 'lineTooLong', value: String(maxLineCharacters) });
        break;
      }
      reader.read(trimmed, line);
    }
  } catch (error) {
    if (error !== stop) throw error;
  }
  return reader.result();
}

/** Reads a file's records one by one, the first as its header; keeps the good rows and every problem (up to `maxErrorsReported`). */
class FrameReader {
  readonly rows: AddressRow[] = [];
  readonly errors: LineError[] = [];
  private readonly seen = new Map<string, number>();
  private columns: (Column | undefined)[] | undefined;
  private ignoredColumns: string[] = [];

  read(record: string[], line: number): void {
    if (!this.columns) {
      this.errors.push(...checkHeader(record));
      if (this.errors.length > 0) throw stop;
      const columns = record.map((name) => columnNames[normaliseHeader(name)]);
      this.columns = columns;
      this.ignoredColumns = record.filter((_, index) => columns[index] === undefined);
      return;
    }
    const result = readRow(record, this.columns, line);
    if (Array.isArray(result)) {
      this.errors.push(...result);
    } else {
      const duplicateOf = [streetKey(result), postcodeKey(result)].map((key) => this.seen.get(key)).find((at) => at !== undefined);
      if (duplicateOf !== undefined) {
        this.errors.push({ line, reason: 'duplicateAddress', value: String(duplicateOf) });
      } else {
        this.seen.set(streetKey(result), line);
        this.seen.set(postcodeKey(result), line);
        this.rows.push(result);
      }
    }
    if (this.errors.length >= maxErrorsReported) throw stop;
  }

  result(): FrameParseResult {
    if (this.errors.length > 0) return { ok: false, errors: this.errors };
    if (!this.columns) return { ok: false, errors: [{ line: 1, reason: 'emptyFile' }] };
    if (this.rows.length === 0) return { ok: false, errors: [{ line: 2, reason: 'noAddresses' }] };
    return { ok: true, rows: this.rows, ignoredColumns: this.ignoredColumns };
  }
}

/** Thrown from inside the parser to end it early; never leaves this module. */
const stop = new Error('enough read');

/** Two keys that each identify one dwelling: street + number + addition, and postcode + number + addition. */
export const streetKey = (row: Pick<AddressRow, 'neighbourhood' | 'street' | 'houseNumber' | 'addition'>) =>
  `s|${row.neighbourhood.toLowerCase()}|${row.street.toLowerCase()}|${row.houseNumber}|${row.addition.toLowerCase()}`;
export const postcodeKey = (row: Pick<AddressRow, 'postcode' | 'houseNumber' | 'addition'>) =>
  `p|${row.postcode}|${row.houseNumber}|${row.addition.toLowerCase()}`;

function checkHeader(header: string[]): LineError[] {
  const known = header.map((name) => columnNames[normaliseHeader(name)]);
  // One column and none of ours: not a CSV in our sense (another separator, or not a table at all).
  if (known.every((column) => column === undefined) && header.length <= 1) return [{ line: 1, reason: 'notCsv' }];
  const errors: LineError[] = [];
  const present = new Set(known);
  for (const column of requiredColumns) {
    if (!present.has(column)) errors.push({ line: 1, reason: 'missingColumn', value: canonicalHeaders[column] });
  }
  if (!present.has('neighbourhood') && !present.has('neighbourhoodCode')) errors.push({ line: 1, reason: 'missingColumn', value: canonicalHeaders.neighbourhood });
  const duplicates = known.filter((column, index) => column !== undefined && known.indexOf(column) !== index);
  for (const column of new Set(duplicates)) {
    const names = header.filter((_, index) => known[index] === column);
    errors.push({ line: 1, reason: 'duplicateColumn', value: names.join("', '") });
  }
  return errors;
}

/** The row's address, or every problem it has (not only the first). */
function readRow(record: string[], columns: readonly (Column | undefined)[], line: number): AddressRow | LineError[] {
  if (record.length !== columns.length) return [{ line, reason: 'wrongColumnCount', value: String(record.length) }];
  const field = (column: Column) => record[columns.indexOf(column)] ?? '';
  const errors: LineError[] = [];
  const street = field('street');
  // The neighbourhood by its name; from a CBS extract without names, by its code ("BU03630001").
  const neighbourhood = field('neighbourhood') || field('neighbourhoodCode');
  if (street === '') errors.push({ line, reason: 'missingStreet' });
  else if (street.length > 120) errors.push({ line, reason: 'streetTooLong' });
  if (neighbourhood === '') errors.push({ line, reason: 'missingNeighbourhood' });
  else if (neighbourhood.length > 120) errors.push({ line, reason: 'neighbourhoodTooLong' });

  const rawNumber = field('houseNumber');
  const numberMatch = rawNumber === '' ? null : houseNumberPattern.exec(rawNumber);
  let addition = '';
  if (rawNumber === '') errors.push({ line, reason: 'missingHouseNumber' });
  else if (!numberMatch || Number(numberMatch[1]) < 1) errors.push({ line, reason: 'invalidHouseNumber', value: rawNumber });
  else {
    const additionInNumber = numberMatch[2] ?? numberMatch[3] ?? '';
    // As the BAG writes them together: the letter right after the number, the addition after a dash ("12A-2").
    const letter = field('letter');
    const additionColumn = field('addition');
    const fromColumns = `${letter}${letter && additionColumn ? '-' : ''}${additionColumn}`;
    if (additionInNumber !== '' && fromColumns !== '') errors.push({ line, reason: 'twoAdditions', value: rawNumber });
    addition = (fromColumns || additionInNumber).toUpperCase();
    if (letter !== '' && !/^[A-Z]$/i.test(letter)) errors.push({ line, reason: 'invalidLetter', value: letter });
    if (addition.length > 10) errors.push({ line, reason: 'additionTooLong', value: addition });
  }

  const rawPostcode = field('postcode');
  const postcode = rawPostcode === '' ? undefined : normalisePostcode(rawPostcode);
  if (rawPostcode === '') errors.push({ line, reason: 'missingPostcode' });
  else if (!postcode) errors.push({ line, reason: 'invalidPostcode', value: rawPostcode });

  if (errors.length > 0 || !numberMatch || !postcode) return errors;
  return { line, street, houseNumber: Number(numberMatch[1]), addition, postcode, neighbourhood };
}
