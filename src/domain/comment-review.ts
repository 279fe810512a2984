/**
 * Residents' free-text comments before they may appear in a report
 * (product.md, Privacy: "free text is reviewed"). A comment can name a
 * neighbour, a house or a phone number; the coordinator sees such passages
 * highlighted and redacts them. This finds the candidates; the coordinator
 * decides. It errs on the side of flagging too much.
 *
 * Flagged: e-mail addresses; Dutch phone numbers (06…, 0xx…, +31…); postcodes;
 * house numbers (a street word or "nummer"/"nr" followed by a number); names
 * after a form of address (meneer, mevrouw, buurman, familie …); and any other
 * capitalised word inside a sentence, which in Dutch is mostly a name.
 */

export type PersonalDetailKind = 'email' | 'phone' | 'postcode' | 'houseNumber' | 'name';

export interface FlaggedSpan {
  start: number;
  end: number;
  kind: PersonalDetailKind;
}

const streetWord = String.raw`[A-Z][\p{L}'-]*(?:straat|laan|weg|plein|hof|kade|gracht|singel|dijk|park|pad|steeg|dreef|erf|wal)`;

/** Forms of address, at the start of a sentence or inside it ("Meneer", "meneer"). */
const formsOfAddress = ['meneer', 'mevrouw', 'mevr\\.', 'mw\\.', 'dhr\\.', 'de heer', 'buurman', 'buurvrouw', 'familie', 'fam\\.']
  .map((form) => `[${form[0]!.toUpperCase()}${form[0]}]${form.slice(1)}`).join('|');

const patterns: { kind: PersonalDetailKind; regex: RegExp }[] = [
  { kind: 'email', regex: /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu },
  { kind: 'phone', regex: /(?:\+31|0031|\b0)[\s-]?(?:\d[\s-]?){8}\d\b/gu },
  { kind: 'postcode', regex: /\b[1-9]\d{3}\s?[A-Z]{2}\b/gu },
  { kind: 'houseNumber', regex: new RegExp(String.raw`(?:${streetWord}|\b(?:nummer|nr\.?|huisnummer|no\.?))\s+\d{1,5}(?:\s?[a-zA-Z]\b)?`, 'gu') },
  { kind: 'name', regex: new RegExp(String.raw`\b(?:${formsOfAddress})\s+(?:(?:van|de|der|den|ter|te)\s+)*\p{Lu}[\p{L}'-]*`, 'gu') },
  // A capitalised word that does not start a sentence.
  { kind: 'name', regex: /(?<=[\p{Ll},;:]\s+)\p{Lu}[\p{L}'-]+/gu },
];

/** The passages of a comment that may identify someone, in order, overlaps merged. */
export function findPersonalDetails(text: string): FlaggedSpan[] {
  const spans: FlaggedSpan[] = [];
  for (const { kind, regex } of patterns) {
    for (const match of text.matchAll(regex)) spans.push({ start: match.index, end: match.index + match[0].length, kind });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: FlaggedSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export const redactionMark = '[…]';

/** The comment with every flagged passage replaced by a redaction mark. */
export function redact(text: string, spans: readonly FlaggedSpan[] = findPersonalDetails(text)): string {
  let result = '';
  let position = 0;
  for (const span of spans) {
    result += text.slice(position, span.start) + redactionMark;
    position = span.end;
  }
  return result + text.slice(position);
}

/** The comment in pieces for display: plain text and flagged passages, in order. */
export function segmentComment(text: string): { text: string; kind?: PersonalDetailKind }[] {
  const segments: { text: string; kind?: PersonalDetailKind }[] = [];
  let position = 0;
  for (const span of findPersonalDetails(text)) {
    if (span.start > position) segments.push({ text: text.slice(position, span.start) });
    segments.push({ text: text.slice(span.start, span.end), kind: span.kind });
    position = span.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position) });
  return segments;
}
