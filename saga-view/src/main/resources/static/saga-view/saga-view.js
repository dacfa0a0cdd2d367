// The saga view. Plain JavaScript, no libraries: the browser talks to order-service only.
//   - the public order API: POST /orders, GET /orders/{id}, GET /orders/{id}/timeline
//   - GET /saga-view/products: inventory's menu, through order-service
//   - GET /saga-view/orders/{id}/participants: each other service's record of the order, through order-service
//   - /admin/system/**: order-service's admin proxy to every service, with the admin login typed
//     into this page (HTTP Basic; kept in this tab's sessionStorage only, never sent elsewhere)
'use strict';

const HAPPY_PATH = ['AWAITING_PAYMENT', 'PAID', 'PREPARING', 'READY_FOR_DELIVERY', 'OUT_FOR_DELIVERY', 'DELIVERED'];
const FINAL = new Set(['DELIVERED', 'REJECTED', 'CANCELLED']);
// Off the happy path but not an end: a cancellation was asked for, and the kitchen has not answered
// yet. The order is locked there (nothing compensated), and the facts that arrive still count.
const CANCELLING = 'CANCELLING';
// The state each fact of the happy path moves an order to; while CANCELLING, the timeline shows the
// fact with CANCELLING as its status after, and this says how far the facts have got.
const FACT_STATE = {
  'payment.completed': 'PAID',
  'ticket.accepted': 'PREPARING',
  'meal.prepared': 'READY_FOR_DELIVERY',
  'delivery.assigned': 'OUT_FOR_DELIVERY',
  'delivery.completed': 'DELIVERED',
};
const STATE_HINTS = {
  AWAITING_PAYMENT: 'stock reserved',
  PAID: 'amount held',
  PREPARING: 'kitchen cooking',
  READY_FOR_DELIVERY: 'meal ready',
  OUT_FOR_DELIVERY: 'courier on the way',
  DELIVERED: 'handed over',
};
const POLL_MS = 500;
// Facts can still arrive after the order's last state (a void or a refund follows a cancellation):
// keep reading the timeline this long after the order ended.
const AFTER_END_MS = 6000;
const DEAD_LETTER_REFRESH_MS = 2000;

// Which events each service consumes: what its failure switch can make fail.
const CONSUMES = {
  order: ['payment.completed', 'payment.failed', 'payment.captured', 'payment.voided', 'payment.refunded',
    'ticket.accepted', 'ticket.rejected', 'ticket.cancelled', 'ticket.cancellation-refused', 'meal.prepared',
    'delivery.assigned', 'delivery.completed', 'delivery.failed'],
  inventory: ['ticket.accepted', 'order.cancelled'],
  payment: ['order.placed', 'ticket.accepted', 'order.cancelled'],
  kitchen: ['payment.completed', 'order.cancellation-requested'],
  delivery: ['meal.prepared'],
};

// The outcomes of the order form: a payment token, and for two of them a teaching switch that is
// turned on before the order is placed and undone once it has done its work.
const OUTCOMES = {
  approved: { token: 'tok_visa' },
  declined: { token: 'tok_declined' },
  insufficient: { token: 'tok_insufficient_funds' },
  kitchen: { token: 'tok_visa', prepare: kitchenCannotMake },
  courier: { token: 'tok_visa', prepare: noCourier },
};

const $ = (selector) => document.querySelector(selector);

/** A DOM element with attributes and children (text is always set as text, never as HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// The admin login: in this tab's sessionStorage, gone when the tab closes.

const LOGIN_KEY = 'saga-view.admin';

function adminAuthorization() {
  return sessionStorage.getItem(LOGIN_KEY);
}

function base64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

function showLoginState(text, kind) {
  const state = $('#login-state');
  state.textContent = text;
  state.className = 'login-state ' + (kind || '');
}

$('#login').addEventListener('submit', (event) => {
  event.preventDefault();
  const user = $('#admin-user').value.trim();
  const password = $('#admin-password').value;
  if (!user || !password) {
    showLoginState('enter user and password', 'bad');
    return;
  }
  sessionStorage.setItem(LOGIN_KEY, 'Basic ' + base64(user + ':' + password));
  $('#admin-password').value = '';
  showLoginState('set for this tab', 'ok');
  refreshDeadLetters();
  showFailureSwitch();
});

$('#forget-login').addEventListener('click', () => {
  sessionStorage.removeItem(LOGIN_KEY);
  showLoginState('not set');
  refreshDeadLetters();
});

// ---------------------------------------------------------------------------------------------
// HTTP: every call goes to this page's own origin.

/**
 * @returns {Promise<{status: number, ok: boolean, body: any, problem: string|null}>}; status 0
 * when order-service itself did not answer
 */
