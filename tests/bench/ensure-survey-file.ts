import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSurvey } from './generate-survey';
import { surveyCsvLines, type SurveyFileShape } from './survey-csv-lines';

export interface SurveyFile {
  readonly path: string;
  readonly bytes: number;
  /** False when an earlier run had already written it. */
  readonly isNew: boolean;
}

export interface SurveyFileOptions {
  readonly cacheDir: string;
  readonly shape: SurveyFileShape;
  readonly seed: number;
  readonly responseCount: number;
}

/**
 * Writes the survey file for these options into `cacheDir/surveys` unless an earlier run did.
 * The name holds every option, so a cached file is always the one the seed produces.
 */
export async function ensureSurveyFile({ cacheDir, shape, seed, responseCount }: SurveyFileOptions): Promise<SurveyFile> {
  const directory = join(cacheDir, 'surveys');
  const path = join(directory, `${shape}-${responseCount}x20-seed${seed}.csv`);
  const existing = await stat(path).catch(() => undefined);
  if (existing !== undefined) return { path, bytes: existing.size, isNew: false };

  await mkdir(directory, { recursive: true });
  const partialPath = `${path}.partial`;
  const stream = createWriteStream(partialPath, { encoding: 'utf8' });
  for (const line of surveyCsvLines(generateSurvey({ seed, responseCount }), shape)) {
    if (!stream.write(line)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  // Renamed only once complete, so an interrupted run never leaves a short file behind as cached.
  await rename(partialPath, path);
  const { size } = await stat(path);
  return { path, bytes: size, isNew: true };
}
