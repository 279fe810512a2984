/**
 * The blocks every report repeats for a unit: its figures per theme as a
 * table (or the reason they are not shown), and its starting points with the
 * recommended methods (or what the report says where there is no need).
 */
import type { Translate } from '../i18n/translate.js';
import type { Block } from './document.js';
import type { RecommendationView, UnitSection } from './unit-section.js';

const themeColumns = ['theme', 'n', 'actual', 'desired', 'importance', 'weightedGap', 'interval', 'wantingMore', 'satisfied', 'wantingLess'] as const;

const intervalColumns = ['theme', 'actual', 'desired', 'importance', 'gap', 'wantingMore', 'satisfied', 'wantingLess'] as const;

export function unitFigureBlocks(section: UnitSection, say: Translate): Block[] {
  if (section.kind === 'suppressed') return [{ kind: 'paragraph', text: section.reason, style: 'suppressed' }];
  return [
    { kind: 'paragraph', text: section.summary },
    {
      kind: 'table', caption: say('document.themeTable.caption'),
      header: themeColumns.map((column) => say(`document.themeTable.${column}`)),
      rows: section.dimensions.map((row) => ({
        cells: [row.name, String(row.n), row.actual, row.desired, row.importance, row.weightedGap, row.interval, row.wantingMore, row.satisfied, row.wantingLess],
        ...(row.startingPoint ? { badge: say('document.startingPointBadge') } : {}),
      })),
      widths: [0.18, 0.05, 0.06, 0.08, 0.07, 0.1, 0.17, 0.09, 0.1, 0.1],
      emphasis: [5],
    },
    // The intervals of every figure of the row, apart: beside each figure they would make the table too wide to read.
    {
      kind: 'table', caption: say('document.intervalTable.caption'),
      header: intervalColumns.map((column) => say(`document.intervalTable.${column}`)),
      rows: section.dimensions.map((row) => ({
        cells: [row.name, row.intervals.actual, row.intervals.desired, row.intervals.importance, row.intervals.gap, row.intervals.wantingMore, row.intervals.satisfied, row.intervals.wantingLess],
      })),
      widths: [0.19, 0.1, 0.1, 0.1, 0.21, 0.1, 0.1, 0.1],
    },
    // Each figure rests on its own n; a theme under the minimum is named, not left out without a word.
    ...(section.themesNotShown.length > 0 ? [{ kind: 'paragraph', text: say('unit.themesBelowMinimum', { list: section.themesNotShown.join(', ') }), style: 'note' } as const] : []),
    ...section.reliabilityNotes.map((text) => ({ kind: 'paragraph', text, style: 'note' } as const)),
  ];
}

function recommendationBlocks(recommendation: RecommendationView, headingLevel: 3 | 4, detail: 'full' | 'short', say: Translate): Block {
  const tags = say('document.tags', {
    confidence: recommendation.confidence === 'high' ? say('document.confidenceHigh') : say('document.confidenceLow'),
    scope: recommendation.scope === 'collective' ? say('document.scopeCollective') : say('document.scopeReferral'), rule: recommendation.ruleId,
  });
  const methods: Block[] = recommendation.methods.map((method) => (detail === 'short'
    ? { kind: 'paragraph', lead: `${method.name}:`, text: method.goal }
    : {
      kind: 'group', role: 'method', blocks: [
        { kind: 'heading', level: headingLevel, text: method.name, inContents: false },
        { kind: 'paragraph', text: `${method.goal} ${method.approach}` },
        { kind: 'details', items: [
          { term: say('document.method.forWhom'), value: method.forWhom }, { term: say('document.method.byWhom'), value: method.byWhom },
          { term: say('document.method.time'), value: method.investment.time }, { term: say('document.method.training'), value: method.investment.training },
          { term: say('document.method.more'), value: say('document.method.guide', { page: method.page }) },
        ] },
      ],
    }));
  return {
    kind: 'group', role: 'recommendation', blocks: [
      { kind: 'paragraph', text: `${recommendation.rationale}${recommendation.methods.length === 0 ? say('document.seeAbove') : ''}` },
      { kind: 'paragraph', text: tags, style: 'tags' },
      ...methods,
    ],
  };
}

/**
 * The starting points, ranked, and every rule that fired with its methods; or,
 * without a starting point, the one statement of why there is no need, and
 * nothing else (recommendations.md).
 */
export function startingPointBlocks(section: UnitSection, headingLevel: 3 | 4, detail: 'full' | 'short', say: Translate): Block[] {
  if (section.kind !== 'shown') return [];
  if (section.noNeed) return [{ kind: 'paragraph', lead: section.noNeed.lead, text: section.noNeed.text, style: 'no-need' }];
  return [
    { kind: 'list', ordered: true, items: section.startingPoints.map((point) => ({ text: `${point.text}.` })) },
    ...section.recommendations.map((recommendation) => recommendationBlocks(recommendation, headingLevel, detail, say)),
  ];
}
