/**
 * Renders a report model as a PDF (pdf-writer.ts): the same sections, figures,
 * sentences and chart SVGs as the HTML page; a table of contents for the
 * neighbourhood report; the study and date in every page header.
 */
import type { NeighbourhoodReportModel } from './neighbourhood-report';
import { PdfWriter } from './pdf-writer';
import type { RenderedChart } from './render-chart';
import type { ReportModel } from './render-html';
import { noResponseSentence, type ChartData, type StreetReportModel } from './street-report';
import { noNeedStatement, type UnitSection } from './unit-section';

type Charts = Map<ChartData, RenderedChart>;

function unitFigures(writer: PdfWriter, section: UnitSection): void {
  if (section.kind === 'suppressed') {
    writer.note(section.reason);
    return;
  }
  writer.paragraph(section.summary);
  writer.table(
    ['Thema', 'Nu', 'Gewenst', 'Belang', 'Gewogen kloof', '95%-interval', 'Wil meer', 'Tevreden', 'Wil minder'],
    section.dimensions.map((row) => [`${row.name}${row.startingPoint ? ' (aangrijpingspunt)' : ''}`, row.actual, row.desired, row.importance, row.weightedGap, row.interval, row.wantingImprovement, row.satisfied, row.wantingLess]),
    [0.22, 0.06, 0.09, 0.08, 0.1, 0.17, 0.09, 0.09, 0.1],
  );
}