async function call(method, path, { json, admin = false, quiet = false } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (admin) {
    const authorization = adminAuthorization();
    if (!authorization) {
      const result = { status: 0, ok: false, body: null, problem: 'enter the admin login first (top right)' };
      if (!quiet) logRequest(method, path, result);
      return result;
    }
    headers.Authorization = authorization;
    // Without it, a 401 would make the browser open its own login dialog.
    headers['X-Requested-With'] = 'XMLHttpRequest';
  }
  let result;
  try {
    const response = await fetch(path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch { body = text; }
    result = { status: response.status, ok: response.ok, body, problem: response.ok ? null : describeProblem(response.status, body) };
  } catch (error) {
    result = { status: 0, ok: false, body: null, problem: 'order-service did not answer (' + error.message + ')' };
  }
  if (admin && result.status === 401) showLoginState('refused: check user and password', 'bad');
  if (!quiet) logRequest(method, path, result);
  return result;
}

/** A problem detail (RFC 9457) in one line: its title and detail. */
function describeProblem(status, body) {
  if (status === 401) return '401: the admin login is missing or wrong';
  if (body && typeof body === 'object' && (body.title || body.detail)) {
    return status + ' ' + [body.title, body.detail].filter(Boolean).join(': ');
  }
  return 'answered ' + status;
}

function logRequest(method, path, result) {
  const list = $('#requests');
  const status = result.status || '—';
  list.prepend(el('li', {},
    el('span', { class: 'when' }, clock(new Date())),
    el('span', { class: 'status ' + (result.ok ? 'ok' : 'bad') }, String(status)),
    el('code', {}, method + ' ' + path),
    result.problem ? el('span', { class: 'detail' }, ' · ' + result.problem) : null));
  while (list.children.length > 30) list.lastChild.remove();
}

// ---------------------------------------------------------------------------------------------
// 1 · The order form

let products = [];

async function loadProducts() {
  const state = $('#products-state');
  const answer = await call('GET', '/saga-view/products', { quiet: true });
  if (!answer.ok || !Array.isArray(answer.body)) {
    state.textContent = 'The menu could not be loaded: ' + (answer.problem || 'unexpected answer') + '. ';
    state.append(el('button', { type: 'button', class: 'quiet', onclick: loadProducts }, 'try again'));
    state.className = 'hint bad';
    return;
  }
  products = answer.body;
  state.textContent = products.length + ' dishes on the menu (from inventory, through order-service).';
  state.className = 'hint';
  const lines = $('#lines');
  if (!lines.children.length) addLine();
  else for (const select of lines.querySelectorAll('select')) fillProducts(select, select.value);
}

function fillProducts(select, chosen) {
  select.replaceChildren(...products.map((p) => el('option', { value: p.sku, selected: p.sku === chosen, title: p.sku },
    `${p.name} · ${Number(p.price).toFixed(2)} · ${p.available} left`)));
}

function addLine() {
  const select = el('select', { class: 'sku', 'aria-label': 'dish' });
  const usual = products.find((p) => p.sku === 'PIZZA-MARGHERITA') || products[0];
  fillProducts(select, usual ? usual.sku : undefined);
  const line = el('div', { class: 'line' },
    select,
    el('input', { class: 'quantity', type: 'number', min: 1, max: 50, value: 1, 'aria-label': 'quantity' }),
    el('button', { type: 'button', class: 'quiet danger', title: 'remove this item',
      onclick: () => { if ($('#lines').children.length > 1) line.remove(); } }, '×'));
  $('#lines').append(line);
}

$('#add-line').addEventListener('click', addLine);

function orderRequest(token) {
  return {
    customerId: $('#customer').value.trim(),
    lines: [...document.querySelectorAll('#lines .line')].map((line) => ({
      sku: line.querySelector('.sku').value,
      quantity: Number(line.querySelector('.quantity').value),
    })),
    deliveryAddress: { street: $('#street').value.trim(), city: $('#city').value.trim(), postcode: $('#postcode').value.trim() },
    paymentToken: token,
  };
}

function setPlaceState(text, kind) {
  const state = $('#place-state');
  state.textContent = text;
  state.className = 'hint ' + (kind || '');
}

$('#order-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const outcome = OUTCOMES[document.querySelector('input[name=outcome]:checked').value];
  const request = orderRequest(outcome.token);
  if (!request.lines.length || request.lines.some((line) => !line.sku)) {
    setPlaceState('Choose at least one dish.', 'bad');
    return;
  }
  const button = $('#place');
  button.disabled = true;
  try {
    // A teaching switch first; its undo runs once the order is past the point it matters.
    let switched = null;
    if (outcome.prepare) {
      setPlaceState('Setting the teaching switch …');
      switched = await outcome.prepare(request);
      if (!switched) return;
    }
    setPlaceState('Placing the order …');
    const answer = await call('POST', '/orders', { json: request });
    if (!answer.ok) {
      setPlaceState('Not placed: ' + answer.problem, 'bad');
      if (switched) await switched.undo();
      return;
    }
    setPlaceState(`Placed: ${answer.status} ${answer.status === 201 ? 'Created' : ''}, order ${answer.body.id}`, 'ok');
    follow(answer.body.id, switched);
  } finally {
    button.disabled = false;
  }
});

