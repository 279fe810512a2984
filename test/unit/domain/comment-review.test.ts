import { describe, expect, it } from 'vitest';
import { findPersonalDetails, redact, segmentComment } from '../../../src/domain/comment-review';

const flagged = (text: string) => findPersonalDetails(text).map((span) => [text.slice(span.start, span.end), span.kind]);

describe('finding personal details in a comment', () => {
  it('flags e-mail addresses, Dutch phone numbers and postcodes', () => {
    expect(flagged('Mail mij op jan.jansen@voorbeeld.nl of bel 06-12345678.')).toEqual([['jan.jansen@voorbeeld.nl', 'email'], ['06-12345678', 'phone']]);
    expect(flagged('bel +31 6 1234 5678 of 010 1234567')).toEqual([['+31 6 1234 5678', 'phone'], ['010 1234567', 'phone']]);
    expect(flagged('wij wonen in 1234 AB sinds kort')).toEqual([['1234 AB', 'postcode']]);
  });

  it('flags house numbers after a street name or "nummer"', () => {
    expect(flagged('de mensen van nummer 12 maken lawaai')).toEqual([['nummer 12', 'houseNumber']]);
    expect(flagged('vooral op de Rozenstraat 14a is het druk')).toEqual([['Rozenstraat 14a', 'houseNumber']]);
  });

  it('flags names after a form of address and capitalised words inside a sentence', () => {
    expect(flagged('meneer de Vries helpt iedereen')).toEqual([['meneer de Vries', 'name']]);
    expect(flagged('Buurvrouw Fatma kookt vaak')).toEqual([['Buurvrouw Fatma', 'name']]);
    expect(flagged('ik ken alleen Fatima goed')).toEqual([['Fatima', 'name']]);
  });

  it('flags nothing in a comment without personal details, and not the capital that starts a sentence', () => {
    expect(flagged('Fijne straat. Wel weinig contact met de buren, en 2 jaar geleden was dat anders.')).toEqual([]);
  });
});

describe('redacting', () => {
  it('replaces every flagged passage and keeps the rest word for word', () => {
    expect(redact('Bel 0612345678, zegt mevrouw Bakker.')).toBe('Bel […], zegt […].');
  });

  it('splits the comment into plain and flagged pieces that join up to the original', () => {
    const text = 'Het gezin op nummer 7 heeft hulp nodig, vraag het aan Karin.';
    const segments = segmentComment(text);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.filter((segment) => segment.kind).map((segment) => segment.text)).toEqual(['nummer 7', 'Karin']);
  });
});
