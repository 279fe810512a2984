/**
 * An SPSS syntax file that reads the comma-separated respondent export with
 * every variable label, value label and missing-value code of the codebook.
 * Buurtladder writes syntax instead of a .sav file: no well-kept Node
 * library writes .sav files with value labels, and syntax is plain text a
 * researcher can read and check.
 *
 * GET DATA /TYPE=TXT reads the UTF-8 text; string widths are the longest
 * value in bytes, numeric codes F2.0. The test runs the syntax in GNU PSPP
 * (Debian's pspp), which reads it as SPSS does.
 */
import { dontKnowCode, type ExportVariable } from './codebook.js';

const quote = (text: string) => `'${text.replace(/'/g, "''").replace(/\s+/g, ' ')}'`;

export interface SpssSyntaxOptions {
  /** The CSV file name the syntax reads, next to it. */
  csvFile: string;
  title: string;
  /** A comment line that says how to use the file. */
  howTo: string;
  /** Byte width of each text variable (the longest value seen), by variable name. */
  textWidths: ReadonlyMap<string, number>;
}

export function spssSyntax(variables: readonly ExportVariable[], options: SpssSyntaxOptions): string {
  const lines = [
    `* ${options.title.replace(/\s+/g, ' ')}.`,
    `* ${options.howTo.replace(/\s+/g, ' ')}`,
    `GET DATA /TYPE=TXT /FILE=${quote(options.csvFile)} /ENCODING='UTF8' /DELCASE=LINE /DELIMITERS="," /QUALIFIER='"'`,
    '  /ARRANGEMENT=DELIMITED /FIRSTCASE=2 /VARIABLES=',
    ...variables.map((variable) => `  ${variable.name} ${variable.type === 'text' ? `A${Math.max(1, options.textWidths.get(variable.name) ?? 1)}` : 'F2.0'}`),
    '.',
    'VARIABLE LABELS',
    ...variables.map((variable, index) => `  ${variable.name} ${quote(variable.label)}${index === variables.length - 1 ? '.' : ''}`),
  ];
  const coded = variables.filter((variable) => variable.type === 'code' && variable.values.length > 0);
  if (coded.length > 0) {
    lines.push('VALUE LABELS');
    coded.forEach((variable, index) => {
      lines.push(`  ${index === 0 ? '' : '/'}${variable.name}`, ...variable.values.map((value) => `    ${value.code} ${quote(value.label)}`));
    });
    lines.push('.');
    lines.push(`MISSING VALUES ${coded.map((variable) => variable.name).join(' ')} (${dontKnowCode}).`);
  }
  lines.push('EXECUTE.', '');
  return lines.join('\r\n');
}
