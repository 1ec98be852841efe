// A registrar uploads the secretariat's list of proposals; each line is answered: proposed, or refused and why.
import { api, el, showProblem, startPage, t } from '../app.js';

const HEADER = 'title,kind,sector,amount,currency,occasion,proposed_on,'
  + 'party1_id,party1_name,party1_type,party1_city,party1_country,party2_id,party2_name,party2_type,party2_city,party2_country';

await startPage('import.title');
document.getElementById('import-header').textContent = HEADER;
const form = document.getElementById('import-form');

function describe(line) {
  if (line.status === 'accepted') {
    return el('a', { href: `/agreement.html?id=${line.answer.agreementId}` }, line.answer.agreementId);
  }
  const fields = (line.answer.errors || []).map((error) => `${error.field}: ${error.message}`);
  return [line.answer.detail, fields.length ? el('ul', {}, fields.map((field) => el('li', {}, field))) : ''];
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = form.elements.list.files[0];
  if (!file) return;
  const answer = await api('/api/agreements/import', { method: 'POST', text: await file.text(), contentType: 'text/csv' });
  if (!answer.ok) {
    showProblem(form, answer.problem);
    return;
  }
  form.querySelector('.problem').hidden = true;
  document.getElementById('import-summary').textContent = t('import.summary',
    { accepted: answer.data.accepted, refused: answer.data.refused });
  document.getElementById('import-lines').replaceChildren(
    el('thead', {}, el('tr', {}, ['import.line', 'col.status', 'import.answer'].map((key) => el('th', { scope: 'col' }, t(key))))),
    el('tbody', {}, answer.data.lines.map((line) => el('tr', { class: line.status, dataset: { line: line.line } },
      el('td', {}, String(line.line)),
      el('td', { class: line.status === 'accepted' ? 'ok' : 'bad' }, t(`import.${line.status}`)),
      el('td', {}, describe(line))))));
});