$('#follow-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const id = $('#follow-id').value.trim();
  if (id) follow(id, null);
});

/** "Kitchen rejects": the first dish unavailable at the kitchen, until the kitchen has decided. */
async function kitchenCannotMake(request) {
  const sku = request.lines[0].sku;
  const before = await call('GET', '/admin/system/kitchen/kitchen/unavailable-skus', { admin: true });
  if (!before.ok) {
    setPlaceState('Could not reach the kitchen\'s switch: ' + before.problem, 'bad');
    return null;
  }
  const wasUnavailable = Array.isArray(before.body) && before.body.includes(sku);
  const marked = await call('PUT', '/admin/system/kitchen/kitchen/unavailable-skus/' + encodeURIComponent(sku), { admin: true });
  if (!marked.ok) {
    setPlaceState('Could not mark ' + sku + ' unavailable: ' + marked.problem, 'bad');
    return null;
  }
  return {
    label: `kitchen: ${sku} unavailable`,
    // The kitchen decides when payment.completed reaches it: once the order is past PAID.
    undoWhen: (status) => FINAL.has(status) || HAPPY_PATH.indexOf(status) >= HAPPY_PATH.indexOf('PREPARING'),
    undo: async () => {
      if (wasUnavailable) return; // it was unavailable before this page touched it: leave it so
      await call('DELETE', '/admin/system/kitchen/kitchen/unavailable-skus/' + encodeURIComponent(sku), { admin: true });
    },
  };
}

/** "No courier": every courier off duty, until the order ends. */
async function noCourier() {
  const emptied = await call('POST', '/admin/system/delivery/couriers/empty', { admin: true });
  if (!emptied.ok) {
    setPlaceState('Could not empty the courier pool: ' + emptied.problem, 'bad');
    return null;
  }
  return {
    label: 'delivery: courier pool empty',
    undoWhen: (status) => FINAL.has(status) || status === 'OUT_FOR_DELIVERY',
    undo: async () => { await call('POST', '/admin/system/delivery/couriers/refill', { admin: true }); },
  };
}

// ---------------------------------------------------------------------------------------------
// 2 · Following one order

let following = null;

