import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeSurveyBytes } from '../../../shared/surveys/decode-survey-bytes';
import { parseSurveyTable, type SurveyFileProblem, type SurveyTable } from '../../../shared/surveys/parse-survey-table';

/** The bytes of a hand-written fixture in tests/fixtures/surveys/. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/surveys/${name}`, import.meta.url)));
}

/**
 * The folder of real exports: ../shared/real-surveys beside the clone, or REAL_SURVEYS_DIR (a
 * worktree elsewhere). They are read in place, never copied into the repository.
 */
export const REAL_SURVEYS_DIR = process.env.REAL_SURVEYS_DIR ?? fileURLToPath(new URL('../../../../shared/real-surveys', import.meta.url));
/** Tests of the real exports skip, saying why, when the folder is not there. */
export const HAS_REAL_SURVEYS = existsSync(REAL_SURVEYS_DIR);
export const NO_REAL_SURVEYS_REASON = `the real exports are not at ${REAL_SURVEYS_DIR} (set REAL_SURVEYS_DIR)`;

/** A real export, read in place from ../shared/real-surveys beside the clone (never copied in). */
export function realSurveyBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${REAL_SURVEYS_DIR}/${name}`));
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
