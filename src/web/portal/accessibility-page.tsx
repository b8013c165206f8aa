// The accessibility statement (tilgængelighedserklæring) webtilgængelighedsloven requires.
// A short placeholder until the municipality's own statement from was.digst.dk is linked.
import { useContext } from 'hono/jsx';
import { SiteContext } from '../site.js';
import { Layout } from './layout.js';

export function AccessibilityPage(props: { path: string; baseUrl: string }) {
  // The municipality's contact details (config or administration), the same the footer shows.
  const { contact, accessibilityStatement } = useContext(SiteContext);
  // The municipality's own text (administration) replaces the placeholder; blank lines part paragraphs.
  const own = (accessibilityStatement ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return (
    <Layout
      title="Tilgængelighedserklæring"
      path={props.path}
      baseUrl={props.baseUrl}
      breadcrumbs={[{ label: 'Forside', href: '/' }, { label: 'Tilgængelighedserklæring' }]}
    >
      <h1>Tilgængelighedserklæring</h1>
      {own.length > 0 ? own.map((p) => <p>{p}</p>) : <DefaultStatement />}
      <h2>Kontakt og klage</h2>
      <p>Oplever du problemer med tilgængeligheden, så kontakt kommunen. Du kan også klage til Digitaliseringsstyrelsen, som fører tilsyn med loven.</p>
      {contact.email !== null || contact.phone !== null ? (
        <ul>
          {contact.email !== null ? (
            <li>
              E-mail: <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </li>
          ) : null}
          {contact.phone !== null ? <li>Telefon: {contact.phone}</li> : null}
        </ul>
      ) : null}
    </Layout>
  );
}

function DefaultStatement() {
  return (
    <>
      <p>
        Protokol skal kunne bruges af alle. Portalen er bygget efter standarden WCAG 2.1 på niveau AA, som lov om tilgængelighed af offentlige organers
        websteder og mobilapplikationer kræver.
      </p>
      <h2>Det har vi gjort</h2>
      <ul>
        <li>Siderne er opbygget med overskrifter, landmærker og brødkrummer, så de kan læses med skærmlæser.</li>
        <li>Alt kan bruges med tastatur, og der er et link direkte til sidens indhold.</li>
        <li>Teksten kan forstørres, og siderne kan læses på en mobiltelefon.</li>
        <li>Siderne bruger ikke JavaScript.</li>
      </ul>
      <h2>Kendte mangler</h2>
      <p>
        Ældre bilag er ofte PDF-filer fra kommunens sagssystem, som ikke altid er tilgængelige. Har du brug for et bilag i en anden form, kan du kontakte
        kommunen.
      </p>
    </>
  );
}