function follow(id, switched) {
  if (following) clearTimeout(following.timer);
  following = { id, switched, endedAt: null, seen: new Set(), timer: null };
  history.replaceState(null, '', '#order=' + encodeURIComponent(id));
  $('#order-summary').textContent = 'Following order ' + id + ' …';
  $('#timeline tbody').replaceChildren();
  $('#participants').replaceChildren();
  setCancelState('');
  renderStates(null, []);
  tick(following);
}

// The customer's cancellation: a request. The answer is 202 with the order CANCELLING (or as it
// stands); the kitchen's decision shows up later, in the order and its timeline.
function setCancelState(text, kind) {
  const state = $('#cancel-state');
  state.textContent = text;
  state.className = 'hint ' + (kind || '');
}

$('#cancel-order').addEventListener('click', async () => {
  if (!following) return;
  const current = following;
  const answer = await call('POST', '/orders/' + encodeURIComponent(current.id) + '/cancel');
  if (current !== following) return;
  if (!answer.ok) {
    setCancelState('Not cancellable: ' + answer.problem, 'bad');
    return;
  }
  setCancelState(answer.body.status === CANCELLING
    ? `${answer.status} Accepted: CANCELLING, the kitchen decides`
    : `${answer.status} Accepted: the order as it stands, ${answer.body.status}`, 'ok');
});

async function tick(current) {
  const id = encodeURIComponent(current.id);
  // The participants are asked every other tick: four services behind one request, each poll.
  current.ticks = (current.ticks || 0) + 1;
  const askParticipants = current.ticks % 2 === 1 || current.endedAt !== null;
  const [order, timeline, participants] = await Promise.all([
    call('GET', '/orders/' + id, { quiet: true }),
    call('GET', '/orders/' + id + '/timeline', { quiet: true }),
    askParticipants ? call('GET', '/saga-view/orders/' + id + '/participants', { quiet: true }) : null,
  ]);
  if (current !== following) return; // another order is followed now
  if (participants && participants.ok && Array.isArray(participants.body)) renderParticipants(participants.body);
  if (!order.ok) {
    $('#order-summary').replaceChildren(el('span', { class: 'bad-text' }, 'Order ' + current.id + ': ' + order.problem));
    if (order.status === 404 || order.status === 400) return;
    current.timer = setTimeout(() => tick(current), 2000);
    return;
  }
  const steps = timeline.ok && Array.isArray(timeline.body) ? timeline.body : [];
  renderOrder(order.body, steps, current);
  const status = order.body.status;
  if (current.switched && !current.switched.done && current.switched.undoWhen(status)) {
    current.switched.done = true;
    await current.switched.undo();
  }
  if (FINAL.has(status)) {
    current.endedAt = current.endedAt || Date.now();
    if (Date.now() - current.endedAt > AFTER_END_MS) {
      $('#order-panel').dataset.following = 'done';
      return;
    }
  }
  $('#order-panel').dataset.following = 'live';
  current.timer = setTimeout(() => tick(current), POLL_MS);
}

function renderOrder(order, steps, current) {
  const panel = $('#order-panel');
  panel.dataset.orderId = order.id;
  panel.dataset.status = order.status;
  const lines = order.lines.map((line) => `${line.quantity} × ${line.name || line.sku}`).join(', ');
  const end = FINAL.has(order.status) ? new Date(order.updatedAt) : new Date();
  const seconds = ((end - new Date(order.createdAt)) / 1000).toFixed(1);
  $('#order-summary').replaceChildren(
    'Order ', el('b', { class: 'mono', id: 'order-id' }, order.id), ' · ', order.customerId, ' · ', lines,
    order.total !== null ? ` · total ${Number(order.total).toFixed(2)}` : '',
    ` · placed ${clock(new Date(order.createdAt))} · `, el('b', { id: 'order-status' }, order.status),
    ` after ${seconds} s`,
    current.switched ? el('span', { class: 'hint' }, ` · switch: ${current.switched.label}${current.switched.done ? ' (undone)' : ''}`) : '');
  renderStates(order, steps);
  renderTimeline(steps, current);
  $('#cancel-order').hidden = FINAL.has(order.status);
}

