/** Everything a report model is built from: the analysis of the study and the data beside it. */
import type { Instrument } from '../domain/instrument.js';
import type { ReportDefinitions } from '../report-definitions/load-report-definitions.js';
import type { Intervention } from '../domain/intervention.js';
import type { StudyAnalysis } from '../domain/study-analysis.js';
import type { Language } from '../domain/instrument.js';

export interface ReportContext {
  analysis: StudyAnalysis;
  /** The contactladder version the analysis used. */
  instrument: Instrument;
  definitions: ReportDefinitions;
  header: ReportHeader;
  /** For a follow-up wave: interventions recorded in the earlier wave, with their street's name. */
  previousInterventions: (Intervention & { streetName: string; neighbourhood: string })[];
  /** Residents' comments a coordinator approved, as reviewed (redacted), with their neighbourhood. */
  comments: { neighbourhoodId: number; text: string }[];
  /** The instruments of the study, for the method appendix. */
  instruments: Instrument[];
}

/** What a report says of itself: the study, who commissioned it, its language, when it was made and from which data. */
export interface ReportHeader {
  studyName: string;
  commissioner: string;
  area: string;
  isDemo: boolean;
  /** The report's language: every word of the report and of its charts is in it. */
  language: Language;
  generatedOn: string;
  dataVersion: string;
}
