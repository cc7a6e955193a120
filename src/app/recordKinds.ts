/**
 * The add-on's kinds of sealed records (platform/sealedRows.ts): the log, and the districts'
 * submissions, whose journal is the log (a submission's log row names it).
 */
import type { RecordKind } from '../platform/sealedRows';

/** The log's rows. */
export const LOG_RECORDS: RecordKind = { domain: 'log', stateKey: 'otop.log.records', legacyKey: 'otop.log' };

/** The districts' submissions, named by their log rows. */
export const SUBMISSION_RECORDS: RecordKind = {
  domain: 'submission',
  stateKey: 'otop.submissions.records',
  legacyKey: 'otop.submissions',
  journal: LOG_RECORDS,
};

// — reports kept as records
/** The reports made (features/reports/store/reportRecordSheet.ts): each report's record, sealed. */
export const REPORT_RECORDS: RecordKind = {
  domain: 'report',
  stateKey: 'otop.reports.records',
  legacyKey: 'otop.reports',
};
