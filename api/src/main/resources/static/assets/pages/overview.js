// Totals by sector, year, country and city for a stage, with every filter in the URL so a view can be shared.
/* global echarts */
import { KINDS, anyOrOneOf, count, el, filtersInAddress, hasRole, label, load, moneys, refreshOnChange, say, startPage,
  t } from '../app.js';
import { COORDINATES, ORIGIN } from '../places.js';

const FILTERS = ['stage', 'city', 'country', 'sector', 'kind', 'year', 'occasion'];

const me = await startPage('nav.overview');
if (!hasRole(me, 'ANALYST', 'AUDITOR', 'ADMIN')) {
  // the totals are not for this role: its work starts at the agreements
  location.replace('/agreements.html');
}
const form = document.getElementById('filters');
const sectors = await load('/api/sectors');
anyOrOneOf(form.elements.sector, sectors.map((sector) => sector.code), 'sector');
anyOrOneOf(form.elements.kind, KINDS, 'kind');
const filters = filtersInAddress(form, FILTERS, () => refresh(), { stage: 'signed' });

const charts = {};
function chart(id) {
  charts[id] = charts[id] || echarts.init(document.getElementById(id), null, { renderer: 'svg' });
  return charts[id];
}
window.addEventListener('resize', () => Object.values(charts).forEach((each) => each.resize()));

function totalsQuery(by) {
  const query = filters.query();
  query.set('by', by);
  return query;
}

// Bars are drawn from amounts made numbers; every figure people read is the exact decimal, formatted.
function firstAmount(row) {
  return row.amounts.length ? Number(row.amounts[0].amount) : 0;
}

function barChart(id, rows, nameOf) {
  const names = rows.map(nameOf);
  chart(id).setOption({
    tooltip: { trigger: 'axis', formatter: (items) => { const row = rows[items[0].dataIndex];
      return `${names[items[0].dataIndex]}<br>${t('col.count')}: ${count(row.count)}<br>${moneys(row.amounts)}`; } },
    legend: { top: 0 },
    grid: { left: 32, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 25 : 0 } },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', show: false }],
    series: [
      { type: 'bar', name: t('col.count'), data: rows.map((row) => row.count) },
      { type: 'line', name: t('col.value'), yAxisIndex: 1, data: rows.map(firstAmount) },
    ],
  }, true);
  document.getElementById(id).setAttribute('aria-label', rows.map((row, i) => `${names[i]}: ${row.count}`).join('; '));
}

function table(id, header, rows, cells) {
  document.getElementById(id).replaceChildren(
    el('thead', {}, el('tr', {}, header.map((key, i) => el('th', { scope: 'col', class: i ? 'number' : null }, t(key))))),
    el('tbody', {}, rows.map((row) => el('tr', {}, cells(row).map((text, i) => el('td', { class: i ? 'number' : null }, text))))));
}

function flowChart(rows) {
  const cities = rows.filter((row) => row.city !== ORIGIN && COORDINATES[row.city]);
  const point = (row) => [...COORDINATES[row.city], row.count];
  chart('chart-flows').setOption({
    tooltip: { formatter: (item) => { const row = cities[item.dataIndex];
      return row ? `${row.city} (${row.country})<br>${t('col.count')}: ${count(row.count)}<br>${moneys(row.amounts)}` : ORIGIN; } },
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    // longitude and latitude of Central Asia and China, with room for the easternmost cities' names
    xAxis: { type: 'value', min: 60, max: 136, show: false }, yAxis: { type: 'value', min: 20, max: 53, show: false },
    series: [
      { type: 'lines', coordinateSystem: 'cartesian2d', lineStyle: { opacity: 0.35, width: 1.5, curveness: 0.2 },
        data: cities.map((row) => ({ coords: [COORDINATES[ORIGIN], COORDINATES[row.city]] })) },
      { type: 'scatter', data: cities.map(point), symbolSize: (value) => 6 + Math.sqrt(value[2]) * 4,
        label: { show: true, position: 'right', formatter: (item) => cities[item.dataIndex].city, fontSize: 10 } },
      { type: 'effectScatter', data: [[...COORDINATES[ORIGIN], 0]], symbolSize: 14,
        label: { show: true, position: 'left', formatter: ORIGIN } },
    ],
  }, true);
  document.getElementById('chart-flows').setAttribute('aria-label',
    cities.map((row) => `${ORIGIN} → ${row.city}: ${row.count}`).join('; '));
}

async function refresh() {
  try {
    const [bySector, byYear, byCountry, byCity] = await Promise.all(['sector', 'year', 'country', 'city']
      .map((by) => load(`/api/totals?${totalsQuery(by)}`)));
    const sortedSectors = [...bySector.rows].sort((a, b) => b.count - a.count);
    const sortedCountries = [...byCountry.rows].sort((a, b) => b.count - a.count);
    const sortedCities = [...byCity.rows].sort((a, b) => b.count - a.count || a.city.localeCompare(b.city));
    document.getElementById('kpi-count').textContent = count(bySector.total.count);
    document.getElementById('kpi-value').textContent = moneys(bySector.total.amounts);
    document.getElementById('kpi-cities').textContent = count(byCity.rows.filter((row) => row.city !== ORIGIN).length);
    document.getElementById('kpi-countries').textContent = count(byCountry.rows.length);
    barChart('chart-sector', sortedSectors, (row) => label('sector', row.sector));
    barChart('chart-year', byYear.rows, (row) => String(row.year));
    barChart('chart-country', sortedCountries, (row) => row.country);
    flowChart(sortedCities);
    table('by-sector', ['col.sector', 'col.count', 'col.value'], sortedSectors,
      (row) => [label('sector', row.sector), count(row.count), moneys(row.amounts)]);
    table('by-year', ['col.year', 'col.count', 'col.value'], byYear.rows,
      (row) => [String(row.year), count(row.count), moneys(row.amounts)]);
    table('by-country', ['col.country', 'col.count', 'col.value'], sortedCountries,
      (row) => [row.country, count(row.count), moneys(row.amounts)]);
    table('by-city', ['col.city', 'col.count', 'col.value'], sortedCities,
      (row) => [`${row.city} (${row.country})`, count(row.count), moneys(row.amounts)]);
    document.getElementById('download-totals').href = `/api/totals/export?${totalsQuery('city,sector,year')}`;
  } catch (error) {
    say(t('error.load', { message: error.message }), 'bad');
  }
}

form.elements.stage.addEventListener('change', () => form.requestSubmit());

await refresh();
refreshOnChange(refresh);
