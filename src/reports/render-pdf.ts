/**
 * Renders a report model as a PDF (pdf-writer.ts): the same sections, figures,
 * sentences and chart SVGs as the HTML page; a table of contents for the
 * neighbourhood report; the study and date in every page header.
 */
import type { Translate } from '../i18n/translate';
import type { NeighbourhoodReportModel } from './neighbourhood-report';
import { PdfWriter } from './pdf-writer';
import type { RenderedChart } from './render-chart';
import type { ReportModel } from './render-html';
import type { ChartData, StreetReportModel } from './street-report';
import type { UnitSection } from './unit-section';

type Charts = Map<ChartData, RenderedChart>;

function unitFigures(writer: PdfWriter, section: UnitSection, say: Translate): void {
  if (section.kind === 'suppressed') {
    writer.note(section.reason);
    return;
  }
  writer.paragraph(section.summary);
  writer.table(
    ['theme', 'actual', 'desired', 'importance', 'weightedGap', 'interval', 'wantingMore', 'satisfied', 'wantingLess'].map((column) => say(`pdf.themeTable.${column}`)),
    section.dimensions.map((row) => [`${row.name}${row.startingPoint ? say('pdf.startingPointTag') : ''}`, row.actual, row.desired, row.importance, row.weightedGap, row.interval, row.wantingImprovement, row.satisfied, row.wantingLess]),
    [0.22, 0.06, 0.09, 0.08, 0.1, 0.17, 0.09, 0.09, 0.1],
  );
}

function recommendations(writer: PdfWriter, section: UnitSection, detail: 'full' | 'short', say: Translate): void {
  if (section.kind !== 'shown') return;
  if (section.noNeed) {
    writer.paragraph(section.noNeed.text, { boldLead: section.noNeed.lead });
  } else {
    section.startingPoints.forEach((point, index) => writer.paragraph(`${index + 1}. ${point.text}.`));
  }
  // The "no need" statement above is the whole recommendation; otherwise every rule that fired, also one whose method is listed above.
  for (const recommendation of section.noNeed ? [] : section.recommendations) {
    writer.paragraph(`${recommendation.rationale}${recommendation.methods.length === 0 ? say('pdf.seeAbove') : ''}`);
    writer.note(say('pdf.tags', {
      confidence: recommendation.confidence === 'high' ? say('pdf.confidenceHigh') : say('pdf.confidenceLow'),
      scope: recommendation.scope === 'collective' ? say('pdf.scopeCollective') : say('pdf.scopeReferral'), rule: recommendation.ruleId,
    }));
    for (const method of recommendation.methods) {
      if (detail === 'short') {
        writer.paragraph(`${method.goal}`, { boldLead: `${method.name}:` });
        continue;
      }
      writer.paragraph(`${method.goal} ${method.approach}`, { boldLead: method.name });
      writer.table(['', ''], [
        [say('pdf.method.forWhom'), method.forWhom], [say('pdf.method.byWhom'), method.byWhom], [say('pdf.method.time'), method.investment.time],
        [say('pdf.method.training'), method.investment.training], [say('pdf.method.more'), say('pdf.method.guide', { page: method.page })],
      ], [0.2, 0.8]);
    }
  }
}

function chartsOf(writer: PdfWriter, model: ReportModel, charts: Charts, which: (chart: ChartData) => boolean): void {
  for (const chart of model.charts.filter(which)) {
    const rendered = charts.get(chart);
    if (rendered) writer.chart(rendered.svg, rendered.description);
  }
}

function streetBody(writer: PdfWriter, report: StreetReportModel, charts: Charts, say: Translate): void {
  writer.heading(2, say('pdf.response'));
  writer.paragraph(report.responseSentence);
  writer.heading(2, say('pdf.contactladder'));
  unitFigures(writer, report.section, say);
  chartsOf(writer, report, charts, (chart) => chart.chart !== 'street-ladder');
  if (report.comparison) writer.paragraph(report.comparison.sentence);
  if (report.streetType) writer.paragraph(report.streetType.sentence);
  if (report.ladder) {
    writer.heading(2, say('pdf.streetLadder'));
    if (report.ladder.kind === 'suppressed') writer.note(report.ladder.reason);
    else {
      writer.paragraph(report.ladder.view.sentence);
      chartsOf(writer, report, charts, (chart) => chart.chart === 'street-ladder');
    }
  }
  if (report.section.kind === 'shown') {
    writer.heading(2, say('pdf.startingPoints'));
    recommendations(writer, report.section, 'full', say);
  }
  if (report.waves) {
    writer.heading(2, say('pdf.changeSince', { previous: report.waves.previous }));
    writer.table(['theme', 'then', 'now', 'change', 'interval'].map((column) => say(`pdf.changeTable.${column}`)),
      report.waves.rows.map((row) => [row.name, row.previous, row.current, `${row.change}${row.clear ? say('pdf.changeTable.clear') : ''}`, row.interval]), [0.3, 0.12, 0.12, 0.2, 0.26]);
    if (report.waves.currentRung) writer.paragraph(say('pdf.currentRung', { change: report.waves.currentRung }));
    writer.paragraph(report.waves.interventionsSentence);
  }
}

