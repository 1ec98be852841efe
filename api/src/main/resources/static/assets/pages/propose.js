// A registrar proposes an agreement; the ledger's own answer says what is wrong, field by field.
import { KINDS, ORGANISATION_TYPES, api, el, label, load, showProblem, startPage, t, today } from '../app.js';
const PARTY_FIELDS = [['partyId', 'propose.partyId'], ['name', 'propose.partyName'], ['organisationType', 'propose.organisationType'],
  ['city', 'col.city'], ['country', 'col.country']];

await startPage('propose.title');
const form = document.getElementById('propose-form');
const sectors = await load('/api/sectors');
form.elements.kind.replaceChildren(...KINDS.map((kind) => el('option', { value: kind }, label('kind', kind))));
form.elements.sector.replaceChildren(...sectors.map((sector) => el('option', { value: sector.code }, label('sector', sector.code))));
form.elements.proposedOn.value = today();
// one idempotency key per proposal being written: a resent form is answered, never proposed twice
let idempotencyKey = crypto.randomUUID();

function partyFieldset(index) {
  const name = (field) => `parties[${index}].${field}`;
  return el('fieldset', { class: 'party' },
    el('legend', {}, t('propose.party', { n: index + 1 })),
    PARTY_FIELDS.map(([field, key]) => [
      el('label', { for: name(field) }, t(key)),
      field === 'organisationType'
        ? el('select', { id: name(field), name: name(field) },
          ORGANISATION_TYPES.map((type) => el('option', { value: type }, label('org', type))))
        : el('input', { id: name(field), name: name(field), maxlength: field === 'country' ? 2 : null })]));
}

const parties = document.getElementById('parties');
parties.append(partyFieldset(0), partyFieldset(1));
document.getElementById('add-party').addEventListener('click', () => parties.append(partyFieldset(parties.children.length)));

function blankToNull(value) {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

function proposal() {
  const value = (name) => form.elements[name].value;
  return {
    title: value('title'), kind: value('kind'), sector: value('sector'), occasion: blankToNull(value('occasion')),
    value: { amount: blankToNull(value('value.amount')), currency: blankToNull(value('value.currency')) },
    proposedOn: blankToNull(value('proposedOn')),
    parties: [...parties.children].map((fieldset, index) => Object.fromEntries(PARTY_FIELDS.map(([field]) =>
      [field, blankToNull(form.elements[`parties[${index}].${field}`].value)]))),
  };
}

form.addEventListener('input', () => { idempotencyKey = crypto.randomUUID(); });
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const answer = await api('/api/agreements', { method: 'POST', body: proposal(), headers: { 'Idempotency-Key': idempotencyKey } });
  if (answer.ok) {
    location.assign(`/agreement.html?id=${answer.data.agreementId}&position=${answer.data.position}`);
  } else {
    showProblem(form, answer.problem);
  }
});
