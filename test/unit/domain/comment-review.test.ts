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
    expect(flagged('vooral op de Lindelaan 3 en de Spoorsingel 15')).toEqual([['Lindelaan 3', 'houseNumber'], ['Spoorsingel 15', 'houseNumber']]);
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

/**
 * Realistic comments as residents write them at the end of the interview, each
 * with what a published report may show after the suggested redaction. Written
 * by hand: the expected text is what a privacy officer would accept, not what
 * the code happens to produce.
 */
const residentsComments: [string, string][] = [
  ['Jan de Vries op nummer 12 maakt elke nacht herrie.', '[…] op […] maakt elke nacht herrie.'],
  ['Ik heb veel steun aan mevrouw Van den Berg.', 'Ik heb veel steun aan […].'],
  ['Fatima el Amrani organiseert het buurtfeest.', '[…] organiseert het buurtfeest.'],
  ['Bel Jan de Vries op 06-12345678, Dorpsstraat 12, 1234AB', 'Bel […] op […], […], […]'],
  ['De heer J. Jansen laat zijn hond overal poepen.', '[…] laat zijn hond overal poepen.'],
  ['Buurman Piet Bakker helpt iedereen met klusjes.', '[…] helpt iedereen met klusjes.'],
  ['Ik ken alleen A.B. de Wit van de overkant.', 'Ik ken alleen […] van de overkant.'],
  ['Het gezin van Mohamed Ait Taleb is heel behulpzaam.', 'Het gezin van […] is heel behulpzaam.'],
  ['Wij hebben ruzie met de familie Yilmaz over de schutting.', 'Wij hebben ruzie met de […] over de schutting.'],
  ['Mevrouw Jansen-Bakker op de Kerkstraat 3a is vaak alleen.', '[…] op de […] is vaak alleen.'],
  ['Karin en Ahmed van hiernaast zijn geweldig.', '[…] van hiernaast zijn geweldig.'],
  ['Mail gerust naar k.devries@voorbeeld.nl als er iets is.', 'Mail gerust naar […] als er iets is.'],
  ['Sinds Els van der Linden verhuisd is, praat niemand meer met elkaar.', 'Sinds […] verhuisd is, praat niemand meer met elkaar.'],
  ['Op de Lindelaan 40 staat al maanden een auto te verroesten.', 'Op de […] staat al maanden een auto te verroesten.'],
  ['De bewoners van nr. 7 zetten hun vuilnis altijd te vroeg buiten.', 'De bewoners van […] zetten hun vuilnis altijd te vroeg buiten.'],
  ['Ik zou graag meer doen, bel me op 020-1234567.', 'Ik zou graag meer doen, bel me op […].'],
  ['Dhr. Öztürk van huisnummer 21 heeft hulp nodig met boodschappen.', '[…] van […] heeft hulp nodig met boodschappen.'],
  ['Tante Riek zorgt voor de planten van de halve straat.', '[…] zorgt voor de planten van de halve straat.'],
  ['De wijkagent, Sander ter Horst, komt nooit langs.', 'De wijkagent, […], komt nooit langs.'],
  ['Samen met Ingrid van Dijk heb ik de speeltuin opgeknapt.', 'Samen met […] heb ik de speeltuin opgeknapt.'],
  ['Meneer El Idrissi is altijd vriendelijk.', '[…] is altijd vriendelijk.'],
  ['Mijn buurvrouw Anneke de Jong-Visser is ziek, iemand moet helpen.', 'Mijn […] is ziek, iemand moet helpen.'],
  ['Er wonen veel studenten op de Spoorsingel 15 tot 25.', 'Er wonen veel studenten op de […] tot 25.'],
  ['Stuur post naar 3512 JK, dan komt het goed.', 'Stuur post naar […], dan komt het goed.'],
  ['Ik ben het eens met wat Kees zei op de bewonersavond.', 'Ik ben het eens met wat […] zei op de bewonersavond.'],
  ['Bij de Albert Heijn hoor je alles over de buurt.', 'Bij de […] hoor je alles over de buurt.'],
  ['Het contact is goed. Iedereen groet elkaar.', 'Het contact is goed. Iedereen groet elkaar.'],
  ['Fijne straat, maar er mag meer groen komen.', 'Fijne straat, maar er mag meer groen komen.'],
  ['Te veel verkeer en te hard gereden, vooral in de ochtend.', 'Te veel verkeer en te hard gereden, vooral in de ochtend.'],
  ['Ik woon hier 30 jaar en ken bijna niemand meer.', 'Ik woon hier 30 jaar en ken bijna niemand meer.'],
  ['Misschien een koffieochtend in het buurthuis? Dat zou ik leuk vinden.', 'Misschien een koffieochtend in het buurthuis? Dat zou ik leuk vinden.'],
  ['Mw. Y. Bouzid en haar kinderen worden gepest.', '[…] en haar kinderen worden gepest.'],
];

describe('redacting residents\' comments as they are written', () => {
  it.each(residentsComments)('%s', (comment, published) => {
    expect(redact(comment)).toBe(published);
  });

  it('leaves no part of a name behind: no flagged passage ends or starts inside one', () => {
    for (const [comment] of residentsComments) {
      const shown = redact(comment);
      for (const part of ['Vries', 'Berg', 'Amrani', 'Jansen', 'Bakker', 'Wit', 'Taleb', 'Linden', 'Horst', 'Dijk', 'Idrissi', 'Jong', 'Visser', 'Bouzid']) {
        expect(shown, comment).not.toContain(part);
      }
    }
  });
});
