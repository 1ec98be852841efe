// What every page of the web app shares: the signed-in user, texts and formats per language, the
// page header, and calls to the ledger's HTTP API (the same API and rules as every other client).
import { LANGUAGES, LOCALES, MESSAGES } from './i18n.js';

const LANGUAGE_KEY = 'ledger.language';
const SIGN_IN = '/sign-in';

export const language = chooseLanguage();
const locale = LOCALES[language];

function chooseLanguage() {
  const chosen = localStorage.getItem(LANGUAGE_KEY);
  if (chosen && MESSAGES[chosen]) return chosen;
  const preferred = (navigator.languages || [navigator.language]).map((tag) => tag.toLowerCase().split('-')[0]);
  return preferred.find((tag) => MESSAGES[tag]) || 'en';
}

/** The text for a key in the page's language (English when missing), with {name} placeholders filled. */
export function t(key, params = {}) {
  const text = MESSAGES[language][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** A code's human label (sector, kind, status, organisation type, event type), or the code itself. */
export function label(group, code) {
  const key = `${group}.${code}`;
  return MESSAGES[language][key] ?? MESSAGES.en[key] ?? code;
}

/** An amount as the API gives it (a decimal string and a currency), formatted exactly: never through a float. */
export function money(value) {
  if (!value) return '–';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(value.amount);
}

export function moneys(values) {
  return values && values.length ? values.map(money).join(' + ') : '–';
}

export function count(number) {
  return new Intl.NumberFormat(locale).format(number);
}

/** A business date (yyyy-mm-dd) in the page's language, without moving it across time zones. */
export function day(isoDate) {
  if (!isoDate) return '–';
  const [year, month, dayOfMonth] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, month - 1, dayOfMonth)));
}

export function instant(isoInstant) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(isoInstant));
}

export function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((entry) => entry.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

/**
 * Calls the API with the session; answers {ok, status, data, problem}. A problem answer keeps its
 * detail and, for refused fields, each field's own message. A lost session goes back to sign-in.
 */
export async function api(path, { method = 'GET', body, form, text, contentType, headers = {} } = {}) {
  const request = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest', ...headers },
  };
  if (method !== 'GET') request.headers['X-XSRF-TOKEN'] = csrfToken();
  if (body !== undefined) {
    request.headers['Content-Type'] = 'application/json';
    request.body = JSON.stringify(body);
  } else if (form !== undefined) {
    request.body = new URLSearchParams(form);
  } else if (text !== undefined) {
    request.headers['Content-Type'] = contentType;
    request.body = text;
  }
  const response = await fetch(path, request);
  if (response.status === 401 && path !== SIGN_IN) {
    location.assign(`${SIGN_IN}.html`);
  }
  const answered = await response.text();
  const data = answered && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(answered) : answered;
  return response.ok ? { ok: true, status: response.status, data }
    : { ok: false, status: response.status, data: null, problem: typeof data === 'object' ? data : { detail: response.statusText } };
}

/** The API's answer, or an error carrying the problem's detail. */
export async function load(path, headers = {}) {
  const answer = await api(path, { headers });
  if (!answer.ok) {
    const error = new Error(answer.status === 403 ? t('error.forbidden') : answer.problem.detail || answer.status);
    error.status = answer.status;
    throw error;
  }
  return answer.data;
}

/** The ledger's codes, in the order forms offer them (sectors come from the server's catalogue). */
export const KINDS = ['INDUSTRY', 'TECHNOLOGY', 'TALENT'];
export const STATUSES = ['PROPOSED', 'SIGNED', 'CERTIFIED', 'REVOKED', 'DECLINED', 'WITHDRAWN'];
export const ORGANISATION_TYPES = ['ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'ALLIANCE', 'GOVERNMENT_BODY', 'INCUBATOR'];

/** Fills a filter's select: "any", then each code by its label. */
export function anyOrOneOf(select, codes, group) {
  select.replaceChildren(el('option', { value: '' }, t('filter.any')),
    ...codes.map((code) => el('option', { value: code }, label(group, code))));
}

/**
 * Keeps a page's filters in its address, so that a view can be shared: the form shows those it has
 * a field for, its submission changes them and its reset clears them all (each going back to the
 * first page), and the page is refreshed. Answers the address's parameters, the filters alone as a
 * query, and a way to change some.
 */
export function filtersInAddress(form, names, refresh, defaults = {}) {
  const params = new URLSearchParams(location.search);
  const inForm = names.filter((name) => form.elements[name]);
  inForm.forEach((name) => { form.elements[name].value = params.get(name) || defaults[name] || ''; });
  const go = (changes) => {
    Object.entries(changes).forEach(([name, value]) => (value ? params.set(name, value) : params.delete(name)));
    history.pushState(null, '', params.toString() ? `?${params}` : location.pathname);
    refresh();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ ...Object.fromEntries(inForm.map((name) => [name, form.elements[name].value.trim()])), page: '' });
  });
  form.addEventListener('reset', () => setTimeout(() => go(Object.fromEntries([...names, 'page'].map((name) => [name, '']))), 0));
  window.addEventListener('popstate', () => location.reload());
  const query = () => {
    const filters = new URLSearchParams();
    names.forEach((name) => { if (params.get(name)) filters.set(name, params.get(name)); });
    return filters;
  };
  return { params, query, go };
}

