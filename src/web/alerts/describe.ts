// What a follow names, checked against the public portal: an unknown or hidden case,
// committee or person is a 404 (the portal's own rule), and the municipality's name for mails.
import { DomainError } from '../../domain/errors.js';
import type { SubscriptionKind } from '../../services/alerts/deps.js';
import type { PortalService } from '../../services/portal/portal.js';

/** What is followed, checked against the public portal (an unknown or hidden target is a 404), and the municipality's name. */
export async function describeFollow(portal: PortalService, kind: SubscriptionKind, target: string | undefined, q: string | undefined) {
  const need = (v: string | undefined, field: string) => {
    if (!v) throw new DomainError('invalid_input', 'Der mangler noget at følge', field);
    return v;
  };
  const homeName = async () => {
    const home = await portal.home();
    return home.kind === 'single' ? home.page.body.name : 'Protokol';
  };
  switch (kind) {
    case 'search':
      return { label: `søgningen »${need(q, 'q')}«`, municipality: await homeName() };
    case 'case': {
      const p = await portal.casePage(need(target, 'target'));
      return { label: `sagen »${p.paper.title}«`, municipality: p.body.name };
    }
    case 'committee': {
      const p = await portal.organizationPage(need(target, 'target'));
      return { label: p.organization.name, municipality: p.body.name };
    }
    case 'person': {
      const p = await portal.personPage(need(target, 'target'));
      return { label: p.person.name, municipality: p.body.name };
    }
    case 'all':
      return { label: 'alle nye dagsordener og referater', municipality: await homeName() };
  }
}
