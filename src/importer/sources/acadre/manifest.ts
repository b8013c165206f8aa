// The Acadre export's manifest, XML_<agenda>.xml: the committee, the meeting, the agenda and
// every agenda produced from it (<table name="producedAgenda">, one <fields> each: its XML
// file, document, type 1 Dagsorden / 2 Referat, publish flag and date). An export may hold
// several; the reader reads the published minutes, else the latest published agenda.
import type { Element } from 'domhandler';
import type { ParseWarning } from '../../model.js';
import { unitName } from '../folder-export.js';
import { sourceWarning, type UnitFiles } from '../source.js';
import { attributeRows, type Row, table } from './tables.js';

export interface Manifest {
  committee: Row;
  meeting: Row;
  agenda: Row;
  produced: Row[];
}

export interface Produced {
  row: Row;
  /** The unit's name of its XML file. */
  file: string;
  kind: 'dagsorden' | 'referat';
  /** The folder of its files ("Files_1863_3687982"), when the manifest names one. */
  filesFolder: string | null;
}

const merged = (rows: readonly Row[]): Row => Object.assign({}, ...rows) as Row;

export function readManifest(root: Element): Manifest {
  return {
    committee: merged(attributeRows(table(root, 'committee'))),
    meeting: merged(attributeRows(table(root, 'meeting'))),
    agenda: merged(attributeRows(table(root, 'agenda'))),
    produced: attributeRows(table(root, 'producedAgenda')),
  };
}

const kindOf = (row: Row): Produced['kind'] => (row['type'] === '2' || /referat/iu.test(row['comment'] ?? '') ? 'referat' : 'dagsorden');
const published = (row: Row): boolean => row['publish'] === '1';
const when = (row: Row): string => row['publishDate'] || row['createdDate'] || '';

/**
 * The produced agenda to read, among those whose XML the folder has: published minutes, else
 * the latest published one, else the latest present. Says which in a warning when it chose.
 */
export function chooseProduced(manifest: Manifest, unit: UnitFiles, folder: string, warnings: ParseWarning[]): Produced | null {
  const present = manifest.produced.flatMap((row) => {
    const file = row['xmlfilename'] ? unitName(unit, `${folder}${row['xmlfilename']}`) : null;
    return file ? [{ row, file, kind: kindOf(row), filesFolder: row['filesfolder'] || null }] : [];
  });
  const latest = (list: Produced[]): Produced | undefined => [...list].sort((a, b) => when(b.row).localeCompare(when(a.row)))[0];
  const chosen = latest(present.filter((p) => published(p.row) && p.kind === 'referat')) ?? latest(present.filter((p) => published(p.row))) ?? latest(present);
  if (!chosen) return null;
  if (manifest.produced.length > 1) {
    const others = manifest.produced
      .filter((r) => r !== chosen.row)
      .map((r) => `${r['comment'] || r['xmlfilename'] || '?'}${unitName(unit, `${folder}${r['xmlfilename'] ?? ''}`) ? '' : ' (ikke i mappen)'}`);
    warnings.push(
      sourceWarning(
        'produced_agenda_chosen',
        `Eksporten har ${manifest.produced.length} udgaver; læst: ${chosen.row['comment'] || chosen.file} (${chosen.kind}${published(chosen.row) ? ', offentliggjort' : ''}, ${chosen.file}); ikke læst: ${others.join(', ')}.`,
      ),
    );
  }
  return chosen;
}