function renderStates(order, steps) {
  const status = order ? order.status : null;
  const counted = steps.filter((s) => !s.ignored);
  const reached = new Set(counted.map((s) => (s.statusAfter === CANCELLING && FACT_STATE[s.step]) || s.statusAfter));
  if (status) reached.add(status);
  const failed = status === 'CANCELLED' || status === 'REJECTED';
  // While CANCELLING, the last state the facts reached is where a refusal returns the order.
  const held = status === CANCELLING ? [...HAPPY_PATH].reverse().find((state) => reached.has(state)) : null;
  $('#states').replaceChildren(...HAPPY_PATH.map((state) => {
    let kind = '';
    if (state === status) kind = 'current' + (FINAL.has(state) ? ' final' : ' moving');
    else if (state === held) kind = 'held';
    else if (reached.has(state)) kind = 'done';
    else if (failed) kind = 'skipped';
    // A line may break after each underscore, so that the full name always shows.
    const name = state.split('_').flatMap((part, i) => (i ? ['_', el('wbr'), part] : [part]));
    return el('li', { class: kind, 'data-state': state, title: state },
      el('b', {}, name), el('span', {}, STATE_HINTS[state]));
  }));
  const end = $('#order-end');
  if (failed) {
    end.hidden = false;
    end.className = 'order-end bad';
    end.replaceChildren(`${status}${order.reason ? ' · ' + order.reason : ''}`,
      order.reasonDetail ? el('small', {}, order.reasonDetail) : null);
  } else if (status === CANCELLING) {
    end.hidden = false;
    end.className = 'order-end pending';
    end.replaceChildren(`CANCELLING${order.reason ? ' · ' + order.reason : ''} · waiting for the kitchen's answer`,
      el('small', {}, 'Nothing is compensated yet. Granted, the order ends CANCELLED; refused (the meal is '
        + 'prepared), it goes back to where the facts put it.'));
  } else if (status === 'DELIVERED') {
    end.hidden = false;
    end.className = 'order-end good';
    end.replaceChildren('DELIVERED · the saga ended well');
  } else {
    end.hidden = true;
  }
}

// What a participant's record says in a few words, beside its status.
const PARTICIPANT_DETAIL = {
  reservation: (r) => (r.lines || []).map((line) => `${line.quantity} × ${line.sku}`).join(', '),
  payment: (p) => [p.amount !== null && p.amount !== undefined ? Number(p.amount).toFixed(2) : '', moneyOf(p),
    p.pendingOperation ? 'asked: ' + p.pendingOperation + (p.followUp ? ', then ' + p.followUp : '') : '',
    p.reason || ''].filter(Boolean).join(' · '),
  ticket: (t) => t.reason || (t.readyAt ? 'ready ' + clock(new Date(t.readyAt)) : ''),
  delivery: (d) => d.courierName ? 'courier ' + d.courierName : (d.failureReason || `attempt ${d.attempts}`),
};

/** Where a payment's money is: held on the card, taken, or given back. */
function moneyOf(payment) {
  if (payment.refunded !== null && payment.refunded !== undefined) return 'refunded';
  if (payment.captured !== null && payment.captured !== undefined) return 'taken';
  if (payment.held !== null && payment.held !== undefined) return 'held';
  return '';
}

function renderParticipants(participants) {
  $('#participants').replaceChildren(...participants.map((p) => {
    const kind = !p.reachable ? 'unreachable' : (p.state ? 'kept' : 'none');
    const status = p.state ? p.state.status : (p.reachable ? 'none yet' : 'unreachable');
    const detail = p.state ? PARTICIPANT_DETAIL[p.record](p.state) : p.problem;
    return el('div', { class: 'participant ' + kind, 'data-service': p.service, 'data-status': p.state ? p.state.status : '' },
      el('span', { class: 'svc ' + p.service }, p.service), el('span', { class: 'record' }, p.record),
      el('b', {}, status), el('small', { title: detail || '' }, detail || '\u00a0'));
  }));
}