function neighbourhoodBody(writer: PdfWriter, report: NeighbourhoodReportModel, charts: Charts, say: Translate): void {
  writer.heading(1, say('pdf.methodAndResponse'), { newPage: true });
  writer.paragraph(report.methodIntro);
  if (report.responseSentence) writer.paragraph(report.responseSentence);
  writer.table(['street', 'addresses', 'eligible', 'interviews', 'rate'].map((column) => say(`pdf.responseTable.${column}`)), report.responseByStreet.map((row) => (row.response
    ? [row.name, String(row.response.addresses), String(row.response.eligible), String(row.response.completed), row.response.responseRate] : [row.name, '–', '–', '–', '–'])),
  [0.4, 0.15, 0.15, 0.15, 0.15], say('pdf.responseTable.caption'));
  writer.heading(1, say('pdf.whoTookPart'));
  if (report.profile.length === 0) writer.note(say('pdf.noProfile'));
  for (const question of report.profile) writer.table([`${question.question} (${question.answered})`, ''], question.rows.map((row) => [row.label, row.share]), [0.7, 0.3]);
  writer.heading(1, say('pdf.themes'));
  unitFigures(writer, report.section, say);
  chartsOf(writer, report, charts, (chart) => chart.chart === 'weighted-gaps');
  for (const theme of report.themes) {
    writer.heading(2, theme.name);
    writer.paragraph(theme.text);
    if (theme.ranking) writer.paragraph(theme.ranking);
  }
  writer.heading(1, say('pdf.streetsAndTypes'));
  chartsOf(writer, report, charts, (chart) => chart.chart === 'streets-heatmap');
  for (const type of report.streetTypes) {
    writer.heading(2, type.heading);
    writer.paragraph(type.text);
  }
  writer.heading(1, say('pdf.groups'));
  if (report.groups.length === 0) writer.note(say('pdf.noGroups'));
  // Themes as rows and groups as columns: theme names are long single words that an A4 column cannot hold side by side.
  for (const group of report.groups) {
    const share = 0.7 / Math.max(1, group.rows.length);
    writer.table(
      [say('pdf.themeTable.theme'), ...group.rows.map((row) => say('pdf.groupColumn', { label: row.label, n: row.n }))],
      group.dimensions.map((dimension, index) => [dimension, ...group.rows.map((row) => row.cells[index]!)]),
      [0.3, ...group.rows.map(() => share)], say('pdf.groupCaption', { question: group.question }),
    );
  }
  writer.heading(1, say('pdf.comments'));
  writer.paragraph(report.commentsNote);
  for (const comment of report.comments) writer.paragraph(`“${comment}”`);
  writer.heading(1, say('pdf.recommendations'));
  recommendations(writer, report.section, 'full', say);
  if (report.methodSummary.length > 0) {
    writer.heading(2, say('pdf.methodsAcrossStreets'));
    for (const row of report.methodSummary) writer.paragraph(row.text, { boldLead: `${row.method}:` });
  }
  writer.heading(1, say('pdf.perStreet'), { newPage: true });
  for (const street of report.streets) {
    writer.heading(2, street.street.name);
    unitFigures(writer, street.section, say);
    recommendations(writer, street.section, 'short', say);
  }
  writer.heading(1, say('pdf.appendix'), { newPage: true });
  for (const paragraph of report.appendix.paragraphs) writer.paragraph(paragraph);
  writer.table([say('pdf.thresholdTable.threshold'), say('pdf.thresholdTable.value')], report.appendix.thresholds.map((row) => [row.label, row.value]), [0.7, 0.3]);
  writer.table(['theme', 'actual', 'desired', 'note'].map((column) => say(`pdf.reliabilityTable.${column}`)),
    report.appendix.reliability.map((row) => [row.name, row.actual, row.desired, row.note]), [0.35, 0.15, 0.15, 0.35], say('pdf.reliabilityTable.caption'));
  writer.heading(2, say('pdf.provenance'));
  for (const row of report.appendix.provenance) writer.paragraph(`${row.verified ? '' : say('pdf.notVerified')}${row.basis} ${row.note}`, { boldLead: `${row.instrument}:` });
}

/** The PDF of a report; `say` gives its fixed words (reports/wording.json). */
export async function renderReportPdf(model: ReportModel, charts: Charts, say: Translate): Promise<Buffer> {
  const kindName = model.kind === 'street' ? say('pdf.streetReport') : say('pdf.neighbourhoodReport');
  const writer = new PdfWriter({ title: `${kindName} ${model.title}`, subject: model.header.studyName });
  const { header } = model;
  writer.doc.font('DejaVu-Bold').fontSize(20).text(`${kindName}: ${model.title}`, { width: writer.width });
  writer.doc.moveDown(0.3);
  writer.paragraph(`${header.studyName}${header.isDemo ? say('pdf.demo') : ''}`);
  writer.note(say('pdf.meta', { commissioner: header.commissioner, area: header.area, date: header.generatedOn, version: header.dataVersion }));
  if (model.kind === 'street') {
    streetBody(writer, model, charts, say);
  } else {
    // Reserve pages for the table of contents: about 48 entries fit on a page.
    const entries = 9 + model.themes.length + model.streetTypes.length + model.streets.length + 3;
    const tocPages = Math.ceil(entries / 48);
    const tocStart = writer.currentPage() + 1;
    for (let page = 0; page < tocPages; page++) writer.doc.addPage();
    neighbourhoodBody(writer, model, charts, say);
    writer.writeToc(tocStart, writer.toc, say('pdf.contents'));
  }
  return writer.finish(say('pdf.footer', { study: header.studyName, kind: kindName, title: model.title, date: header.generatedOn }), (page, pages) => say('pdf.pageOf', { page, pages }));
}
