/**
 * Residents' free-text comments before they may appear in a report
 * (product.md, Privacy: "free text is reviewed"). A comment can name a
 * neighbour, a house or a phone number; the coordinator sees such passages
 * highlighted and redacts them. This finds the candidates; the coordinator
 * decides. It errs on the side of flagging too much.
 *
 * Flagged: e-mail addresses; Dutch phone numbers (06…, 0xx…, +31…); postcodes;
 * house numbers (a street word or "nummer"/"nr" followed by a number); names
 * after a form of address (meneer, mevrouw, buurman, familie …); whole Dutch
 * names, so that a redaction leaves no part of one behind: first names and
 * initials before a surname, and the tussenvoegsels inside it ("Jan de
 * Vries", "J.P. van den Berg", "mevrouw Van der Linden", "Fatima el Amrani",
 * "Piet Jansen"); and any other capitalised word inside a sentence, which in
 * Dutch is mostly a name. A lone first name at the start of a sentence ("Jan
 * helpt altijd") cannot be told from an ordinary word and is not flagged: the
 * coordinator reads every comment whole before approving it.
 */

export type PersonalDetailKind = 'email' | 'phone' | 'postcode' | 'houseNumber' | 'name';

export interface FlaggedSpan {
  start: number;
  end: number;
  kind: PersonalDetailKind;
}

const streetWord = String.raw`\p{Lu}[\p{L}'-]*(?:straat|laan|weg|plein|hof|kade|gracht|singel|dijk|park|pad|steeg|dreef|erf|wal|baan|markt|plantsoen|haven|burg|veld|ring|dam|poort|werf|tuin|tuinen|hoven|akker|weide|allee|boulevard|oord)`;

/** Tussenvoegsels and the particles of names of other origins ("el", "ben", "abou"). */
const particles = ['van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', "'t", 'el', 'al', 'ben', 'bin', 'abou', 'von', 'du', 'da', 'dos', 'le', 'la'];
const particle = `(?:${particles.join('|')})`;
/** A particle that starts a surname, written with a capital ("Van den Berg", "El Idrissi"). */
const capitalParticle = `(?:${particles.filter((word) => /^\p{L}/u.test(word)).map((word) => word[0]!.toUpperCase() + word.slice(1)).join('|')})`;
/**
 * Words that start a Dutch sentence with a capital but are never a first name,
 * so that "Sinds Els van der Linden …" redacts the name and keeps "Sinds".
 */
const sentenceWords = ['Sinds', 'Op', 'Bij', 'Bel', 'Mail', 'Stuur', 'Vraag', 'Met', 'Samen', 'Volgens', 'Voor', 'Na', 'Naast', 'Tegenover', 'Door', 'Zonder',
  'Tot', 'Toen', 'Als', 'Want', 'Maar', 'En', 'Ook', 'Dat', 'Die', 'Deze', 'Dit', 'Het', 'Een', 'De', 'Mijn', 'Onze', 'Ik', 'Wij', 'We', 'Er', 'Hier', 'Daar',
  'Alleen', 'Vooral', 'Helaas', 'Gelukkig', 'Misschien', 'Graag', 'Laatst', 'Vroeger', 'Nu', 'Sommige', 'Veel', 'Weinig', 'Iedereen', 'Niemand'];
/** A capitalised word of a name, double surnames included ("Jansen-Bakker"). */
const nameWord = String.raw`(?!(?:${sentenceWords.join('|')})\b)\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)*`;
const initials = String.raw`(?:\p{Lu}\.\s?){1,4}`;
/**
 * A whole name: first names or initials, tussenvoegsels and a surname ("Jan de
 * Vries", "J. de Vries"); a surname that starts with a capitalised particle
 * ("Van den Berg"); initials and a surname ("A.B. Jansen"); capitalised
 * words in a row ("Piet Jansen", "Mohamed Ait Taleb"); or two capitalised
 * words joined by "en", which also catches a first name that starts the
 * sentence ("Karin en Ahmed").
 */
const wholeName = String.raw`(?:${initials}\s*|(?:${nameWord}\s+)+)(?:${particle}\s+)+${nameWord}(?:\s+${nameWord})*`
  + String.raw`|${capitalParticle}(?:\s+${particle})*\s+${nameWord}|${initials}\s*${nameWord}|${nameWord}(?:\s+${nameWord})+|${nameWord}\s+en\s+${nameWord}`;

/** Forms of address, at the start of a sentence or inside it ("Meneer", "meneer"). */
const formsOfAddress = ['meneer', 'mevrouw', 'mevr\\.', 'mw\\.', 'dhr\\.', 'de heer', 'buurman', 'buurvrouw', 'familie', 'fam\\.', 'tante', 'oom', 'opa', 'oma']
  .map((form) => `[${form[0]!.toUpperCase()}${form[0]}]${form.slice(1)}`).join('|');

const patterns: { kind: PersonalDetailKind; regex: RegExp }[] = [
  { kind: 'email', regex: /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu },
  { kind: 'phone', regex: /(?:\+31|0031|\b0)[\s-]?(?:\d[\s-]?){8}\d\b/gu },
  { kind: 'postcode', regex: /\b[1-9]\d{3}\s?[A-Z]{2}\b/gu },
  { kind: 'houseNumber', regex: new RegExp(String.raw`(?:${streetWord}|\b(?:nummer|nr\.?|huisnummer|no\.?))\s+\d{1,5}(?:\s?[a-zA-Z]\b)?`, 'gu') },
  { kind: 'name', regex: new RegExp(String.raw`\b(?:${formsOfAddress})\s+(?:${particle}\s+)*\p{Lu}[\p{L}'-]*`, 'gu') },
  { kind: 'name', regex: new RegExp(String.raw`(?<![\p{L}'])(?:${wholeName})(?![\p{L}])`, 'gu') },
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
    // Overlapping passages are one; so are two names with only a space between them ("[…] […]" would say there are two).
    if (last && (span.start < last.end || (last.kind === 'name' && span.kind === 'name' && /^\s+$/.test(text.slice(last.end, span.start))))) last.end = Math.max(last.end, span.end);
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