function renderTimeline(steps, current) {
  const body = $('#timeline tbody');
  if (!steps.length) {
    body.replaceChildren(el('tr', { class: 'empty' }, el('td', { colspan: 6 }, 'No steps yet.')));
    return;
  }
  const start = new Date(steps[0].occurredAt);
  body.replaceChildren(...steps.map((step) => {
    const fresh = !current.seen.has(step.id);
    current.seen.add(step.id);
    const after = ((new Date(step.occurredAt) - start) / 1000).toFixed(2);
    return el('tr', {
      class: [step.ignored ? 'ignored' : '', fresh ? 'fresh' : '', step.statusAfter === CANCELLING ? 'cancelling' : '']
        .join(' ').trim(),
      'data-service': step.service, 'data-step': step.step, 'data-status-after': step.statusAfter,
    },
    el('td', { class: 'time mono' }, clock(new Date(step.occurredAt))),
    el('td', { class: 'num mono' }, '+' + after + ' s'),
    el('td', {}, el('span', { class: 'svc ' + step.service }, step.service)),
    el('td', {}, el('code', {}, step.step)),
    el('td', {}, step.statusAfter),
    el('td', {},
      step.reason ? el('span', { class: 'reason' }, step.reason + ' ') : null,
      step.detail ? el('span', { class: 'detail' }, step.detail) : null,
      step.ignored ? el('span', { class: 'detail' }, ' ignored: ' + (step.ignoredBecause || '')) : null));
  }));
}

