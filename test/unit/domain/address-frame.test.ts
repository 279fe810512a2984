import { describe, expect, it } from 'vitest';
import { normalisePostcode, parseAddressFrame } from '../../../src/domain/address-frame';

const utf8 = (text: string) => new TextEncoder().encode(text);
const errorsOf = (text: string | Uint8Array) => {
  const result = parseAddressFrame(typeof text === 'string' ? utf8(text) : text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors;
};

describe('parseAddressFrame', () => {
  it('reads a comma-separated file with English column names', () => {
    const result = parseAddressFrame(utf8('street,house number,addition,postcode,neighbourhood\nRozenstraat,12,,1234 ab,Bloemenbuurt\nRozenstraat,12,a,1234AB,Bloemenbuurt\n'));
    expect(result).toEqual({ ok: true, ignoredColumns: [], rows: [
      { line: 2, street: 'Rozenstraat', houseNumber: 12, addition: '', postcode: '1234AB', neighbourhood: 'Bloemenbuurt' },
      { line: 3, street: 'Rozenstraat', houseNumber: 12, addition: 'A', postcode: '1234AB', neighbourhood: 'Bloemenbuurt' },
    ] });
  });

  it('reads a semicolon-separated UTF-8 file with BOM and Dutch columns in another order, as Dutch Excel writes it', () => {
    const result = parseAddressFrame(utf8('\uFEFFbuurt;straat;huisnummer;toevoeging;postcode\r\nCentrum;Ĳsselkade;3;;8011 AB\r\nCentrum;Église-plein;4;bis;8011AB\r\n'));
    expect(result.ok && result.rows.map((row) => [row.street, row.houseNumber, row.addition])).toEqual([['Ĳsselkade', 3, ''], ['Église-plein', 4, 'BIS']]);
  });

  it('reads a Windows-1252 file, as older Excel saves "CSV"', () => {
    const bytes = Uint8Array.from([...'straat;huisnummer;postcode;buurt\nCaf'].map((c) => c.charCodeAt(0)).concat([0xe9], [...'laan;1;1234AB;Oud\n'].map((c) => c.charCodeAt(0))));
    const result = parseAddressFrame(bytes);
    expect(result.ok && result.rows[0]!.street).toBe('Cafélaan');
  });

  it('splits a house number with a letter written in the number column', () => {
    const result = parseAddressFrame(utf8('straat,huisnummer,postcode,buurt\nDorpsstraat,12b,1234AB,Dorp\nDorpsstraat,14-2,1234AB,Dorp\n'));
    expect(result.ok && result.rows.map((row) => [row.houseNumber, row.addition])).toEqual([[12, 'B'], [14, '2']]);
  });

  it('refuses a house number of six digits instead of reading it as five digits and an addition', () => {
    const result = parseAddressFrame(utf8('straat,huisnummer,postcode,buurt\nDorpsstraat,100000,1234AB,Dorp\nDorpsstraat,99999,1234AB,Dorp\nDorpsstraat,7 2,1234AB,Dorp\n'));
    expect(result).toEqual({ ok: false, errors: [{ line: 2, reason: 'invalidHouseNumber', value: '100000' }] });
    const fine = parseAddressFrame(utf8('straat,huisnummer,postcode,buurt\nDorpsstraat,99999,1234AB,Dorp\nDorpsstraat,7 2,1234AB,Dorp\n'));
    expect(fine.ok && fine.rows.map((row) => [row.houseNumber, row.addition])).toEqual([[99999, ''], [7, '2']]);
  });

  it('reads a municipal BAG extract: letter and addition together as the BAG writes them ("12A-2"), the CBS code where no name is given, unused columns named', () => {
    const result = parseAddressFrame(utf8('openbareruimtenaam;huisnummer;huisletter;huisnummertoevoeging;postcode;woonplaatsnaam;buurtcode;buurtnaam\n'
      + 'Rozenstraat;12;a;2;1234AB;Voorbeeldstad;BU03630001;Bloemenbuurt\nRozenstraat;12;;2;1234AB;Voorbeeldstad;BU03630001;Bloemenbuurt\n'
      + 'Rozenstraat;12;A;;1234AB;Voorbeeldstad;BU03630001;Bloemenbuurt\nMerelstraat;3;;;1234AC;Voorbeeldstad;BU03630002;\n'));
    expect(result.ok && result.rows.map((row) => [row.street, row.houseNumber, row.addition, row.neighbourhood])).toEqual([
      ['Rozenstraat', 12, 'A-2', 'Bloemenbuurt'], ['Rozenstraat', 12, '2', 'Bloemenbuurt'], ['Rozenstraat', 12, 'A', 'Bloemenbuurt'], ['Merelstraat', 3, '', 'BU03630002'],
    ]);
    expect(result.ok && result.ignoredColumns).toEqual(['woonplaatsnaam']);
    expect(errorsOf('straat;huisnummer;huisletter;postcode;buurt\nA;1;AB;1234AB;N\n')).toEqual([{ line: 2, reason: 'invalidLetter', value: 'AB' }]);
  });

  it('skips blank lines but keeps the line numbers of the file', () => {
    const result = parseAddressFrame(utf8('straat,huisnummer,postcode,buurt\n\nA-straat,1,1234AB,Dorp\n'));
    expect(result.ok && result.rows[0]!.line).toBe(3);
  });

  describe('rejects the whole file with line numbers and reasons', () => {
    const header = 'straat;huisnummer;toevoeging;postcode;buurt\n';

    it('for a missing house number', () => {
      expect(errorsOf(`${header}Rozenstraat;1;;1234AB;Noord\nRozenstraat;;;1234AB;Noord\n`)).toEqual([{ line: 3, reason: 'missingHouseNumber' }]);
    });

    it('for an invalid postcode, including the letter pairs SA, SD and SS that Dutch postcodes never use', () => {
      expect(errorsOf(`${header}A;1;;0123AB;N\nA;2;;1234 SS;N\nA;3;;12345;N\n`)).toEqual([
        { line: 2, reason: 'invalidPostcode', value: '0123AB' },
        { line: 3, reason: 'invalidPostcode', value: '1234 SS' },
        { line: 4, reason: 'invalidPostcode', value: '12345' },
      ]);
    });

    it('for a duplicate address, by street and number or by postcode and number, naming the first line', () => {
      expect(errorsOf(`${header}Rozenstraat;1;;1234AB;Noord\nrozenstraat;1;;1234AC;Noord\nTulpstraat;1;;1234AB;Noord\n`)).toEqual([
        { line: 3, reason: 'duplicateAddress', value: '2' },
        { line: 4, reason: 'duplicateAddress', value: '2' },
      ]);
    });

    it('for a missing column (a column it does not know is ignored, not refused)', () => {
      expect(errorsOf('straat;huisnummer;postcode;wijk\nA;1;1234AB;N\n')).toEqual([{ line: 1, reason: 'missingColumn', value: 'buurt' }]);
    });

    it('for every problem of a line, not only the first', () => {
      expect(errorsOf(`${header};;;0123AB;\nA;12b;c;1234AB;N\n`)).toEqual([
        { line: 2, reason: 'missingStreet' },
        { line: 2, reason: 'missingNeighbourhood' },
        { line: 2, reason: 'missingHouseNumber' },
        { line: 2, reason: 'invalidPostcode', value: '0123AB' },
        { line: 3, reason: 'twoAdditions', value: '12b' },
      ]);
    });

    it('for a file that is not CSV at all', () => {
      expect(errorsOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual([{ line: 1, reason: 'notCsv' }]);
      expect(errorsOf('Dit is een brief en geen adresbestand.\nMet vriendelijke groet\n')).toEqual([{ line: 1, reason: 'notCsv' }]);
    });

    it('for an empty file and a file with only a header', () => {
      expect(errorsOf('')).toEqual([{ line: 1, reason: 'emptyFile' }]);
      expect(errorsOf(header)).toEqual([{ line: 2, reason: 'noAddresses' }]);
    });

    it('for a line with the wrong number of columns, and an unclosed quote', () => {
      expect(errorsOf(`${header}A;1;;1234AB\n`)).toEqual([{ line: 2, reason: 'wrongColumnCount', value: '4' }]);
      expect(errorsOf(`${header}A;1;;1234AB;N\n"B;2;;1234AB;N\n`)[0]).toMatchObject({ reason: 'malformedCsv' });
    });

    it('for a missing street or neighbourhood, and an addition given twice', () => {
      expect(errorsOf(`${header};1;;1234AB;N\nA;2;;1234AB;\nA;3b;c;1234AB;N\n`)).toEqual([
        { line: 2, reason: 'missingStreet' },
        { line: 3, reason: 'missingNeighbourhood' },
        { line: 4, reason: 'twoAdditions', value: '3b' },
      ]);
    });

    it('for a house number that is not a number', () => {
      expect(errorsOf(`${header}A;twaalf;;1234AB;N\nA;0;;1234AB;N\n`)).toEqual([
        { line: 2, reason: 'invalidHouseNumber', value: 'twaalf' },
        { line: 3, reason: 'invalidHouseNumber', value: '0' },
      ]);
    });
  });

  it('does not change its input', () => {
    const bytes = utf8('straat,huisnummer,postcode,buurt\nA,1,1234AB,N\n');
    const copy = Uint8Array.from(bytes);
    parseAddressFrame(bytes);
    expect(bytes).toEqual(copy);
  });
});

describe('normalisePostcode', () => {
  it('writes a postcode as four digits and two capitals without a space', () => {
    expect(normalisePostcode(' 1234 ab ')).toBe('1234AB');
    expect(normalisePostcode('1234AB')).toBe('1234AB');
    expect(normalisePostcode('1234  AB')).toBeUndefined();
  });
});
