/**
 * The neighbourhood report as a document (document.ts): a table of contents;
 * method and response; who took part; the themes; streets and street types;
 * differences between groups; the residents' comments; the recommendations;
 * a short section per street; and the method appendix.
 */
import type { Translate } from '../i18n/translate.js';
import type { Block } from './document.js';
import type { NeighbourhoodReportModel } from './neighbourhood-report.js';
import { startingPointBlocks, unitFigureBlocks } from './unit-blocks.js';

const section = (id: string, text: string, newPage = false): Block => ({ kind: 'heading', level: 2, text, id, ...(newPage ? { newPage } : {}) });

export function neighbourhoodBlocks(report: NeighbourhoodReportModel, say: Translate): Block[] {
  const charts = (name: string): Block[] => report.charts.filter((chart) => chart.chart === name).map((chart) => ({ kind: 'chart', chart }));
  const { appendix } = report;
  const blocks: Block[] = [
    section('methode', say('document.methodAndResponse'), true),
    { kind: 'paragraph', text: report.methodIntro },
    ...(report.responseSentence ? [{ kind: 'paragraph', text: report.responseSentence } as const] : []),
    {
      kind: 'table', caption: say('document.responseTable.caption'),
      header: ['street', 'addresses', 'eligible', 'interviews', 'rate'].map((column) => say(`document.responseTable.${column}`)),
      rows: report.responseByStreet.map((row) => ({ cells: row.response
        ? [row.name, String(row.response.addresses), String(row.response.eligible), row.response.completed, row.response.responseRate]
        : [row.name, '–', '–', '–', '–'] })),
      widths: [0.4, 0.15, 0.15, 0.15, 0.15],
    },
    section('profiel', say('document.whoTookPart')),
    ...(report.profile.length === 0 ? [{ kind: 'paragraph', text: say('document.noProfile'), style: 'suppressed' } as const] : []),
    { kind: 'group', role: 'profile', blocks: report.profile.map((question): Block => ({
      kind: 'table', caption: say('document.profileCaption', { question: question.question, answered: question.answered }), header: [],
      rows: question.rows.map((row) => ({ cells: [row.label, row.share] })), widths: [0.7, 0.3], compact: true,
    })) },
    ...(report.profile.length > 0 ? [{ kind: 'paragraph', text: say('document.profileNote'), style: 'note' } as const] : []),
    section('themas', say('document.themes')),
    ...unitFigureBlocks(report.section, say),
    ...charts('weighted-gaps'),
    ...report.themes.flatMap((theme): Block[] => [
      { kind: 'heading', level: 3, text: theme.name },
      { kind: 'paragraph', text: theme.text },
      ...(theme.ranking ? [{ kind: 'paragraph', text: theme.ranking } as const] : []),
      ...theme.details.map((table): Block => ({
        kind: 'table', caption: table.caption, header: table.header, rows: table.rows.map((cells) => ({ cells })), widths: table.widths, compact: true,
      })),
    ]),
    section('straten', say('document.streetsAndTypes')),
    ...charts('streets-heatmap'),
    ...(report.streetIndex ? [{
      kind: 'table', caption: say('index.neighbourhoodCaption'), header: [say('index.street'), ...report.streetIndex.dimensions],
      rows: report.streetIndex.rows.map((row) => ({ cells: [row.name, ...row.cells.map((cell) => cell?.text ?? '–')], bands: [undefined, ...row.cells.map((cell) => cell?.band)] })),
      widths: [0.25, ...report.streetIndex.dimensions.map(() => 0.75 / report.streetIndex!.dimensions.length)],
    } satisfies Block] : []),
    ...(report.streetTypes.length === 0 ? [{ kind: 'paragraph', text: say('document.noStreetTypes') } as const] : []),
    ...report.streetTypes.flatMap((type): Block[] => [{ kind: 'heading', level: 3, text: type.heading }, { kind: 'paragraph', text: type.text }]),
    section('groepen', say('document.groups')),
    ...(report.groups.length === 0 ? [{ kind: 'paragraph', text: say('document.noGroups') } as const] : []),
    // Themes as rows and groups as columns: theme names are long single words that an A4 column cannot hold side by side.
    ...report.groups.map((group): Block => ({
      kind: 'table', caption: say('document.groupTable.caption', { question: group.question }),
      header: [say('document.groupTable.theme'), ...group.rows.map((row) => say(row.nAtLeast ? 'document.groupColumnAtLeast' : 'document.groupColumn', { label: row.label, n: row.n }))],
      rows: group.dimensions.map((dimension, index) => ({ cells: [dimension, ...group.rows.map((row) => row.cells[index]!)] })),
      widths: [0.3, ...group.rows.map(() => 0.7 / Math.max(1, group.rows.length))],
    })),
    section('opmerkingen', say('document.comments')),
    { kind: 'paragraph', text: report.commentsNote },
    ...report.comments.map((comment): Block => ({ kind: 'paragraph', text: `“${comment}”`, style: 'quote' })),
    section('aanbevelingen', say('document.recommendations')),
    ...startingPointBlocks(report.section, 4, 'full', say),
    ...(report.methodSummary.length > 0 ? [
      { kind: 'heading', level: 3, text: say('document.methodsAcrossStreets') } as const,
      { kind: 'list', ordered: false, items: report.methodSummary.map((row) => ({ lead: `${row.method}:`, text: row.text })) } as const,
    ] : []),
    section('per-straat', say('document.perStreet'), true),
    // A street whose figures are the combined unit's says so; those figures follow once, under all the unit's names.
    ...report.streets.map((street): Block => ({ kind: 'group', role: 'street', blocks: street.sharedFigures ? [
      { kind: 'heading', level: 3, text: street.street.name },
      { kind: 'paragraph', text: street.sharedFigures, style: 'note' },
    ] : [
      { kind: 'heading', level: 3, text: street.street.name },
      ...unitFigureBlocks(street.section, say),
      ...startingPointBlocks(street.section, 4, 'short', say),
    ] })),
    ...(report.combined ? [{ kind: 'group', role: 'street', blocks: [
      { kind: 'heading', level: 3, text: report.combined.title },
      ...unitFigureBlocks(report.combined.section, say),
      ...startingPointBlocks(report.combined.section, 4, 'short', say),
    ] } satisfies Block] : []),
    section('bijlage', say('document.appendix'), true),
    ...appendix.paragraphs.map((text): Block => ({ kind: 'paragraph', text })),
    {
      kind: 'table', header: [say('document.thresholdTable.threshold'), say('document.thresholdTable.value')],
      rows: appendix.thresholds.map((row) => ({ cells: [row.label, row.value] })), widths: [0.7, 0.3], compact: true,
    },
    {
      kind: 'table', caption: say('document.reliabilityTable.caption'),
      header: ['theme', 'actual', 'desired', 'note'].map((column) => say(`document.reliabilityTable.${column}`)),
      rows: appendix.reliability.map((row) => ({ cells: [row.name, row.actual, row.desired, row.note] })), widths: [0.35, 0.15, 0.15, 0.35],
    },
    { kind: 'heading', level: 3, text: say('document.provenance') },
    ...appendix.provenance.map((row): Block => ({ kind: 'paragraph', lead: `${row.instrument}:`, text: `${row.verified ? '' : say('document.notVerified')}${row.basis} ${row.note}` })),
  ];
  const entries = blocks.flatMap((block) => (block.kind === 'heading' && block.level === 2 && block.id ? [{ text: block.text, id: block.id }] : []));
  return [{ kind: 'contents', title: say('document.contents'), entries }, ...blocks];
}