function clock(date) {
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

// ---------------------------------------------------------------------------------------------
// 3 · Dead letters of every service, and the switch that makes them

const expanded = new Map(); // dead-letter key -> its full body, once shown
let deadLetterTimer = null;

function letterKey(letter) {
  return letter.service + '/' + letter.id;
}

async function refreshDeadLetters() {
  clearTimeout(deadLetterTimer);
  const body = $('#dead-letters tbody');
  if (!adminAuthorization()) {
    $('#dl-services').replaceChildren();
    body.replaceChildren(el('tr', { class: 'empty' }, el('td', { colspan: 7 }, 'Enter the admin login above to see the dead letters.')));
    return;
  }
  const answer = await call('GET', '/admin/system/dead-letters', { admin: true, quiet: true });
  if (!answer.ok) {
    body.replaceChildren(el('tr', { class: 'empty' }, el('td', { colspan: 7 }, 'Could not list the dead letters: ' + answer.problem)));
    // A refused login is not retried until it is typed again.
    if (answer.status !== 401) deadLetterTimer = setTimeout(refreshDeadLetters, DEAD_LETTER_REFRESH_MS);
    return;
  }
  showLoginState('set for this tab', 'ok');
  renderServices(answer.body.services);
  renderDeadLetters(answer.body.deadLetters);
  deadLetterTimer = setTimeout(refreshDeadLetters, DEAD_LETTER_REFRESH_MS);
}

function renderServices(services) {
  $('#dl-services').replaceChildren(...services.map((s) => {
    const kind = !s.reachable ? 'unreachable' : s.problem ? 'failed' : s.deadLetters ? 'has-letters' : '';
    const text = !s.reachable ? 'unreachable' : s.problem ? s.problem : s.deadLetters + ' dead letter' + (s.deadLetters === 1 ? '' : 's');
    return el('span', { class: 'service-state ' + kind, 'data-service': s.service, title: s.problem || '' },
      el('span', { class: 'svc ' + s.service }, s.service), ' ', text);
  }));
}

function renderDeadLetters(letters) {
  const body = $('#dead-letters tbody');
  if (!letters.length) {
    body.replaceChildren(el('tr', { class: 'empty' }, el('td', { colspan: 7 },
      'No dead letters. To make one: switch a handler failure on below, then place an order.')));
    return;
  }
  const rows = [];
  for (const letter of letters) {
    const key = letterKey(letter);
    rows.push(el('tr', { 'data-id': letter.id, 'data-service': letter.service, 'data-routing-key': letter.originalRoutingKey || '' },
      el('td', {}, el('span', { class: 'svc ' + letter.service }, letter.service)),
      el('td', {}, el('code', {}, letter.originalRoutingKey || '?')),
      el('td', {}, letter.reason),
      el('td', { class: 'detail' }, letter.exception || ''),
      el('td', { class: 'num' }, String(letter.attempts)),
      el('td', { class: 'time' }, clock(new Date(letter.deadLetteredAt))),
      el('td', { class: 'actions' },
        el('button', { type: 'button', class: 'quiet show-body', onclick: () => toggleBody(letter) }, expanded.has(key) ? 'hide' : 'body'),
        el('button', { type: 'button', class: 'replay', onclick: () => replay(letter) }, 'Replay'),
        el('button', { type: 'button', class: 'quiet danger discard', onclick: () => discard(letter) }, 'Discard'))));
    if (expanded.has(key)) {
      rows.push(el('tr', { class: 'body-row', 'data-body-of': letter.id },
        el('td', { colspan: 7 }, el('pre', {}, expanded.get(key)))));
    }
  }
  body.replaceChildren(...rows);
}

async function toggleBody(letter) {
  const key = letterKey(letter);
  if (expanded.has(key)) {
    expanded.delete(key);
  } else {
    const answer = await call('GET', `/admin/system/${letter.service}/dead-letters/${letter.id}`, { admin: true });
    if (!answer.ok) return;
    let text = answer.body.body;
    if (answer.body.bodyEncoding === 'base64') {
      // Not UTF-8 text (or it holds a NUL byte): the bytes, base64-encoded.
      text = `(not text: ${text.length} base64 characters)\n${text}`;
    } else {
      try { text = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON: shown as it is */ }
    }
    expanded.set(key, text);
  }
  refreshDeadLetters();
}

async function replay(letter) {
  const answer = await call('POST', `/admin/system/dead-letters/${letter.service}/${letter.id}/replay`, { admin: true });
  if (answer.ok) expanded.delete(letterKey(letter));
  refreshDeadLetters();
}

async function discard(letter) {
  if (!confirm(`Discard this ${letter.originalRoutingKey || ''} dead letter of ${letter.service}? It is gone for good.`)) return;
  const answer = await call('DELETE', `/admin/system/dead-letters/${letter.service}/${letter.id}`, { admin: true });
  if (answer.ok) expanded.delete(letterKey(letter));
  refreshDeadLetters();
}

function describeSwitch(settings) {
  if (!settings || (!settings.transientFailures && !settings.poison)) return 'off';
  const what = settings.routingKey || 'every event';
  return settings.poison ? `the next ${what} is poison` : `the next ${settings.transientFailures} handlings of ${what} fail`;
}

async function showFailureSwitch() {
  const service = $('#failure-service').value;
  $('#routing-keys').replaceChildren(...CONSUMES[service].map((key) => el('option', { value: key })));
  if (!adminAuthorization()) return;
  const answer = await call('GET', `/admin/system/${service}/handler-failures`, { admin: true, quiet: true });
  $('#failure-state').textContent = answer.ok ? `${service}: ${describeSwitch(answer.body)}` : answer.problem;
}

$('#failure-service').addEventListener('change', () => {
  const service = $('#failure-service').value;
  $('#failure-key').value = CONSUMES[service][0];
  showFailureSwitch();
});

$('#failure-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const service = $('#failure-service').value;
  const poison = $('#failure-poison').checked;
  const answer = await call('PUT', `/admin/system/${service}/handler-failures`, {
    admin: true,
    json: { routingKey: $('#failure-key').value.trim() || null, transientFailures: poison ? 0 : Number($('#failure-count').value), poison },
  });
  $('#failure-state').textContent = answer.ok ? `${service}: ${describeSwitch(answer.body)}` : answer.problem;
});

$('#failure-off').addEventListener('click', async () => {
  const service = $('#failure-service').value;
  const answer = await call('DELETE', `/admin/system/${service}/handler-failures`, { admin: true });
  $('#failure-state').textContent = answer.ok ? `${service}: ${describeSwitch(answer.body)}` : answer.problem;
});

// ---------------------------------------------------------------------------------------------

renderStates(null, []);
loadProducts();
if (adminAuthorization()) showLoginState('set for this tab', 'ok');
refreshDeadLetters();
showFailureSwitch();
const followed = /^#order=([0-9a-fA-F-]{36})$/.exec(location.hash);
if (followed) follow(followed[1], null);
