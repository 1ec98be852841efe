// The agreements, filtered and paged; every filter is in the URL, so a view can be shared.
import { count, day, el, label, load, money, refreshOnChange, say, startPage, t } from '../app.js';

const FILTERS = ['q', 'city', 'country', 'sector', 'kind', 'status', 'year', 'occasion', 'party', 'awaitingSignatureOf'];
const KINDS = ['INDUSTRY', 'TECHNOLOGY', 'TALENT'];
const STATUSES = ['PROPOSED', 'SIGNED', 'CERTIFIED', 'REVOKED', 'DECLINED', 'WITHDRAWN'];
const PAGE_SIZE = 25;

const params = new URLSearchParams(location.search);
const me = await startPage('nav.agreements');
if (params.get('awaiting') === 'mine' && me.partyId) {
  params.delete('awaiting');
  params.set('awaitingSignatureOf', me.partyId);
  history.replaceState(null, '', `?${params}`);
  document.getElementById('page-title').textContent = t('nav.awaiting');
}

function options(select, codes, group) {
  select.replaceChildren(el('option', { value: '' }, t('filter.any')),
    ...codes.map((code) => el('option', { value: code }, label(group, code))));
}

const sectors = await load('/api/sectors');
options(document.getElementById('filter-sector'), sectors.map((sector) => sector.code), 'sector');
options(document.getElementById('filter-kind'), KINDS, 'kind');
options(document.getElementById('filter-status'), STATUSES, 'status');

const form = document.getElementById('filters');
FILTERS.forEach((name) => { if (form.elements[name]) form.elements[name].value = params.get(name) || ''; });

function filters() {
  const query = new URLSearchParams();
  FILTERS.forEach((name) => { if (params.get(name)) query.set(name, params.get(name)); });
  return query;
}

async function refresh() {
  const page = Number(params.get('page') || 0);
  try {
    const answer = await load(`/api/agreements?${filters()}&page=${page}&size=${PAGE_SIZE}`);
    document.getElementById('agreements').replaceChildren(
      el('thead', {}, el('tr', {}, [['col.title'], ['col.sector'], ['col.status'], ['col.parties'], ['col.proposedOn'],
        ['col.value', 'number']].map(([key, className]) => el('th', { scope: 'col', class: className }, t(key))))),
      el('tbody', {}, answer.items.map((agreement) => el('tr', {},
        el('td', {}, el('a', { href: `/agreement.html?id=${agreement.agreementId}` }, agreement.title)),
        el('td', {}, label('sector', agreement.sector)),
        el('td', {}, el('span', { class: `badge status-${agreement.status}` }, label('status', agreement.status))),
        el('td', {}, agreement.parties.map((party) => `${party.name} (${party.city})`).join('; ')),
        el('td', {}, day(agreement.proposedOn)),
        el('td', { class: 'number' }, money(agreement.value))))));
    document.getElementById('page-info').textContent = t('paging.of', { page: count(page + 1),
      pages: count(Math.max(answer.totalPages, 1)), total: count(answer.totalItems) + (answer.totalItemsExact ? '' : '+') });
    document.getElementById('previous-page').disabled = page === 0;
    document.getElementById('next-page').disabled = page + 1 >= answer.totalPages;
    document.getElementById('download-csv').href = `/api/agreements/export?${filters()}`;
  } catch (error) {
    say(t('error.load', { message: error.message }), 'bad');
  }
}

function go(changes) {
  Object.entries(changes).forEach(([name, value]) => (value ? params.set(name, value) : params.delete(name)));
  history.pushState(null, '', `?${params}`);
  refresh();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go({ ...Object.fromEntries(FILTERS.filter((name) => form.elements[name]).map((name) => [name, form.elements[name].value.trim()])), page: '' });
});
form.addEventListener('reset', () => setTimeout(() => go(Object.fromEntries([...FILTERS, 'page'].map((name) => [name, '']))), 0));
document.getElementById('previous-page').addEventListener('click', () => go({ page: String(Number(params.get('page') || 0) - 1) }));
document.getElementById('next-page').addEventListener('click', () => go({ page: String(Number(params.get('page') || 0) + 1) }));
window.addEventListener('popstate', () => location.reload());

await refresh();
refreshOnChange(refresh);
