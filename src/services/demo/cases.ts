// The demo's cases (sager). Case numbers follow the common "YY-NNNNNN" ESDH shape; the three
// cases that the tests and the portal rely on are named below.
import { DEMO_CLOSED_CANARY } from './canary.js';

export interface DemoCase {
  reference: string;
  title: string;
  /** Beslutningskompetence as printed. */
  decisionCompetence: string;
}

/** Goes Børne- og Skoleudvalget → Økonomiudvalget → Kommunalbestyrelsen in August 2024. */
export const THREE_STEP_CASE = '24-001234';
/** On the agendas of two committees in the same week of September 2024. */
export const SHARED_CASE = '24-002345';
/** The closed item's case; its title carries the canary. */
export const CLOSED_CASE = '24-004567';

export const demoCases: readonly DemoCase[] = [
  { reference: '21-003456', title: 'Evaluering af skolestrukturen', decisionCompetence: 'Udvalget for Børn og Unge' },
  { reference: '21-004011', title: 'Sommeraktiviteter for unge 2021', decisionCompetence: 'Udvalget for Børn og Unge' },
  { reference: '21-002210', title: 'Klimatilpasningsplan 2021-2024', decisionCompetence: 'Kommunalbestyrelsen' },
  { reference: '21-000845', title: 'Regnskab 2020 - endelig godkendelse', decisionCompetence: 'Kommunalbestyrelsen' },
  { reference: THREE_STEP_CASE, title: 'Kapacitetsplan for dagtilbud 2025-2028', decisionCompetence: 'Kommunalbestyrelsen' },
  { reference: '24-000098', title: 'Orientering fra administrationen, Børne- og Skoleudvalget 2024', decisionCompetence: 'Børne- og Skoleudvalget' },
  { reference: '24-003210', title: 'Forventet regnskab 2-2024', decisionCompetence: 'Økonomiudvalget' },
  { reference: SHARED_CASE, title: 'Status på tilgængelighed i kommunale bygninger', decisionCompetence: 'Teknik- og Miljøudvalget' },
  { reference: '23-009876', title: 'Lokalplan 24-07 Boliger ved Møllebakken - endelig vedtagelse', decisionCompetence: 'Teknik- og Miljøudvalget' },
  { reference: '24-002987', title: 'Kvalitetsstandard for hjemmehjælp 2025', decisionCompetence: 'Social- og Sundhedsudvalget' },
  { reference: '24-000512', title: 'Budget 2025-2028 - 2. behandling', decisionCompetence: 'Kommunalbestyrelsen' },
  {
    reference: CLOSED_CASE,
    title: `Salg af ejendommen Skolevej 12 (${DEMO_CLOSED_CANARY})`,
    decisionCompetence: 'Kommunalbestyrelsen',
  },
  { reference: '25-000121', title: 'Skoledistrikter fra skoleåret 2025/26', decisionCompetence: 'Børne- og Skoleudvalget' },
  { reference: '25-000310', title: 'Vintervedligeholdelse - evaluering af sæson 2024/25', decisionCompetence: 'Teknik- og Miljøudvalget' },
  { reference: '25-000877', title: 'Regnskab 2024 - oversendelse til revisionen', decisionCompetence: 'Kommunalbestyrelsen' },
  { reference: '26-000214', title: 'Klimahandlingsplan 2026-2030 - proces og tidsplan', decisionCompetence: 'Klima-, Teknik- og Miljøudvalget' },
  { reference: '26-001876', title: 'Ferieplan for skolerne 2027/28', decisionCompetence: 'Børne- og Skoleudvalget' },
  { reference: '26-003105', title: 'Budget 2027-2030 - 1. behandling', decisionCompetence: 'Kommunalbestyrelsen' },
  { reference: '26-004321', title: 'Kvalitetsrapport for skoleområdet 2025/26', decisionCompetence: 'Kommunalbestyrelsen' },
  { reference: '26-004410', title: 'Takster 2027 for dagtilbud og SFO', decisionCompetence: 'Kommunalbestyrelsen' },
];
