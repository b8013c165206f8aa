// The `oparl` reader: one JSON file holding an OParl 1.1 Meeting with its agenda items
// embedded (what `GET /meeting/<id>` answers), e.g. `protokol parse meeting.json`. References
// that are only URLs stay unresolved (a file cannot fetch); `protokol sync oparl` resolves them.
import { DomainError } from '../../../domain/errors.js';
import type { SourceReader } from '../source.js';
import { OPARL_FORMAT, parseOparlMeeting } from './meeting.js';
import { gatherObjects, isObject, typeName } from './objects.js';

const MEETING_TYPE = /"type"\s*:\s*"https?:\/\/schema\.oparl\.org\/1\.[01]\/Meeting"/;

export const oparlReader: SourceReader = {
  format: OPARL_FORMAT,
  label: 'OParl-møde (JSON)',
  unit: 'file',
  async detect(unit, head) {
    for (const name of unit.list()) {
      if (!/\.json$/i.test(name)) continue;
      const text = await head(name);
      if (text && text.trimStart().startsWith('{') && MEETING_TYPE.test(text)) return name;
    }
    return null;
  },
  async read(unit, main, options) {
    const where = `${unit.root === main ? main : `${unit.root}/${main}`}`;
    const bytes = await unit.read(main);
    if (!bytes) throw new DomainError('not_found', `${where}: no such file`, where);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new DomainError('invalid_input', `${where}: not valid JSON (${(e as Error).message})`, where);
    }
    if (!isObject(json) || typeName(json) !== 'Meeting') {
      throw new DomainError('invalid_input', `${where}: not an OParl Meeting object (its "type" must be https://schema.oparl.org/1.1/Meeting)`, where);
    }
    const doc = parseOparlMeeting(json, gatherObjects(json), { municipality: options.municipality ?? null, url: null });
    return { doc, used: [main], missing: [] };
  },
};
