// The administration services' input checks: a zod schema whose messages are the Danish
// texts to show; the first problem becomes an invalid_input DomainError naming its field, so
// the screens (and any other caller) say which field is wrong.
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new DomainError('invalid_input', issue?.message ?? 'Ugyldige data', issue?.path.map(String).join('.') || undefined);
}

const validDay = (v: string): boolean => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

export const day = (label: string) =>
  z
    .string({ error: `${label} skal udfyldes` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} skal skrives ÅÅÅÅ-MM-DD`)
    .refine(validDay, `${label} er ikke en gyldig dato`);

/** An optional day: '' or missing is null. */
export const optionalDay = (label: string) =>
  z
    .union([z.literal('').transform(() => null), z.null(), day(label)])
    .optional()
    .transform((v) => v ?? null);

export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} skal udfyldes` })
    .trim()
    .min(1, `${label} skal udfyldes`)
    .max(max, `${label} må højst være ${max} tegn`);

/** An optional text: blank is null. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} må højst være ${max} tegn`)
    .nullish()
    .transform((v) => (v ? v : null));

/** Throws unless a period's end (if any) is on or after its start; `field` is the end's name. */
export function checkPeriod(startDate: string | null, endDate: string | null, field: string): void {
  if (startDate !== null && endDate !== null && endDate < startDate) throw new DomainError('invalid_input', 'Slutdatoen skal ligge efter startdatoen', field);
}

/** An e-mail address or nothing (an empty field is null). */
export const optionalEmail = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || (v.length <= 254 && z.email().safeParse(v).success), 'E-mailadressen er ikke gyldig');
