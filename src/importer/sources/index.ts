// The structured source readers, in detection order: the first whose detect() names a main
// file reads the unit. Text and PDF files that no reader claims go through the text parser
// (importer/parse), as before.
import { oparlReader } from './oparl/reader.js';
import type { SourceReader } from './source.js';

export type { SourceReader, SourceResult, UnitFiles, ReadOptions, UnitFileNote } from './source.js';

export const sourceReaders: readonly SourceReader[] = [
  // Each reader adds itself here: firstagenda-json, firstagenda-html, sbsys, edoc, acadre, oparl.
  oparlReader,
];
