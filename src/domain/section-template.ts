// The municipality's fixed section template for a case presentation (sagsfremstilling): the
// headings a new item starts with. Stored per body as JSON; null means the default below.
import type { SectionKind } from './agenda-item.js';
import { sectionKinds } from './agenda-item.js';
import { DomainError } from './errors.js';

export interface SectionTemplateEntry {
  kind: SectionKind;
  heading: string;
}
export type SectionTemplate = SectionTemplateEntry[];

export const defaultSectionTemplate: readonly SectionTemplateEntry[] = [
  { kind: 'summary', heading: 'Resumé' },
  { kind: 'recommendation', heading: 'Indstilling' },
  { kind: 'presentation', heading: 'Sagsfremstilling' },
  { kind: 'economy', heading: 'Økonomi og finansiering' },
  { kind: 'communication', heading: 'Kommunikation' },
  { kind: 'history', heading: 'Sagens forløb' },
  { kind: 'attachments', heading: 'Bilag' },
];

export const MAX_TEMPLATE_SECTIONS = 30;

/** Validates a template from a client; throws invalid_input with the offending field. */
export function validateSectionTemplate(input: unknown): SectionTemplate {
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_TEMPLATE_SECTIONS) {
    throw new DomainError('invalid_input', `Skabelonen skal have mellem 1 og ${MAX_TEMPLATE_SECTIONS} afsnit`, 'template');
  }
  const seen = new Set<string>();
  return input.map((entry: unknown, i) => {
    const e = (entry ?? {}) as { kind?: unknown; heading?: unknown };
    const heading = typeof e.heading === 'string' ? e.heading.trim() : '';
    if (heading === '' || heading.length > 120)
      throw new DomainError('invalid_input', `Afsnit ${i + 1} mangler en overskrift (højst 120 tegn)`, `template[${i}].heading`);
    if (seen.has(heading.toLowerCase())) throw new DomainError('invalid_input', `Overskriften »${heading}« står to gange`, `template[${i}].heading`);
    seen.add(heading.toLowerCase());
    const kind = e.kind === undefined ? 'other' : e.kind;
    if (typeof kind !== 'string' || !(sectionKinds as readonly string[]).includes(kind)) {
      throw new DomainError('invalid_input', `Afsnit ${i + 1} har en ukendt type`, `template[${i}].kind`);
    }
    return { kind: kind as SectionKind, heading };
  });
}

/** The stored JSON, or the default when none (or unreadable). */
export function parseStoredTemplate(json: string | null | undefined): SectionTemplate {
  if (!json) return [...defaultSectionTemplate];
  try {
    return validateSectionTemplate(JSON.parse(json));
  } catch {
    return [...defaultSectionTemplate];
  }
}
