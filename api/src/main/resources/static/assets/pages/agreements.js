// The agreements, filtered and paged; every filter is in the URL, so a view can be shared.
import { KINDS, STATUSES, anyOrOneOf, count, day, el, filtersInAddress, label, load, money, refreshOnChange, say,
  startPage, t } from '../app.js';

const FILTERS = ['q', 'city', 'country', 'sector', 'kind', 'status', 'year', 'occasion', 'party', 'awaitingSignatureOf'];
const PAGE_SIZE = 25;

const me = await startPage('nav.agreements');
const asked = new URLSearchParams(location.search);
if (asked.get('awaiting') === 'mine' && me.partyId) {
  asked.delete('awaiting');
  asked.set('awaitingSignatureOf', me.partyId);
  history.replaceState(null, '', `?${asked}`);
  document.getElementById('page-title').textContent = t('nav.awaiting');
}

const sectors = await load('/api/sectors');
anyOrOneOf(document.getElementById('filter-sector'), sectors.map((sector) => sector.code), 'sector');
anyOrOneOf(document.getElementById('filter-kind'), KINDS, 'kind');
anyOrOneOf(document.getElementById('filter-status'), STATUSES, 'status');

const { params, query: filters, go } = filtersInAddress(document.getElementById('filters'), FILTERS, () => refresh());

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

document.getElementById('previous-page').addEventListener('click', () => go({ page: String(Number(params.get('page') || 0) - 1) }));
document.getElementById('next-page').addEventListener('click', () => go({ page: String(Number(params.get('page') || 0) + 1) }));
await refresh();
refreshOnChange(refresh);
