/**
 * Turns a street or neighbourhood report model into its document: the title,
 * the header line, the running header and the blocks. The one place where a
 * report gets its words.
 */
import type { Translate } from '../i18n/translate.js';
import { chartsOf, type ReportDocument } from './document.js';
import { neighbourhoodBlocks } from './neighbourhood-document.js';
import type { NeighbourhoodReportModel } from './neighbourhood-report.js';
import { streetBlocks } from './street-document.js';
import type { StreetReportModel } from './street-report.js';

export type ReportModel = StreetReportModel | NeighbourhoodReportModel;

export function reportDocument(model: ReportModel, say: Translate): ReportDocument {
  const kindName = model.kind === 'street' ? say('document.streetReport') : say('document.neighbourhoodReport');
  const { header } = model;
  const blocks = model.kind === 'street' ? streetBlocks(model, say) : neighbourhoodBlocks(model, say);
  return {
    kind: model.kind, lang: header.language === 'nl' ? 'nl-NL' : 'en-GB', kindName, title: model.title, studyName: header.studyName,
    ...(header.isDemo ? { demoBadge: say('document.demoBadge') } : {}),
    meta: say('document.meta', { commissioner: header.commissioner, area: header.area, date: header.generatedOn, version: header.dataVersion }),
    runningHeader: say('document.footer', { study: header.studyName, kind: kindName, title: model.title, date: header.generatedOn }),
    pageOf: say('document.pageOf', { page: '{page}', pages: '{pages}' }),
    blocks, charts: chartsOf(blocks),
  };
}
