// A plain ParsedDocument item for unit tests of the importer's later stages (mapping, guards):
// an open item with nothing but what a test sets.
import type { ParsedItem } from '../../src/importer/model.js';

export function parsedItem(over: Partial<ParsedItem> = {}): ParsedItem {
  return {
    number: '1',
    order: 1,
    title: 'Godkendelse af dagsorden',
    committees: [],
    public: true,
    caseNumber: null,
    decision: null,
    absent: [],
    sections: [],
    attachments: [],
    history: [],
    line: null,
    page: null,
    ...over,
  };
}
