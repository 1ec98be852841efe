// An auditor verifies the whole ledger (every hash chain, attestation, the Merkle log and its
// checkpoints, every recorded digest) and takes the latest signed checkpoint away to compare later.
import { api, count, load, say, startPage, t } from '../app.js';

await startPage('audit.title');

async function verify() {
  const output = document.getElementById('verification');
  output.textContent = '…';
  try {
    const result = await load('/api/ledger/verify');
    output.className = result.intact ? 'ok' : 'bad';
    output.textContent = result.intact
      ? t('audit.intact', { events: count(result.eventsChecked), chains: count(result.chainsChecked),
        leaves: count(result.leavesChecked), checkpoints: count(result.checkpointsChecked) })
      : t('audit.notIntact', { reason: result.firstMismatch.reason, position: result.firstMismatch.globalPosition,
        detail: result.firstMismatch.detail });
  } catch (error) {
    output.textContent = '';
    say(t('error.load', { message: error.message }), 'bad');
  }
}

document.getElementById('verify').addEventListener('click', verify);
const checkpoint = await api('/api/ledger/checkpoint', { headers: { Accept: 'text/plain, application/problem+json' } });
document.getElementById('checkpoint').textContent = checkpoint.ok ? checkpoint.data : (checkpoint.problem.detail || '–');
