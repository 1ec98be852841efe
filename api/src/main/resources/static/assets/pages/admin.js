// An admin sees the event processors, each segment's position and whether it has caught up, runs a
// reconciliation of the read models against the events, or has them rebuilt aside and switched in.
import { api, count, el, load, refreshOnChange, say, startPage, t } from '../app.js';

await startPage('admin.title');
const problem = document.querySelector('.problem');

async function refresh() {
  try {
    const states = await load('/api/admin/projections');
    document.getElementById('processors').replaceChildren(
      el('thead', {}, el('tr', {}, ['admin.processor', 'admin.segment', 'admin.position', 'admin.lag', 'admin.caughtUp',
        'admin.replaying', 'admin.error'].map((key) => el('th', { scope: 'col' }, t(key))))),
      el('tbody', {}, states.processors.flatMap((processor) => processor.segments.map((segment) => el('tr', {},
        el('td', {}, processor.name), el('td', {}, String(segment.segment)),
        el('td', { class: 'number' }, segment.position === null ? '–' : count(segment.position)),
        el('td', { class: 'number lag' }, segment.position === null ? '–'
          : count(Math.max(0, states.ledgerPosition - segment.position))),
        el('td', { class: segment.caughtUp ? 'ok' : 'pending' }, segment.caughtUp ? '✓' : '…'),
        el('td', {}, segment.replaying ? '✓' : ''), el('td', { class: segment.error ? 'bad' : '' }, segment.error ? '✗' : ''))))));
    const rebuild = states.rebuild;
    document.getElementById('rebuild-state').textContent = rebuild.phase === 'NONE' ? ''
      : [t('admin.rebuildState', { phase: rebuild.phase, events: count(rebuild.events) }),
        rebuild.eventsPerSecond ? `${count(rebuild.eventsPerSecond)}/s` : '', rebuild.message || '']
        .filter(Boolean).join(' · ');
  } catch (error) {
    say(t('error.load', { message: error.message }), 'bad');
  }
}

document.getElementById('reconcile').addEventListener('click', async () => {
  const output = document.getElementById('reconciliation');
  output.textContent = '…';
  const answer = await api('/api/admin/reconciliation');
  output.className = answer.ok && answer.data.consistent ? 'ok' : 'bad';
  output.textContent = answer.ok ? t('admin.reconciled', { result: answer.data.consistent
    ? `consistent: ${count(answer.data.agreementsCompared)} agreements, ${count(answer.data.bucketsCompared)} totals compared`
    : `${answer.data.agreementDifferences.length + answer.data.bucketDifferences.length} differences` })
    : answer.problem.detail;
});

document.getElementById('rebuild').addEventListener('click', async () => {
  problem.hidden = true;
  const answer = await api('/api/admin/projections/rebuild', { method: 'POST', body: {} });
  if (answer.ok) {
    say(t('admin.rebuildStarted'), 'ok');
    await refresh();
  } else {
    problem.replaceChildren(el('p', {}, answer.problem.detail));
    problem.hidden = false;
  }
});

await refresh();
refreshOnChange(refresh);
