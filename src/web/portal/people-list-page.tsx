// /personer: the politicians, current members first, filterable by party and committee with
// a plain GET form (no JavaScript), and the person results on the search page. Each person is
// a list entry, not a table row, so names and committees wrap whole at 390 px.
import type { DirectoryPerson, PeopleList } from '../../services/portal/people-list.js';
import { Layout } from './layout.js';
import { personHref } from './links.js';

export const PEOPLE_PATH = '/personer';

function PersonEntry(props: { person: DirectoryPerson }) {
  const p = props.person;
  return (
    <li>
      <h3 class="h5 m-0">
        <a href={personHref(p.id)}>{p.name}</a>
        {p.party ? <span class="meta">{` (${p.party})`}</span> : null}
      </h3>
      {p.memberships.length > 0 ? (
        <span class="meta">
          {(p.current ? '' : 'Sidst: ') +
            p.memberships
              .map((m) => (m.roleLabel === 'Medlem' ? m.organization.name : `${m.organization.name} (${m.roleLabel.toLocaleLowerCase('da')})`))
              .join(' · ')}
        </span>
      ) : null}
    </li>
  );
}

/** The search page's person results: a politician's name finds their page. */
export function PeopleFound(props: { people: DirectoryPerson[] }) {
  return (
    <section aria-labelledby="personer-fundet">
      <h2 id="personer-fundet">Personer</h2>
      <ul class="meeting-list people-list">
        {props.people.map((p) => (
          <PersonEntry person={p} />
        ))}
      </ul>
    </section>
  );
}

function Group(props: { id: string; title: string; people: DirectoryPerson[] }) {
  if (props.people.length === 0) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{`${props.title} (${props.people.length})`}</h2>
      <ul class="meeting-list people-list">
        {props.people.map((p) => (
          <PersonEntry person={p} />
        ))}
      </ul>
    </section>
  );
}

function FilterForm(props: { list: PeopleList }) {
  const { list } = props;
  return (
    <form method="get" action={PEOPLE_PATH} class="people-filter" aria-label="Afgræns personer">
      <div class="form-group">
        <label class="form-label" for="parti">
          Parti
        </label>
        <select class="form-select" id="parti" name="parti">
          <option value="">Alle partier</option>
          {list.parties.map((party) => (
            <option value={party} selected={list.filter.party === party}>
              {party}
            </option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label class="form-label" for="udvalg">
          Udvalg
        </label>
        <select class="form-select" id="udvalg" name="udvalg">
          <option value="">Alle udvalg</option>
          {list.committees.map((c) => (
            <option value={c.id} selected={list.filter.committee === c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button-secondary">
        Vis
      </button>
    </form>
  );
}

export function PeopleListPage(props: { list: PeopleList; path: string; baseUrl: string }) {
  const { list } = props;
  const filtered = list.filter.party !== null || list.filter.committee !== null;
  const none = list.current.length === 0 && list.former.length === 0;
  return (
    <Layout
      title="Personer"
      path={props.path}
      baseUrl={props.baseUrl}
      breadcrumbs={[{ label: 'Forside', href: '/' }, { label: 'Personer' }]}
      description="Kommunalbestyrelsens og udvalgenes medlemmer, nuværende og tidligere."
    >
      <h1>Personer</h1>
      <p>Medlemmer af kommunalbestyrelsen og udvalgene. Nuværende medlemmer står først.</p>
      <FilterForm list={list} />
      {none ? <p>{filtered ? 'Ingen personer passer til filtrene.' : 'Der er ingen personer registreret.'}</p> : null}
      {filtered && !none ? (
        <p>
          <a href={PEOPLE_PATH}>Vis alle personer</a>
        </p>
      ) : null}
      <Group id="nuvaerende" title="Nuværende medlemmer" people={list.current} />
      <Group id="tidligere" title="Tidligere medlemmer" people={list.former} />
    </Layout>
  );
}
