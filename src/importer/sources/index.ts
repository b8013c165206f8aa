// The structured source readers, in detection order: the first whose detect() names a main
// file reads the unit. Text and PDF files that no reader claims go through the text parser
// (importer/parse), as before.
import { acadreReader } from './acadre/index.js';
import { edocReader } from './edoc/index.js';
import { firstAgendaHtmlReader } from './firstagenda/html-reader.js';
import { firstAgendaJsonReader } from './firstagenda/json-reader.js';
import { oparlReader } from './oparl/reader.js';
import { sbsysReader } from './sbsys/index.js';
import type { SourceReader } from './source.js';

export type { SourceReader, SourceResult, UnitFiles, ReadOptions, UnitFileNote } from './source.js';

export const sourceReaders: readonly SourceReader[] = [firstAgendaJsonReader, firstAgendaHtmlReader, oparlReader, sbsysReader, acadreReader, edocReader];
