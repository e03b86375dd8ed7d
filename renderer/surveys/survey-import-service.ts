import { decodeSurveyBytes } from '../../shared/surveys/decode-survey-bytes';
import { parseSurveyTable, type SurveyFileProblem, type SurveyTable } from '../../shared/surveys/parse-survey-table';
import { planSurveyColumns } from '../../shared/surveys/plan-survey-columns';
import { plannedQuestionKeys, readSurveyResponses } from '../../shared/surveys/read-survey-responses';
import { detectSurveyFileKind } from '../../shared/surveys/detect-survey-file-kind';
import type { PlannedResponse } from '../../shared/surveys/survey-import-plan';
import { readSurveyWorkbook } from '../../shared/surveys/read-survey-workbook';
import { suggestNoteColumns } from '../../shared/surveys/suggest-note-columns';
import type { DiscoveryDb } from '../db/discovery-db';
import { isUserError } from '../../shared/errors/user-error';
import { classifyWriteError } from '../db/classify-write-error';
import type { RepositoryDependencies } from '../db/repositories/repository-dependencies';
import { SurveyImportCancelledError, writeSurveyImport } from '../db/repositories/survey-import-writer';
import { createPeopleRepository } from '../db/repositories/people-repository';
import { createSurveysRepository, type SurveyMatch } from '../db/repositories/surveys-repository';
import type { SurveyImportReply, SurveyImportRequest, SurveyImportStage } from './survey-import-protocol';

export interface SurveyImportServiceOptions extends RepositoryDependencies {
  readonly openDb: (name: string) => Promise<DiscoveryDb>;
  /** Least time between two progress messages of one stage. */
  readonly progressIntervalMs?: number;
  readonly now?: () => number;
}

export interface SurveyImportService {
  handle(request: SurveyImportRequest): Promise<void>;
}

/** Responses shown in the preview table. */
const SAMPLE_ROWS = 5;
/** A stored survey is offered for a re-import when at least this share of its questions are in the file. */
const MATCH_THRESHOLD = 0.5;

/** What an unexpected failure says: the exception's own text goes to the worker's console, never to the screen. */
const WRITE_FAILED = 'Nothing was imported: the responses could not be stored. Try again; if it keeps failing, reload the app and import the file again.';
const READ_FAILED =
  'The file could not be read: something unexpected went wrong while reading it, and nothing was saved. Check that it is a CSV, TSV or XLSX survey export and try again; if it keeps failing, export it again from the survey tool.';

const fileProblem = (message: string, row: number | null = null): SurveyFileProblem => ({ row, message });

/** The file's responses read with some questions given their stored keys, or undefined when they do not read. */
type ResponsesFor = (renamedKeys: ReadonlyMap<string, string> | undefined) => readonly PlannedResponse[] | undefined;

const renamedKeysOf = (match: SurveyMatch): ReadonlyMap<string, string> | undefined =>
  match.renamedKeys === undefined ? undefined : new Map(Object.entries(match.renamedKeys));

/**
 * The stored surveys this file may be a newer export of: those sharing at least half their
 * questions with it (questions renamed slightly count, matched by their words), and those already
 * holding some of its responses (matched by respondent key: the response id, or without one the
 * email or the answers themselves, read with the stored keys of renamed questions). Each says how
 * many of the file's responses are new, unchanged and changed. Best first: most responses held, then overlap.
 */
async function findMatches(surveys: ReturnType<typeof createSurveysRepository>, keys: ReadonlySet<string>, responsesFor: ResponsesFor): Promise<SurveyMatch[]> {
  if (keys.size === 0) return [];
  // A response can only be held by a survey that shares a question with the file.
  const candidates = (await surveys.findByQuestionKeys(keys, Number.MIN_VALUE)).filter((match) => match.overlap > 0);
  const counted: SurveyMatch[] = [];
  for (const match of candidates) {
    const responses = responsesFor(renamedKeysOf(match));
    const counts = responses === undefined ? undefined : (await surveys.compareResponses(responses, [match.surveyId])).get(match.surveyId);
    counted.push(counts === undefined ? match : { ...match, responses: counts });
  }
  const held = (match: SurveyMatch) => (match.responses === undefined ? 0 : match.responses.unchanged + match.responses.changed);
  return counted
    .filter((match) => match.overlap >= MATCH_THRESHOLD || held(match) > 0)
    .sort((a, b) => held(b) - held(a) || b.overlap - a.overlap || a.title.localeCompare(b.title));
}

/**
 * The survey import worker's logic, apart from the worker so tests can drive it. `read` decodes,
 * parses and plans the file and answers with a preview (nothing written); `import` reads every
 * response with the user's corrected columns and writes them in one transaction; `cancel` during
 * the write aborts that transaction, so nothing is left behind.
 */
