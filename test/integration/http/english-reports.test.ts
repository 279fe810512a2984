/**
 * Reports in English: a user who chose English gets the preview, the
 * published page, its navigation and the PDF in English, with the same
 * figures as the Dutch report; no Dutch sentence of the report wording, the
 * method catalogue or the rules is left in it. A report published before
 * English reports existed is served in Dutch to an English reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listStreets } from '../../../src/storage/address-frame';
import { binary, overlappingWords, pdfInfo, pdfText, pdfWords } from '../../helpers/files';
import { studyWithInterviews } from '../../helpers/interviews';
import { projectDir } from '../../helpers/test-app';

const csv = 'straat;huisnummer;postcode;buurt\n'
  + ['Rozenstraat', 'Merelstraat', 'Tulpstraat'].flatMap((street, s) => Array.from({ length: 30 }, (_, i) => `${street};${i + 1};${1234 + s}AB;Bloemenbuurt`)).join('\n') + '\n';

type Tree = { [key: string]: string | Tree };
const read = (file: string) => JSON.parse(readFileSync(path.join(projectDir, 'reports', file), 'utf8'));

/**
 * The Dutch sentences an English report must not contain: the fixed stretches (between placeholders) of
 * every Dutch text of the report wording, the catalogue and the rules that differs from its English text.
 * Short stretches ("n", " · ") are shared by both languages and are left out.
 */
function dutchOnlyFragments(): string[] {
  const wording = read('wording.json') as { nl: Tree; en: Tree };
  const pairs: [string, string][] = [];
  const walk = (nl: Tree | string, en: Tree | string) => {
    if (typeof nl === 'string') pairs.push([nl, en as string]);
    else for (const key of Object.keys(nl)) walk(nl[key]!, (en as Tree)[key]!);
  };
  walk(wording.nl, wording.en);
  const localised = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(localised);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.nl === 'string' && typeof record.en === 'string') pairs.push([record.nl, record.en]);
      else Object.values(record).forEach(localised);
    }
  };
  localised(read('methods.json'));
  localised(read('rules.json'));
  const englishText = pairs.map(([, en]) => en).join('\n');
  // A method keeps its own name in both languages ("Straatladder" is a method as well as a Dutch heading).
  const methodNames = new Set((read('methods.json') as { methods: { name: string }[] }).methods.map((method) => method.name));
  return [...new Set(pairs.flatMap(([nl]) => nl.split(/\{[^}]*\}|\[\[|\]\]/)).map((part) => part.trim()))]
    .filter((part) => part.length >= 12 && !englishText.includes(part) && !methodNames.has(part));
}

async function publishedStudy() {
  const app = await studyWithInterviews(csv, [['Rozenstraat', 'wants-mutual-help', 20], ['Merelstraat', 'much-annoyance', 15], ['Tulpstraat', 'quiet-content', 12]]);
  const reader = await app.loginAs('reader', 'lezer-gemeente');
  await app.coordinator.agent.post(`/studies/${app.studyId}/members`).type('form').send({ _csrf: app.coordinator.csrf, username: 'lezer-gemeente', role: 'reader' }).expect(200);
  const neighbourhoodId = (await listStreets(app.db, app.studyId))[0]!.neighbourhoodId;
  await app.coordinator.agent.post(`/studies/${app.studyId}/reports/street/${app.streets.get('Rozenstraat')}/publish`).type('form').send({ _csrf: app.coordinator.csrf }).expect(303);
  await app.coordinator.agent.post(`/studies/${app.studyId}/reports/neighbourhood/${neighbourhoodId}/publish`).type('form').send({ _csrf: app.coordinator.csrf }).expect(303);
  const links = [...(await reader.agent.get(`/studies/${app.studyId}/reports`).expect(200)).text.matchAll(/href="(\/studies\/\d+\/published\/\d+)"/g)].map((match) => match[1]!);
  const toEnglish = async (session: { agent: typeof reader.agent; csrf: string }) => {
    await session.agent.post('/language').type('form').send({ _csrf: session.csrf, locale: 'en', next: '/studies' }).expect(303);
  };
  const pdf = async (agent: typeof reader.agent, url: string) => (await agent.get(url).buffer(true).parse(binary).expect(200)).body as Buffer;
  return { ...app, reader, links, neighbourhoodId, toEnglish, pdf };
}

