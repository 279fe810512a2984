/**
 * The street report as a document (document.ts): response, the contactladder
 * per theme with its charts, the street beside its neighbourhood and its
 * street type, the straatladder, for a follow-up wave the change since the
 * earlier wave, and last the starting points with the recommended methods.
 */
import type { Translate } from '../i18n/translate.js';
import type { Block } from './document.js';
import type { StreetReportModel } from './street-report.js';
import { startingPointBlocks, unitFigureBlocks } from './unit-blocks.js';

/** The street per theme against its neighbourhood and the whole study (study = 100): surroundings-index.ts. */
function surroundingsBlocks(report: StreetReportModel, say: Translate): Block[] {
  const { surroundings } = report;
  if (!surroundings) return [];
  const columns = [
    say('index.theme'), say('index.weightedGap'),
    ...(surroundings.againstNeighbourhood ? [say('index.againstNeighbourhood', { neighbourhood: report.street.neighbourhood })] : []),
    ...(surroundings.againstStudy ? [say('index.againstStudy')] : []),
  ];
  return [{
    kind: 'table', caption: say('index.streetCaption'), header: columns,
    rows: surroundings.rows.map((row) => {
      const cells = [...(surroundings.againstNeighbourhood ? [row.neighbourhood] : []), ...(surroundings.againstStudy ? [row.study] : [])];
      return { cells: [row.name, row.weightedGap, ...cells.map((cell) => cell?.text ?? '–')], bands: [undefined, undefined, ...cells.map((cell) => cell?.band)] };
    }),
    widths: surroundings.againstNeighbourhood && surroundings.againstStudy ? [0.34, 0.16, 0.25, 0.25] : [0.4, 0.2, 0.4],
  }];
}

export function streetBlocks(report: StreetReportModel, say: Translate): Block[] {
  const charts = (which: (name: string) => boolean): Block[] => report.charts.filter((chart) => which(chart.chart)).map((chart) => ({ kind: 'chart', chart }));
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: say('document.response') },
    { kind: 'paragraph', text: report.responseSentence },
    { kind: 'heading', level: 2, text: say('document.contactladder') },
    ...(report.sharedFigures ? [{ kind: 'paragraph', text: report.sharedFigures, style: 'note' } as const] : []),
    ...unitFigureBlocks(report.section, say),
    ...charts((name) => name !== 'street-ladder'),
    ...(report.comparison ? [{ kind: 'paragraph', text: report.comparison.sentence } as const] : []),
    ...surroundingsBlocks(report, say),
    ...(report.streetType ? [{ kind: 'paragraph', text: report.streetType.sentence } as const] : []),
  ];
  if (report.ladder) {
    blocks.push({ kind: 'heading', level: 2, text: say('document.streetLadder') });
    if (report.ladder.kind === 'suppressed') blocks.push({ kind: 'paragraph', text: report.ladder.reason, style: 'suppressed' });
    else blocks.push({ kind: 'paragraph', text: report.ladder.view.sentence }, ...charts((name) => name === 'street-ladder'));
  }
  if (report.waves) {
    const { waves } = report;
    blocks.push(
      { kind: 'heading', level: 2, text: say('document.changeSince', { previous: waves.previous }) },
      {
        kind: 'table', header: ['theme', 'then', 'now', 'change', 'interval'].map((column) => say(`document.changeTable.${column}`)),
        rows: waves.rows.map((row) => ({ cells: [row.name, row.previous, row.current, `${row.change}${row.clear ? say('document.changeTable.clear') : ''}`, row.interval] })),
        widths: [0.3, 0.12, 0.12, 0.2, 0.26], emphasis: [3],
      },
      ...(waves.currentRung ? [{ kind: 'paragraph', text: waves.currentRung } as const] : []),
      { kind: 'paragraph', text: waves.interventionsSentence },
    );
  }
  if (report.section.kind === 'shown') {
    blocks.push({ kind: 'heading', level: 2, text: say('document.startingPoints') }, ...startingPointBlocks(report.section, 3, 'full', say));
  }
  return blocks;
}