export function createSurveyImportService(post: (reply: SurveyImportReply) => void, options: SurveyImportServiceOptions): SurveyImportService {
  const { openDb, progressIntervalMs = 100, now = () => performance.now(), clock, newId } = options;
  let table: SurveyTable | null = null;
  let fileName = '';
  let db: DiscoveryDb | null = null;
  let importing: AbortController | null = null;
  /** Per offered survey, its questions renamed in this file: an import into it reads them with their stored keys. */
  let renamedBySurvey = new Map<string, ReadonlyMap<string, string>>();
  let lastProgressAt = Number.NEGATIVE_INFINITY;
  let lastStage: SurveyImportStage | null = null;

  const progress = (stage: SurveyImportStage, done: number, total: number) => {
    const at = now();
    // Stage changes and the end of a stage always go out; the rest at most every interval.
    if (stage === lastStage && done < total && at - lastProgressAt < progressIntervalMs) return;
    lastStage = stage;
    lastProgressAt = at;
    post({ type: 'progress', stage, done, total });
  };

  const fail = (problems: readonly SurveyFileProblem[]) => post({ type: 'failed', problems, wroteNothing: true });

  const read = async (request: Extract<SurveyImportRequest, { type: 'read' }>) => {
    fileName = request.fileName;
    const source = request.bytes;
    const bytes = new Uint8Array('arrayBuffer' in source ? await source.arrayBuffer() : source);
    progress('reading', 0, bytes.byteLength);
    const kind = detectSurveyFileKind(bytes, request.fileName);
    if (kind.kind === 'unsupported') return fail([kind.problem]);
    let encoding: string | undefined;
    let decodeNotice: string | undefined;
    progress('parsing', 0, 1);
    let parsed;
    if (kind.kind === 'xlsx') {
      parsed = await readSurveyWorkbook(bytes);
    } else {
      const decoded = decodeSurveyBytes(bytes);
      encoding = decoded.encoding;
      decodeNotice = decoded.notice;
      parsed = parseSurveyTable(decoded.text);
    }
    if (!parsed.ok) return fail([parsed.problem]);
    table = parsed.table;
    const delimiter = kind.kind === 'text' ? table.delimiter : undefined;
    progress('planning', 0, 1);
    const guessed = planSurveyColumns(table, { fileName: request.fileName });
    const planned = { ...guessed, columns: suggestNoteColumns(table, guessed.columns) };
    const plan = decodeNotice === undefined ? planned : { ...planned, notices: [decodeNotice, ...planned.notices] };
    progress('checking', 0, 1);
    const checked = readSurveyResponses(table, plan.columns);
    progress('matching', 0, 1);
    db = await openDb(request.databaseName);
    // Question keys come from the columns even when some answers do not read yet, so an earlier
    // import of this file is offered whatever the state of the preview.
    const keys = new Set(checked.ok ? checked.questions.map((question) => question.key) : plannedQuestionKeys(table, plan.columns));
    const readTable = table;
    const matches = await findMatches(createSurveysRepository(db), keys, (renamedKeys) => {
      if (!checked.ok) return undefined;
      if (renamedKeys === undefined) return checked.responses;
      const renamed = readSurveyResponses(readTable, plan.columns, { renamedKeys });
      return renamed.ok ? renamed.responses : undefined;
    });
    renamedBySurvey = new Map(matches.flatMap((match) => {
      const renamed = renamedKeysOf(match);
      return renamed === undefined ? [] : [[match.surveyId, renamed] as const];
    }));
    const recentlySurveyed = checked.ok ? await createPeopleRepository(db).recentlySurveyed(checked.responses, clock?.() ?? Date.now()) : undefined;
    post({
      type: 'preview',
      preview: {
        fileName: request.fileName,
        fileKind: kind.kind,
        ...(encoding === undefined ? {} : { encoding }),
        ...(delimiter === undefined ? {} : { delimiter }),
        plan,
        sampleRows: table.rows.slice(0, SAMPLE_ROWS),
        problems: checked.ok ? [] : checked.problems,
        matches,
        ...(recentlySurveyed === undefined || recentlySurveyed.people === 0 ? {} : { recentlySurveyed }),
      },
    });
  };

  const write = async (request: Extract<SurveyImportRequest, { type: 'import' }>) => {
    if (table === null || db === null) return fail([fileProblem('No file has been read yet; choose the file again.')]);
    progress('checking', 0, 1);
    const renamedKeys = request.surveyId === undefined ? undefined : renamedBySurvey.get(request.surveyId);
    const checked = readSurveyResponses(table, request.columns, renamedKeys === undefined ? {} : { renamedKeys });
    if (!checked.ok) return fail(checked.problems);
    const controller = new AbortController();
    importing = controller;
    try {
      const summary = await writeSurveyImport(
        db,
        {
          ...(request.surveyId === undefined ? {} : { surveyId: request.surveyId }),
          title: request.title,
          sourceFileName: fileName,
          format: table.format,
          questions: checked.questions,
          responses: checked.responses,
        },
        {
          signal: controller.signal,
          onProgress: (update) => progress(update.stage, update.done, update.total),
          ...(clock === undefined ? {} : { clock }),
          ...(newId === undefined ? {} : { newId }),
        },
      );
      post({ type: 'imported', summary });
    } catch (error) {
      if (error instanceof SurveyImportCancelledError || controller.signal.aborted) {
        post({ type: 'cancelled' });
        return;
      }
      const classified = classifyWriteError(error);
      if (!isUserError(classified)) console.error('The survey import could not be written', error);
      fail([fileProblem(isUserError(classified) ? `Nothing was imported: ${classified.message}` : WRITE_FAILED)]);
    } finally {
      importing = null;
    }
  };

  return {
    async handle(request) {
      try {
        switch (request.type) {
          case 'read':
            await read(request);
            return;
          case 'import':
            await write(request);
            return;
          case 'cancel':
            if (importing === null) post({ type: 'cancelled' });
            else importing.abort();
            return;
        }
      } catch (error) {
        if (!isUserError(error)) console.error('The survey file could not be read', error);
        fail([fileProblem(isUserError(error) ? error.message : READ_FAILED)]);
      }
    },
  };
}
