// The dashboard reads the same HTTP API as every client; the browser's HTTP Basic login is reused.
'use strict';

const $ = (id) => document.getElementById(id);

async function getJson(path) {
  // location.origin, not a relative URL: a page opened as http://user:password@host/ must not pass its credentials on
  const response = await fetch(location.origin + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error(problem.detail || response.statusText);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

// Amounts arrive as decimal strings; they are shown as they are, grouped by thousands, never as floats.
function formatAmount(money) {
  const [whole, fraction] = money.amount.split('.');
  return `${money.currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? '.' + fraction : ''}`;
}

function formatAmounts(amounts) {
  return amounts.length === 0 ? '–' : amounts.map(formatAmount).join(' + ');
}

function cell(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function renderTable(table, headers, rows) {
  table.replaceChildren();
  const head = document.createElement('tr');
  headers.forEach(([title, numeric]) => head.appendChild(cell('th', title, numeric ? 'number' : '')));
  table.appendChild(head);
  rows.forEach((values) => {
    const row = document.createElement('tr');
    values.forEach((value, i) => row.appendChild(cell('td', value, headers[i][1] ? 'number' : '')));
    table.appendChild(row);
  });
}

async function renderTotals(stage, dimension, tableId, limit) {
  const totals = await getJson(`/api/totals?stage=${stage}&by=${dimension}`);
  const rows = [...totals.rows].sort((a, b) => b.count - a.count || String(a[dimension]).localeCompare(String(b[dimension])));
  const shown = dimension === 'year' ? totals.rows : rows.slice(0, limit);
  renderTable($(tableId), [[dimension, false], ['agreements', true], ['value', true]],
    shown.map((row) => [String(row[dimension]) + (dimension === 'city' && row.country ? ` (${row.country})` : ''),
      String(row.count), formatAmounts(row.amounts)]));
  return totals;
}

async function renderOverview(stage) {
  const [bySector] = await Promise.all([
    renderTotals(stage, 'sector', 'by-sector', 20),
    renderTotals(stage, 'year', 'by-year', 20),
    renderTotals(stage, 'country', 'by-country', 20),
    renderTotals(stage, 'city', 'by-city', 40),
  ]);
  $('overall-count').textContent = String(bySector.total.count);
  $('overall-amounts').textContent = formatAmounts(bySector.total.amounts);
}

async function renderAgreements() {
  const page = await getJson('/api/agreements?size=25');
  renderTable($('agreements'), [['title', false], ['sector', false], ['status', false], ['cities', false], ['value', true]],
    page.items.map((agreement) => [agreement.title, agreement.sector, agreement.status,
      [...new Set(agreement.parties.map((party) => party.city))].join(', '), formatAmount(agreement.value)]));
}

async function renderLedgerStatus() {
  try {
    const verification = await getJson('/api/ledger/verify');
    $('ledger-status').textContent = verification.intact ? 'verified intact' : 'NOT intact: see /api/ledger/verify';
    $('ledger-status').className = 'figure small ' + (verification.intact ? 'ok' : 'bad');
  } catch (error) {
    $('ledger-status').textContent = error.status === 403 ? 'verification is for auditors' : error.message;
  }
}

async function refresh() {
  $('error').hidden = true;
  try {
    await Promise.all([renderOverview($('stage').value), renderAgreements(), renderLedgerStatus()]);
  } catch (error) {
    $('error').textContent = error.status === 403
      ? 'Totals are for analysts, auditors and admins: sign in as one of them (e.g. analyst).'
      : `Could not load: ${error.message}`;
    $('error').hidden = false;
  }
}

$('stage').addEventListener('change', refresh);
refresh();