/** Builds an element: el('a', {href: '/'}, 'text', child...). Text is always set as text, never as HTML. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  children.flat(Infinity).forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return element;
}

const PAGES = [
  { href: '/', key: 'nav.overview', roles: ['ANALYST', 'AUDITOR', 'ADMIN'] },
  { href: '/agreements.html', key: 'nav.agreements' },
  { href: '/agreements.html?awaiting=mine', key: 'nav.awaiting', roles: ['SIGNATORY'] },
  { href: '/propose.html', key: 'nav.propose', roles: ['REGISTRAR'] },
  { href: '/import.html', key: 'nav.import', roles: ['REGISTRAR'] },
  { href: '/audit.html', key: 'nav.audit', roles: ['AUDITOR', 'ADMIN'] },
  { href: '/admin.html', key: 'nav.admin', roles: ['ADMIN'] },
];

export function hasRole(me, ...roles) {
  return roles.some((role) => me.roles.includes(role));
}

/** Sets the page's language, title and every element's text named by its data-text key. */
export function translatePage(titleKey) {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;
  document.title = `${t(titleKey)} · ${t('app.name')}`;
  document.querySelectorAll('[data-text]').forEach((node) => { node.textContent = t(node.dataset.text); });
}

/** Renders the page's header (navigation for the user's roles, language, sign-out) and answers who is signed in. */
export async function startPage(titleKey) {
  translatePage(titleKey);
  const me = await load('/api/me');
  const here = location.pathname + location.search;
  const links = PAGES.filter((page) => !page.roles || hasRole(me, ...page.roles)).map((page) =>
    el('li', {}, el('a', { href: page.href, 'aria-current': page.href === here ? 'page' : null }, t(page.key))));
  const languages = el('select', { id: 'language', 'aria-label': t('nav.language'),
    onchange: (event) => { localStorage.setItem(LANGUAGE_KEY, event.target.value); location.reload(); } },
  Object.entries(LANGUAGES).map(([code, name]) => el('option', { value: code, selected: code === language }, name)));
  const signOut = el('button', { type: 'button', id: 'sign-out', onclick: async () => {
    await api('/sign-out', { method: 'POST' });
    location.assign('/sign-in.html');
  } }, t('nav.signOut'));
  document.querySelector('header').replaceChildren(
    el('a', { class: 'brand', href: '/' }, t('app.name')),
    el('nav', { 'aria-label': t('app.name') }, el('ul', {}, links)),
    el('div', { class: 'session' },
      el('span', { id: 'signed-in-as' }, t('nav.signedInAs', { user: me.username + (me.partyId ? ` (${me.partyId})` : '') })),
      languages, signOut));
  return me;
}

/** Shows a message in the page's status line (role="status", read out by screen readers). */
export function say(message, kind = 'info') {
  const status = document.getElementById('status');
  status.textContent = message;
  status.className = `status ${kind}`;
  status.hidden = !message;
}

/** Sets a form's field errors from a problem answer: each message next to its field, and a summary. */
export function showProblem(form, problem) {
  form.querySelectorAll('.field-error').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
  const summary = form.querySelector('.problem');
  summary.replaceChildren(el('p', {}, problem.detail || problem.title || ''));
  (problem.errors || problem.fields || []).forEach((error) => {
    const input = form.querySelector(`[name="${CSS.escape(error.field)}"]`);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const message = el('span', { class: 'field-error', id: `${input.id}-error` }, error.message || error.detail);
      input.setAttribute('aria-describedby', message.id);
      input.after(message);
    } else {
      summary.append(el('p', {}, `${error.field}: ${error.message || error.detail}`));
    }
  });
  summary.hidden = false;
  summary.focus();
}

/** The header that has a query answered only once the read side covers a command's event. */
export function asOf(position) {
  return position ? { 'X-Ledger-Position': String(position) } : {};
}

/** Re-runs a page's refresh when the ledger's read side moves on (server-sent events), at most every half second. */
export function refreshOnChange(refresh) {
  let pending = null;
  const source = new EventSource('/api/stream/read-model');
  source.addEventListener('projected', () => {
    if (pending) return;
    pending = setTimeout(async () => { pending = null; await refresh(); }, 500);
  });
  return source;
}
