/**
 * The one CSV writer of the product: every CSV it hands out (respondents,
 * codebook, aggregate tables, published tables) is written here, UTF-8 with
 * BOM and CRLF, as a small file in one go (csvText) or streamed (writeCsv);
 * and the same file in the dialect of Dutch Excel (semicolon, decimal comma),
 * which opens with its figures as numbers.
 *
 * Every text cell that a spreadsheet would run as a formula (=, +, -, @, tab
 * or carriage return at the start) gets a leading apostrophe: a street or
 * unit name from an uploaded file must not become a formula ("=HYPERLINK(…)")
 * on the computer of whoever opens the file. Numbers stay numbers.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify';
import { stringify as stringifyNow } from 'csv-stringify/sync';

const csvOptions = { bom: true, record_delimiter: 'windows' } as const;
type Cell = string | number | null;

/** A plain decimal number as a comma CSV writes it ("0.25", "-1.5", "12"). */
const plainNumber = /^-?\d+(?:\.\d+)?$/;
const formulaStart = /^[=+\-@\t\r]/;

/** Text a spreadsheet would read as a formula, made plain text by an apostrophe in front; a number written as text is left alone. */
export function spreadsheetSafe(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

const safeRow = (row: readonly Cell[]): Cell[] => row.map((cell) => (typeof cell === 'string' ? spreadsheetSafe(cell) : cell));

export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): Promise<string> {
  return new Promise((resolve, reject) => {
    stringify([safeRow(header), ...rows.map(safeRow)], { ...csvOptions, delimiter: ',' }, (error, output) => (error ? reject(error) : resolve(output)));
  });
}

/**
 * Writes the rows through the CSV stringifier into `out`, reading the next
 * row only when `out` has room; a download the client breaks off ends the
 * reading too.
 */
export async function writeCsv(out: Writable, delimiter: ',' | ';', header: readonly string[], rows: AsyncIterable<readonly Cell[]>): Promise<void> {
  const lines = async function* () {
    yield safeRow(header);
    for await (const row of rows) yield safeRow(row);
  };
  await pipeline(Readable.from(lines()), stringify({ ...csvOptions, delimiter }), out);
}

/** A stored comma CSV as handed out again: with every cell made spreadsheet-safe (files stored before this rule have unguarded names). */
export function safeCommaCsv(commaCsv: string): string {
  const rows = parse(commaCsv, { bom: true, relax_column_count: true }) as string[][];
  return stringifyNow(rows.map(safeRow), { ...csvOptions, delimiter: ',' });
}

/**
 * A comma CSV (as csvText writes it) in the Dutch Excel dialect: semicolons
 * between fields and a decimal comma in numbers, still UTF-8 with BOM, so
 * that Excel set to Dutch reads every figure as a number.
 */
export function toDutchExcelCsv(commaCsv: string): string {
  const rows = parse(commaCsv, { bom: true, relax_column_count: true }) as string[][];
  const converted = rows.map((row) => row.map((cell) => (plainNumber.test(cell) ? cell.replace('.', ',') : spreadsheetSafe(cell))));
  return stringifyNow(converted, { ...csvOptions, delimiter: ';' });
}
