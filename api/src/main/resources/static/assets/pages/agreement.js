// One agreement: its terms, its parties and their signatures, its certificate, the actions the
// signed-in user's role allows at its stage, and (for auditors and admins) its audit trail.
import { api, asOf, day, el, hasRole, instant, label, load, money, refreshOnChange, say, showProblem, startPage, t, today }
  from '../app.js';
import { passkeysSupported, registerPasskey, signWithPasskey } from '../passkeys.js';

const agreementId = new URLSearchParams(location.search).get('id');
const me = await startPage('nav.agreements');

function partyName(agreement, partyId) {
  const party = agreement.parties.find((candidate) => candidate.partyId === partyId);
  return party ? party.name : partyId;
}

function renderAgreement(agreement) {
  const certification = agreement.certification;
  document.title = `${agreement.title} · ${t('app.name')}`;
  // a fragment, so that the parts an agreement lacks (no decline, no withdrawal) are left out
  document.getElementById('agreement').replaceChildren(el('div', {},
    el('h1', {}, agreement.title),
    el('p', { class: 'badges' },
      el('span', { class: `badge status-${agreement.status}`, id: 'agreement-status' }, label('status', agreement.status)),
      el('span', { class: 'badge' }, label('kind', agreement.kind)),
      el('span', { class: 'badge' }, label('sector', agreement.sector))),
    el('dl', { class: 'facts' },
      el('dt', {}, t('col.value')), el('dd', { id: 'agreement-value' }, money(agreement.value)),
      el('dt', {}, t('col.occasion')), el('dd', {}, agreement.occasion || '–'),
      el('dt', {}, t('col.proposedOn')),
      el('dd', {}, t('agreement.proposedBy', { user: agreement.proposedBy, date: day(agreement.proposedOn) })),
      el('dt', { title: t('agreement.termsHashHint') }, t('agreement.termsHash')),
      el('dd', {}, el('code', { id: 'agreement-terms-hash' }, agreement.termsHash))),
    agreement.declined && el('p', { class: 'notice' }, t('agreement.declined',
      { party: partyName(agreement, agreement.declined.partyId), date: day(agreement.declined.declinedOn) }),
    agreement.declined.reason ? ` — ${agreement.declined.reason}` : ''),
    agreement.withdrawal && el('p', { class: 'notice' }, t('agreement.withdrawn', { date: day(agreement.withdrawal.withdrawnOn) }),
      agreement.withdrawal.reason ? ` — ${agreement.withdrawal.reason}` : ''),
    el('h2', {}, t('agreement.parties')),
    el('div', { class: 'table-scroll' }, el('table', { id: 'parties' },
      el('thead', {}, el('tr', {}, ['propose.partyName', 'propose.organisationType', 'col.city', 'col.country', 'col.status']
        .map((key) => el('th', { scope: 'col' }, t(key))))),
      el('tbody', {}, agreement.parties.map((party) => el('tr', { dataset: { party: party.partyId } },
        el('td', {}, party.name, el('small', {}, ` ${party.partyId}`)),
        el('td', {}, label('org', party.organisationType)),
        el('td', {}, party.city), el('td', {}, party.country),
        el('td', { class: party.signedOn ? 'ok' : 'pending' },
          party.signedOn ? `✓ ${t('agreement.signed', { date: day(party.signedOn) })}` : t('agreement.notSigned'))))))),
    el('h2', {}, t('agreement.certificate')),
    el('p', { id: 'certificate' }, certification
      ? [t('agreement.certificateNo', { no: certification.certificateNo, date: day(certification.certifiedOn) }),
        certification.revokedOn ? el('span', { class: 'bad' }, ` ${t('agreement.revoked',
          { date: day(certification.revokedOn), reason: certification.revocationReason || '' })}`) : '']
      : '–'),
    hasRole(me, 'AUDITOR', 'ADMIN') && el('p', {}, el('a', { href: `/api/agreements/${agreementId}/certificate`,
      download: `certificate-${agreementId}.json`, id: 'download-certificate' }, t('agreement.downloadCertificate')))));
}

/** A form for one command: its fields, a submit button, and the problem answer's messages in place. */
function actionForm(id, titleText, path, fields, toBody) {
  const form = el('form', { id, class: 'action', novalidate: true },
    el('h3', {}, titleText),
    el('div', { class: 'problem', role: 'alert', tabindex: '-1', hidden: true }),
    fields.map(([name, textKey, type, value]) => [
      el('label', { for: `${id}-${name}` }, t(textKey)),
      type === 'textarea' ? el('textarea', { id: `${id}-${name}`, name, rows: 2 })
        : el('input', { id: `${id}-${name}`, name, type, value: value ?? '' })]),
    el('button', { type: 'submit' }, titleText));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    const answer = await api(`/api/agreements/${agreementId}/${path}`, { method: 'POST', body: toBody(values),
      headers: { 'Idempotency-Key': crypto.randomUUID() } });
    if (answer.ok) {
      say(t('action.done', { status: label('status', answer.data.status) }), 'ok');
      await refresh(answer.data.position);
    } else {
      showProblem(form, answer.problem);
    }
  });
  return form;
}

