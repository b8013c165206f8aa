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

/** What a 400 page says the problem is: the request guard's two places, else the parameter. */
function whereText(where: string): string {
  if (where === 'path') return 'Fejlen er i adressen.';
  if (where === 'query') return 'Fejlen er i søgeparametrene.';
  return `Fejlen er i feltet »${where}«.`;
}

export function errorPage(c: Context, status: ContentfulStatusCode, baseUrl: string, where?: string) {
  const { title, text } = pageText[status] ?? fallback;
  return sendPage(
    c,
    <Layout title={title} path={c.req.path} baseUrl={baseUrl} breadcrumbs={[{ label: 'Forside', href: '/' }, { label: title }]}>
      <h1>{title}</h1>
      <p>{text}</p>
      {where ? <p>{whereText(where)}</p> : null}
      <p>
        <a href="/">Gå til forsiden</a>
      </p>
    </Layout>,
    status,
  );
}

// The JSON API (/api/…) answers in JSON, also when something goes wrong: its clients are programs.
const isApi = (c: Context): boolean => c.req.path.startsWith('/api/');
const apiError = (c: Context, status: ContentfulStatusCode, code: string, message: string, field?: string) =>
  c.json({ error: { code, ...(field === undefined ? {} : { field }), message } }, status);

export function notFoundHandler(baseUrl: string): NotFoundHandler {
  return (c) => (isApi(c) ? apiError(c, 404, 'not_found', 'Ressourcen findes ikke') : errorPage(c, 404, baseUrl));
}

export function errorHandler(baseUrl: string, log: (error: unknown) => void = defaultLog): ErrorHandler {
  return (err, c) => {
    if (err instanceof DomainError) {
      const status = statusOf[err.code];
      // Only a bad request says where: its `where` is the visitor's own parameter name.
      const where = err.code === 'invalid_input' ? err.where : undefined;
      if (isApi(c)) return apiError(c, status, err.code, status === 400 ? err.message : (pageText[status]?.title ?? err.code), where);
      return errorPage(c, status, baseUrl, where);
    }
    log(err);
    return isApi(c) ? apiError(c, 500, 'internal', fallback.text) : errorPage(c, 500, baseUrl);
  };
}

function defaultLog(error: unknown): void {
  // The composition root may pass pino instead; stderr keeps unexpected errors visible meanwhile.
  console.error(error);
}