function recommendations(writer: PdfWriter, section: UnitSection, detail: 'full' | 'short'): void {
  if (section.kind !== 'shown') return;
  if (section.noNeed) {
    writer.paragraph(noNeedStatement.text, { boldLead: noNeedStatement.lead });
  } else {
    section.startingPoints.forEach((point, index) => writer.paragraph(`${index + 1}. ${point.text}.`));
  }
  // The "no need" statement above is the whole recommendation; otherwise every rule that fired, also one whose method is listed above.
  for (const recommendation of section.noNeed ? [] : section.recommendations) {
    writer.paragraph(`${recommendation.rationale}${recommendation.methods.length === 0 ? ' (Zie de methode hierboven.)' : ''}`);
    const tags = `Zekerheid: ${recommendation.confidence === 'high' ? 'hoog (direct gemeten)' : 'laag (indirect signaal)'} · ${recommendation.scope === 'collective' ? 'collectief' : 'verwijzing via een professional'} · regel ${recommendation.ruleId}`;
    writer.note(tags);
    for (const method of recommendation.methods) {
      if (detail === 'short') {
        writer.paragraph(`${method.goal}`, { boldLead: `${method.name}:` });
        continue;
      }
      writer.paragraph(`${method.goal} ${method.approach}`, { boldLead: method.name });
      writer.table(['', ''], [
        ['Voor wie', method.forWhom], ['Door wie', method.byWhom], ['Tijd', method.investment.time], ['Training', method.investment.training],
        ['Meer weten', `Wegwijzer "Aan de slag met sociale netwerken", p. ${method.page}`],
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

function streetBody(writer: PdfWriter, report: StreetReportModel, charts: Charts): void {
  writer.heading(2, 'Respons');
  writer.paragraph(report.response?.sentence ?? noResponseSentence);
  writer.heading(2, 'Contactladder per thema');
  unitFigures(writer, report.section);
  chartsOf(writer, report, charts, (chart) => chart.chart !== 'street-ladder');
  if (report.comparison) writer.paragraph(report.comparison.sentence);
  if (report.streetType) writer.paragraph(report.streetType.sentence);
  if (report.ladder) {
    writer.heading(2, 'Straatladder');
    if (report.ladder.kind === 'suppressed') writer.note(report.ladder.reason);
    else {
      writer.paragraph(report.ladder.view.sentence);
      chartsOf(writer, report, charts, (chart) => chart.chart === 'street-ladder');
    }
  }
  if (report.section.kind === 'shown') {
    writer.heading(2, 'Aangrijpingspunten en aanbevolen methoden');
    recommendations(writer, report.section, 'full');
  }
  if (report.waves) {
    writer.heading(2, `Verandering sinds ${report.waves.previous}`);
    writer.table(['Thema', 'Toen', 'Nu', 'Verandering', '95%-interval'], report.waves.rows.map((row) => [row.name, row.previous, row.current, `${row.change}${row.clear ? ' (duidelijk)' : ''}`, row.interval]), [0.3, 0.12, 0.12, 0.2, 0.26]);
    if (report.waves.currentRung) writer.paragraph(`Straatladder, gemiddelde trede nu: ${report.waves.currentRung}.`);
    writer.paragraph(report.waves.interventionsSentence);
  }
}

function neighbourhoodBody(writer: PdfWriter, report: NeighbourhoodReportModel, charts: Charts): void {
  writer.heading(1, 'Methode en respons', { newPage: true });
  writer.paragraph(report.methodIntro);
  if (report.responseSentence) writer.paragraph(report.responseSentence);
  writer.table(['Straat', 'Adressen', 'In aanmerking', 'Interviews', 'Respons'], report.responseByStreet.map((row) => (row.response
    ? [row.name, String(row.response.addresses), String(row.response.eligible), String(row.response.completed), row.response.responseRate] : [row.name, '–', '–', '–', '–'])), [0.4, 0.15, 0.15, 0.15, 0.15], 'Respons per straat');
  writer.heading(1, 'Wie deden er mee');
  if (report.profile.length === 0) writer.note('Te weinig respondenten om het profiel te tonen.');
  for (const question of report.profile) writer.table([`${question.question} (${question.answered})`, ''], question.rows.map((row) => [row.label, row.share]), [0.7, 0.3]);
  writer.heading(1, "Thema's");
  unitFigures(writer, report.section);
  chartsOf(writer, report, charts, (chart) => chart.chart === 'weighted-gaps');
  for (const theme of report.themes) {
    writer.heading(2, theme.name);
    writer.paragraph(theme.text);
    if (theme.ranking) writer.paragraph(theme.ranking);
  }
  writer.heading(1, 'Straten en straattypen');
  chartsOf(writer, report, charts, (chart) => chart.chart === 'streets-heatmap');
  for (const type of report.streetTypes) {
    writer.heading(2, type.heading);
    writer.paragraph(type.text);
  }
  writer.heading(1, 'Verschillen tussen groepen (hele onderzoek)');
  if (report.groups.length === 0) writer.note('Geen groepen groot genoeg om te vergelijken.');
  // Themes as rows and groups as columns: theme names are long single words that an A4 column cannot hold side by side.
  for (const group of report.groups) {
    const share = 0.7 / Math.max(1, group.rows.length);
    writer.table(
      ['Thema', ...group.rows.map((row) => `${row.label} (n = ${row.n})`)],
      group.dimensions.map((dimension, index) => [dimension, ...group.rows.map((row) => row.cells[index]!)]),
      [0.3, ...group.rows.map(() => share)], `${group.question} – gewogen kloof per thema`,
    );
  }
  writer.heading(1, 'Opmerkingen van bewoners');
  writer.paragraph(report.commentsNote);
  for (const comment of report.comments) writer.paragraph(`“${comment}”`);
  writer.heading(1, 'Aanbevelingen');
  recommendations(writer, report.section, 'full');
  if (report.methodSummary.length > 0) {
    writer.heading(2, 'Methoden over de straten heen');
    for (const row of report.methodSummary) writer.paragraph(row.text, { boldLead: `${row.method}:` });
  }
  writer.heading(1, 'Per straat', { newPage: true });
  for (const street of report.streets) {
    writer.heading(2, street.street.name);
    unitFigures(writer, street.section);
    recommendations(writer, street.section, 'short');
  }
  writer.heading(1, 'Methodebijlage', { newPage: true });
  for (const paragraph of report.appendix.paragraphs) writer.paragraph(paragraph);
  writer.table(['Drempel', 'Waarde'], report.appendix.thresholds.map((row) => [row.label, row.value]), [0.7, 0.3]);
  writer.table(['Thema', 'Alfa nu', 'Alfa gewenst', 'Opmerking'], report.appendix.reliability.map((row) => [row.name, row.actual, row.desired, row.note]), [0.35, 0.15, 0.15, 0.35], 'Betrouwbaarheid per thema (Cronbachs alfa)');
  writer.heading(2, 'Herkomst van de vragenlijsten');
  for (const row of report.appendix.provenance) writer.paragraph(`${row.verified ? '' : 'Niet getoetst aan de oorspronkelijke vragenlijst. '}${row.basis} ${row.note}`, { boldLead: `${row.instrument}:` });
}

export async function renderReportPdf(model: ReportModel, charts: Charts): Promise<Buffer> {
  const kindName = model.kind === 'street' ? 'Straatrapport' : 'Buurtrapport';
  const writer = new PdfWriter({ title: `${kindName} ${model.title}`, subject: model.header.studyName });
  const { header } = model;
  writer.doc.font('DejaVu-Bold').fontSize(20).text(`${kindName}: ${model.title}`, { width: writer.width });
  writer.doc.moveDown(0.3);
  writer.paragraph(`${header.studyName}${header.isDemo ? ' (fictieve demogegevens)' : ''}`);
  writer.note(`Opdrachtgever: ${header.commissioner} · Gebied: ${header.area} · Gemaakt op ${header.generatedOn} · Gegevensversie ${header.dataVersion}`);
  if (model.kind === 'street') {
    streetBody(writer, model, charts);
  } else {
    // Reserve pages for the table of contents: about 48 entries fit on a page.
    const entries = 9 + model.themes.length + model.streetTypes.length + model.streets.length + 3;
    const tocPages = Math.ceil(entries / 48);
    const tocStart = writer.currentPage() + 1;
    for (let page = 0; page < tocPages; page++) writer.doc.addPage();
    neighbourhoodBody(writer, model, charts);
    writer.writeToc(tocStart, writer.toc);
  }
  return writer.finish(`${header.studyName} · ${kindName} ${model.title} · ${header.generatedOn}`);
}
