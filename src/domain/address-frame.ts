/**
 * The address frame (adresbestand): parsing and checking a coordinator's CSV
 * of addresses. Pure: bytes in, rows or a list of line errors out.
 *
 * Accepted as Dutch spreadsheets write it: UTF-8 with or without BOM (or, when
 * the bytes are not UTF-8, Windows-1252 as older Excel saves "CSV"), comma or
 * semicolon separated, Dutch or English column names in any order. A file with
 * any bad line is rejected whole; the caller stores nothing (product.md step 2).
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
  | { ok: true; rows: AddressRow[] }
  | { ok: false; errors: LineError[] };

type Column = 'street' | 'houseNumber' | 'addition' | 'postcode' | 'neighbourhood';

/** Column names as coordinators write them, normalised to lower case without spaces, dashes or underscores. */
const columnNames: Record<string, Column> = {
  straat: 'street', straatnaam: 'street', street: 'street', streetname: 'street',
  huisnummer: 'houseNumber', nummer: 'houseNumber', housenumber: 'houseNumber', number: 'houseNumber',
  toevoeging: 'addition', huisnummertoevoeging: 'addition', huisletter: 'addition', addition: 'addition',
  postcode: 'postcode', postalcode: 'postcode', zipcode: 'postcode',
  buurt: 'neighbourhood', buurtnaam: 'neighbourhood', neighbourhood: 'neighbourhood', neighborhood: 'neighbourhood',
};
const requiredColumns: Column[] = ['street', 'houseNumber', 'postcode', 'neighbourhood'];
/** The header each column has in the file format (surveys/README.md describes the format). */
export const canonicalHeaders: Record<Column, string> = {
  street: 'straat', houseNumber: 'huisnummer', addition: 'toevoeging', postcode: 'postcode', neighbourhood: 'buurt',
};

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

  const rows: AddressRow[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  let columns: Column[] | undefined;
  const readRecord = (record: string[], line: number) => {
    if (!columns) {
      errors.push(...checkHeader(record));
      if (errors.length > 0) throw stop;
      columns = record.map((name) => columnNames[normaliseHeader(name)]!);
      return;
    }
    const result = readRow(record, columns, line);
    if ('reason' in result) {
      errors.push(result);
    } else {
      const duplicateOf = [streetKey(result), postcodeKey(result)].map((key) => seen.get(key)).find((at) => at !== undefined);
      if (duplicateOf !== undefined) {
        errors.push({ line, reason: 'duplicateAddress', value: String(duplicateOf) });
      } else {
        seen.set(streetKey(result), line);
        seen.set(postcodeKey(result), line);
        rows.push(result);
      }
    }
    if (errors.length >= maxErrorsReported) throw stop;
  };

  try {
    parse(content, {
      delimiter: detectDelimiter(headerLine), skip_empty_lines: true, relax_column_count: true, trim: true,
      max_record_size: maxLineCharacters,
      // Each record is checked as it is read and then dropped (null): the parser keeps nothing.
      on_record: (record: string[], context: { lines: number }) => { readRecord(record, context.lines); return null; },
    });
  } catch (error) {
    if (error !== stop) {
      const { lines = 1, code } = error as { lines?: number; code?: string };
      const reason = code === 'CSV_MAX_RECORD_SIZE' ? 'lineTooLong' : 'malformedCsv';
      errors.push({ line: lines, reason, ...(reason === 'lineTooLong' ? { value: String(maxLineCharacters) } : {}) });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (!columns) return { ok: false, errors: [{ line: 1, reason: 'emptyFile' }] };
  if (rows.length === 0) return { ok: false, errors: [{ line: 2, reason: 'noAddresses' }] };
  return { ok: true, rows };
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
  if (header.length === 1 && known[0] === undefined) return [{ line: 1, reason: 'notCsv' }];
  const errors: LineError[] = [];
  header.forEach((name, index) => {
    if (known[index] === undefined) errors.push({ line: 1, reason: 'unknownColumn', value: name });
  });
  const present = new Set(known);
  for (const column of requiredColumns) {
    if (!present.has(column)) errors.push({ line: 1, reason: 'missingColumn', value: canonicalHeaders[column] });
  }
  const duplicates = known.filter((column, index) => column !== undefined && known.indexOf(column) !== index);
  for (const column of new Set(duplicates)) errors.push({ line: 1, reason: 'duplicateColumn', value: canonicalHeaders[column!] });
  return errors;
}

function readRow(record: string[], columns: Column[], line: number): AddressRow | LineError {
  if (record.length !== columns.length) return { line, reason: 'wrongColumnCount', value: String(record.length) };
  const field = (column: Column) => record[columns.indexOf(column)] ?? '';
  const street = field('street');
  const neighbourhood = field('neighbourhood');
  if (street === '') return { line, reason: 'missingStreet' };
  if (street.length > 120) return { line, reason: 'streetTooLong' };
  if (neighbourhood === '') return { line, reason: 'missingNeighbourhood' };
  if (neighbourhood.length > 120) return { line, reason: 'neighbourhoodTooLong' };

  const rawNumber = field('houseNumber');
  if (rawNumber === '') return { line, reason: 'missingHouseNumber' };
  const numberMatch = houseNumberPattern.exec(rawNumber);
  if (!numberMatch || Number(numberMatch[1]) < 1) return { line, reason: 'invalidHouseNumber', value: rawNumber };
  const additionInNumber = numberMatch[2] ?? numberMatch[3] ?? '';
  const additionColumn = columns.includes('addition') ? field('addition') : '';
  if (additionInNumber !== '' && additionColumn !== '') return { line, reason: 'twoAdditions', value: rawNumber };
  const addition = (additionColumn || additionInNumber).toUpperCase();
  if (addition.length > 10) return { line, reason: 'additionTooLong', value: addition };

  const rawPostcode = field('postcode');
  if (rawPostcode === '') return { line, reason: 'missingPostcode' };
  const postcode = normalisePostcode(rawPostcode);
  if (!postcode) return { line, reason: 'invalidPostcode', value: rawPostcode };

  return { line, street, houseNumber: Number(numberMatch[1]), addition, postcode, neighbourhood };
}