describe('reports in English', () => {
  it('gives a reader who chose English the published street and neighbourhood reports in English, with the Dutch figures', async () => {
    const { reader, links, toEnglish, pdf } = await publishedStudy();
    expect(links).toHaveLength(2);
    const dutchPages = await Promise.all(links.map(async (link) => (await reader.agent.get(link).expect(200)).text));
    await toEnglish(reader);
    const fragments = dutchOnlyFragments();
    expect(fragments.length).toBeGreaterThan(200);
    for (const [index, link] of links.entries()) {
      const page = (await reader.agent.get(link).expect(200)).text;
      expect(page).toContain('<html lang="en-GB">');
      expect(page).toMatch(/(Street|Neighbourhood) report: /);
      expect(page).toContain('All reports of this study');
      expect(fragments.filter((fragment) => page.includes(fragment))).toEqual([]);
      // The same figures in both languages: every weighted gap of the Dutch page is in the English one.
      const gaps = (html: string) => [...html.matchAll(/<td class="num">([^<]+)<\/td>/g)].map((match) => match[1]);
      expect(gaps(page)).toEqual(gaps(dutchPages[index]!));
      expect(gaps(page).length).toBeGreaterThan(3);
      // Every bar has its colour: a category in the other language's words would be drawn without one.
      const bars = [...page.matchAll(/<g class="mark-rect role-mark[^"]*">(.*?)<\/g>/g)].flatMap((match) => match[1]!.match(/<path [^>]*>/g) ?? []);
      expect(bars.length).toBeGreaterThan(0);
      expect(bars.filter((bar) => !/fill="(#|rgb\()/.test(bar))).toEqual([]);

      const file = await pdf(reader.agent, `${link}/pdf`);
      expect(file.toString('latin1')).toContain('/Lang (en-GB)');
      expect(pdfInfo(file)).toMatch(/Tagged:\s+yes/);
      // The English words are longer in places: still every word inside the text area and none over another.
      const { pageWidth, words } = pdfWords(file);
      expect(words.filter((word) => word.xMin < 55 || word.xMax > pageWidth - 55).map((word) => word.text)).toEqual([]);
      expect(overlappingWords(words).map(([a, b]) => `${a.text} / ${b.text}`)).toEqual([]);
      const text = pdfText(file).replace(/\s+/g, ' ');
      expect(text).toMatch(/page 1 of \d/);
      expect(fragments.filter((fragment) => text.includes(fragment.replace(/\s+/g, ' ')))).toEqual([]);
    }
    const street = (await reader.agent.get(links.find((link) => dutchPages[links.indexOf(link)]!.includes('Straatrapport'))!).expect(200)).text;
    expect(street).toContain('Starting points and recommended methods');
    // The catalogue's own method names stay as the guide spells them; what they are for is in English.
    expect(street).toContain('Buurthulpmethoden');
    expect(street).toContain('Getting mutual help between residents going, with and without a disability.');
  });

  it('previews a report in the coordinator\'s language, and serves a report published before English reports existed in Dutch', async () => {
    const { coordinator, reader, links, studyId, streets, deps, toEnglish } = await publishedStudy();
    await toEnglish(coordinator);
    const preview = (await coordinator.agent.get(`/studies/${studyId}/reports/street/${streets.get('Merelstraat')}`).expect(200)).text;
    expect(preview).toContain('<html lang="en-GB">');
    expect(preview).toContain('Publish for readers');
    expect(preview).toContain('Street report: Merelstraat (Bloemenbuurt)');

    // Take the English files away, as a publication from before this change has them.
    const folder = path.join(deps.config.dataDir, 'reports', `study-${studyId}`);
    const english = readdirSync(folder).filter((name) => /\.en\.(html|pdf)$/.test(name));
    expect(english).toHaveLength(4);
    for (const file of english) await rm(path.join(folder, file));
    await toEnglish(reader);
    const page = (await reader.agent.get(links[0]!).expect(200)).text;
    expect(page).toContain('<html lang="nl-NL">');
    // The navigation around it speaks the language of the page it leads from.
    expect(page).toContain('Alle rapporten van dit onderzoek');
  });
});