/** A button that signs with the party's passkey what the form's fields say, instead of by account only. */
function passkeyButton(form, passkey, toBody) {
  const button = el('button', { type: 'button', id: 'sign-with-passkey', class: 'secondary' }, t('action.signWithPasskey'));
  button.addEventListener('click', async () => {
    const values = Object.fromEntries(new FormData(form));
    const issued = await api(`/api/agreements/${agreementId}/signing-intent?${new URLSearchParams(
      { partyId: me.partyId, action: 'sign', date: values.signedOn, keyId: passkey.keyId })}`);
    if (!issued.ok) {
      showProblem(form, issued.problem);
      return;
    }
    let signature;
    try {
      signature = await signWithPasskey(issued.data, passkey);
    } catch (refusedByTheBrowser) {
      showProblem(form, { detail: t('keys.browserRefused', { message: refusedByTheBrowser.message }) });
      return;
    }
    const answer = await api(`/api/agreements/${agreementId}/signatures`, { method: 'POST',
      body: { ...toBody(values), signature }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    if (answer.ok) {
      say(t('action.done', { status: label('status', answer.data.status) }), 'ok');
      await refresh(answer.data.position);
    } else {
      showProblem(form, answer.problem);
    }
  });
  return button;
}

function blankToNull(value) {
  return value === '' || value === undefined ? null : value;
}

/**
 * The actions the user may take at the agreement's stage. The forms stay as they are while the same
 * actions are offered: the page is redrawn whenever the ledger moves, and must not wipe what is typed.
 */
function actionsFor(agreement, keys) {
  const offered = [];
  const mine = me.partyId && agreement.parties.find((party) => party.partyId === me.partyId);
  const passkey = passkeysSupported() && (keys[me.partyId] || [])
    .find((key) => key.algorithm === 'WebAuthn' && key.status === 'APPROVED');
  if (hasRole(me, 'SIGNATORY') && mine && agreement.status === 'PROPOSED' && !mine.signedOn) {
    offered.push(() => {
      const toBody = (values) => ({ partyId: me.partyId, signedOn: values.signedOn });
      const form = actionForm('sign', t('action.sign', { party: mine.name }), 'signatures',
        [['signedOn', 'action.date', 'date', today()]], toBody);
      if (passkey) form.append(passkeyButton(form, passkey, toBody));
      return form;
    });
    offered.push(() => actionForm('decline', t('action.decline', { party: mine.name }), 'declines',
      [['declinedOn', 'action.date', 'date', today()], ['reason', 'action.reason', 'textarea']],
      (values) => ({ partyId: me.partyId, declinedOn: values.declinedOn, reason: blankToNull(values.reason) })));
  }
  if (hasRole(me, 'CERTIFIER') && agreement.status === 'SIGNED') {
    offered.push(() => actionForm('certify', t('action.certify'), 'certification',
      [['certificateNo', 'action.certificateNo', 'text'], ['certifiedOn', 'action.date', 'date', today()]],
      (values) => ({ certificateNo: values.certificateNo, certifiedOn: values.certifiedOn })));
  }
  if (hasRole(me, 'CERTIFIER') && agreement.status === 'CERTIFIED') {
    offered.push(() => actionForm('revoke', t('action.revoke'), 'certification/revocation',
      [['revokedOn', 'action.date', 'date', today()], ['reason', 'action.reason', 'textarea']],
      (values) => ({ revokedOn: values.revokedOn, reason: blankToNull(values.reason) })));
  }
  if (hasRole(me, 'REGISTRAR') && agreement.status === 'PROPOSED') {
    offered.push(() => actionForm('withdraw', t('action.withdraw'), 'withdrawal',
      [['withdrawnOn', 'action.date', 'date', today()], ['reason', 'action.reason', 'textarea']],
      (values) => ({ withdrawnOn: values.withdrawnOn, reason: blankToNull(values.reason) })));
  }
  const container = document.getElementById('action-forms');
  const stage = `${agreement.status}:${offered.length}:${passkey ? passkey.keyId : ''}`;
  if (container.dataset.stage !== stage) {
    container.dataset.stage = stage;
    container.replaceChildren(...offered.map((build) => build()));
  }
  document.getElementById('actions').hidden = offered.length === 0;
}

/** The keys of the parties the user acts for here: a signatory's own party, or every party for the certifier. */
async function keysFor(agreement) {
  const parties = hasRole(me, 'CERTIFIER') ? agreement.parties.map((party) => party.partyId)
    : hasRole(me, 'SIGNATORY') && agreement.parties.some((party) => party.partyId === me.partyId) ? [me.partyId] : [];
  const keys = {};
  for (const partyId of parties) {
    keys[partyId] = await load(`/api/parties/${encodeURIComponent(partyId)}/signer-keys`);
  }
  return keys;
}

/** Each party's keys, with what the user may do: register a passkey for its own party, approve a pending key. */
function renderKeys(agreement, keys) {
  const section = document.getElementById('keys');
  section.hidden = Object.keys(keys).length === 0;
  document.getElementById('key-lists').replaceChildren(...Object.entries(keys).map(([partyId, partyKeys]) => {
    const own = partyId === me.partyId;
    return el('div', { class: 'keys', dataset: { party: partyId } },
      el('h3', {}, t('keys.of', { party: partyName(agreement, partyId) })),
      partyKeys.length === 0 ? el('p', {}, t('keys.none')) : el('ul', {}, partyKeys.map((key) =>
        el('li', { dataset: { keyId: key.keyId, status: key.status } },
          el('code', {}, key.keyId), ' ', key.algorithm === 'WebAuthn' ? t('keys.passkey') : t('keys.ed25519'), ' · ',
          label('keyStatus', key.status),
          hasRole(me, 'CERTIFIER') && key.status === 'PENDING' && approveButton(partyId, key)))),
      own && passkeysSupported() && registerButton(partyId));
  }));
}

function registerButton(partyId) {
  const button = el('button', { type: 'button', id: 'register-passkey' }, t('keys.register'));
  button.addEventListener('click', async () => {
    let answer;
    try {
      answer = await registerPasskey(partyId);
    } catch (refusedByTheBrowser) {
      say(t('keys.browserRefused', { message: refusedByTheBrowser.message }), 'bad');
      return;
    }
    if (answer.ok) {
      say(t('keys.registered', { key: answer.data.keyId }), 'ok');
      await refresh(answer.data.position);
    } else {
      say(answer.problem.detail || answer.status, 'bad');
    }
  });
  return button;
}

function approveButton(partyId, key) {
  const button = el('button', { type: 'button', class: 'approve-key' }, t('keys.approve'));
  button.addEventListener('click', async () => {
    const answer = await api(`/api/parties/${encodeURIComponent(partyId)}/signer-keys/${encodeURIComponent(key.keyId)}/approval`,
      { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() } });
    if (answer.ok) {
      say(t('keys.approved', { key: key.keyId }), 'ok');
      await refresh(answer.data.position);
    } else {
      say(answer.problem.detail || answer.status, 'bad');
    }
  });
  return button;
}

async function renderHistory() {
  const timeline = document.getElementById('timeline');
  if (!hasRole(me, 'AUDITOR', 'ADMIN')) {
    timeline.replaceWith(el('p', { id: 'timeline' }, t('agreement.historyForAuditors')));
    return;
  }
  const history = await load(`/api/agreements/${agreementId}/history`);
  const brokenAt = history.firstMismatch ? history.firstMismatch.sequenceNumber : Infinity;
  timeline.replaceChildren(...history.events.map((event) => {
    const verifies = event.sequenceNumber < brokenAt;
    // a party's act says how much it shows the party meant it: its own key, or an account only
    const assurance = event.assurance
      ? [el('span', { class: `assurance assurance-${event.assurance}`, title: t(`assurance.${event.assurance}.hint`) },
        t(`assurance.${event.assurance}`)), ' · ']
      : [];
    return el('li', { class: verifies ? 'verifies' : 'broken', dataset: { type: event.type, assurance: event.assurance || '' } },
      el('strong', {}, label('event', event.type)), ' ', day(event.businessDate), ' · ', ...assurance,
      t('history.by', { actor: event.actor }), ' · ', t('history.recordedAt', { at: instant(event.recordedAt) }), ' · ',
      t('history.position', { position: event.globalPosition }),
      el('br'), el('code', { title: event.hash }, event.hash.slice(0, 16) + '…'), ' ',
      el('span', { class: verifies ? 'ok' : 'bad' }, verifies ? `✓ ${t('history.verifies')}` : `✗ ${t('history.doesNotVerify')}`));
  }));
}

// the agreement as last drawn: another agreement's event leaves this page, and its history, as they are
let drawn = null;

async function refresh(position) {
  try {
    // after an action, read the agreement as of the command's own event: never an older state
    const agreement = await load(`/api/agreements/${agreementId}`, asOf(position));
    const keys = await keysFor(agreement);
    const now = JSON.stringify([agreement, keys]);
    if (now === drawn) return;
    drawn = now;
    renderAgreement(agreement);
    renderKeys(agreement, keys);
    actionsFor(agreement, keys);
    await renderHistory();
  } catch (error) {
    say(t('error.load', { message: error.message }), 'bad');
  }
}

await refresh(new URLSearchParams(location.search).get("position"));
refreshOnChange(() => refresh());
