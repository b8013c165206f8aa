// The items that open and close every meeting (domain/agenda-item.ts standardItemTitles).
// They carry no case and no template text; in the minutes they get only a decision.
import type { DemoItem } from './model.js';

export function approveAgenda(number: string, decision = 'Godkendt.'): DemoItem {
  return { key: 'godkendelse-af-dagsorden', number, title: 'Godkendelse af dagsorden', sections: [], decision };
}

export function anyOtherBusiness(number: string, decision = 'Intet under dette punkt.'): DemoItem {
  return { key: 'eventuelt', number, title: 'Eventuelt', sections: [], decision };
}

export function approveMinutes(number: string): DemoItem {
  return {
    key: 'godkendelse-af-referat',
    number,
    title: 'Godkendelse af referat',
    sections: [
      {
        kind: 'summary',
        heading: 'Resumé',
        text: 'Referatet godkendes digitalt af de medlemmer, der deltog i mødet, jf. styrelseslovens § 13.',
      },
    ],
    decision: 'Godkendt.',
  };
}
