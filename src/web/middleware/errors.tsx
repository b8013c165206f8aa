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
  unauthenticated: 401,
  rate_limited: 429,
  unavailable: 503,
};

const pageText: Partial<Record<ContentfulStatusCode, { title: string; text: string }>> = {
  400: { title: 'Ugyldig forespørgsel', text: 'Adressen eller de indtastede oplysninger kunne ikke forstås.' },
  401: { title: 'Log ind', text: 'Du skal være logget ind for at se denne side.' },
  403: { title: 'Ingen adgang', text: 'Du har ikke adgang til denne side.' },
  404: { title: 'Siden findes ikke', text: 'Vi kan ikke finde den side, du leder efter. Den kan være flyttet eller slettet.' },
  409: { title: 'Handlingen kan ikke udføres', text: 'Handlingen passer ikke med sagens eller mødets nuværende tilstand.' },
  429: { title: 'For mange forsøg', text: 'Der har været for mange forsøg. Vent et øjeblik, og prøv igen.' },
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
const apiError = (c: Context, status: ContentfulStatusCode, code: string, message: string, field?: string, details?: unknown) =>
  c.json({ error: { code, ...(field === undefined ? {} : { field }), message, ...(details === undefined ? {} : { details }) } }, status);

/** The sign-in page, coming back to this page (same-origin path only) afterwards. */
export const loginRedirect = (c: Context) => c.redirect(`/login?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search ?? ''))}`, 302);

export function notFoundHandler(baseUrl: string): NotFoundHandler {
  return (c) => (isApi(c) ? apiError(c, 404, 'not_found', 'Ressourcen findes ikke') : errorPage(c, 404, baseUrl));
}

export function errorHandler(baseUrl: string, log: (error: unknown) => void = defaultLog): ErrorHandler {
  return (err, c) => {
    if (err instanceof DomainError) {
      const status = statusOf[err.code];
      // Only a bad request (or a stale save) says where: its `where` is the client's own field name.
      const where = err.code === 'invalid_input' || err.code === 'conflict' ? err.where : undefined;
      if (isApi(c)) {
        // 4xx messages are written for the client (Danish, no internals); unavailable may name hosts.
        const message = status < 500 ? err.message : (pageText[status]?.title ?? err.code);
        return apiError(c, status, err.code, message, where, err.details);
      }
      if (status === 401) return loginRedirect(c);
      return errorPage(c, status, baseUrl, err.code === 'invalid_input' ? where : undefined);
    }
    log(err);
    return isApi(c) ? apiError(c, 500, 'internal', fallback.text) : errorPage(c, 500, baseUrl);
  };
}

function defaultLog(error: unknown): void {
  // The composition root may pass pino instead; stderr keeps unexpected errors visible meanwhile.
  console.error(error);
}
