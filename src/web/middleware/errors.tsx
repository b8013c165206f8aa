// The one error path of the web edge (DESIGN.md habit 7): a DomainError's code becomes an
// HTTP status and a Danish page; anything unexpected is logged and shown as a plain 500 page,
// never with a stack trace or the error's message (it may hold SQL or file paths).
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type ErrorCode } from '../../domain/errors.js';
import { Layout } from '../portal/layout.js';
import { sendPage } from '../portal/render.js';

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  invalid_input: 400,
  invalid_transition: 409,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
};

const pageText: Partial<Record<ContentfulStatusCode, { title: string; text: string }>> = {
  400: { title: 'Ugyldig forespørgsel', text: 'Adressen eller de indtastede oplysninger kunne ikke forstås.' },
  403: { title: 'Ingen adgang', text: 'Du har ikke adgang til denne side.' },
  404: { title: 'Siden findes ikke', text: 'Vi kan ikke finde den side, du leder efter. Den kan være flyttet eller slettet.' },
  409: { title: 'Handlingen kan ikke udføres', text: 'Handlingen passer ikke med sagens eller mødets nuværende tilstand.' },
  503: { title: 'Tjenesten er midlertidigt utilgængelig', text: 'Prøv igen om lidt.' },
};
const fallback = { title: 'Der opstod en fejl', text: 'Der skete en uventet fejl på serveren. Prøv igen senere.' };

export function errorPage(c: Context, status: ContentfulStatusCode, baseUrl: string) {
  const { title, text } = pageText[status] ?? fallback;
  return sendPage(
    c,
    <Layout title={title} path={c.req.path} baseUrl={baseUrl} breadcrumbs={[{ label: 'Forside', href: '/' }, { label: title }]}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">Gå til forsiden</a>
      </p>
    </Layout>,
    status,
  );
}

export function notFoundHandler(baseUrl: string): NotFoundHandler {
  return (c) => errorPage(c, 404, baseUrl);
}

export function errorHandler(baseUrl: string, log: (error: unknown) => void = defaultLog): ErrorHandler {
  return (err, c) => {
    if (err instanceof DomainError) return errorPage(c, statusOf[err.code], baseUrl);
    log(err);
    return errorPage(c, 500, baseUrl);
  };
}

function defaultLog(error: unknown): void {
  // The composition root may pass pino instead; stderr keeps unexpected errors visible meanwhile.
  console.error(error);
}
