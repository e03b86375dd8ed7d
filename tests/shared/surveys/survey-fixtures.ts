import { readFileSync } from 'node:fs';
import { decodeSurveyBytes } from '../../../shared/surveys/decode-survey-bytes';
import { parseSurveyTable, type SurveyFileProblem, type SurveyTable } from '../../../shared/surveys/parse-survey-table';

/** The bytes of a hand-written fixture in tests/fixtures/surveys/. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/surveys/${name}`, import.meta.url)));
}

/** A real export, read in place from ../shared/real-surveys beside the clone (never copied in). */
export function realSurveyBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../../shared/real-surveys/${name}`, import.meta.url)));
}

/** Decodes and parses survey bytes as the importer does, or throws with the parser's problem. */
export function tableOf(bytes: Uint8Array): SurveyTable {
  const result = parseSurveyTable(decodeSurveyBytes(bytes).text);
  if (!result.ok) throw new Error(`row ${result.problem.row}: ${result.problem.message}`);
  return result.table;
}

/** The problem that stops the import of a fixture the parser must refuse. */
export function parseProblemOf(bytes: Uint8Array): SurveyFileProblem {
  const result = parseSurveyTable(decodeSurveyBytes(bytes).text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problem;
}

/** A table from rows written in a test: the first `headerRowCount` rows are headers. */
export function tableFromRows(rows: readonly (readonly string[])[], format: SurveyTable['format'] = 'generic', headerRowCount = 1): SurveyTable {
  return { headerRows: rows.slice(0, headerRowCount), rows: rows.slice(headerRowCount), delimiter: ',', format };
}
