/**
 * The embeddable chat widget and its demo page. No inline script or style attribute anywhere:
 * the widget is one external script configured by data attributes, and sets styles through the
 * CSSOM, so it runs under a strict Content-Security-Policy (script-src 'self' on the demo page).
 * The live stream is read with fetch (EventSource cannot send the bearer token, and the token
 * must never go into a URL).
 */
export const WIDGET_JS = String.raw`(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var widgetKey = script.getAttribute('data-widget-key');
  var apiBase = script.getAttribute('data-api-base') || new URL(script.src).origin;
  if (!widgetKey) return;
  var storeKey = 'inbox-chat:' + widgetKey;
  var state = null;
  var lastId = null;
  var shown = {};

  function el(tag, styles, text) {
    var node = document.createElement(tag);
    Object.keys(styles || {}).forEach(function (k) { node.style[k] = styles[k]; });
    if (text) node.textContent = text;
    return node;
  }
  var box = el('div', { position: 'fixed', right: '16px', bottom: '16px', width: '300px', maxWidth: '90vw',
    background: '#fff', border: '1px solid #ccc', borderRadius: '8px', fontFamily: 'sans-serif',
    fontSize: '14px', boxShadow: '0 2px 8px rgba(0,0,0,.2)', zIndex: '2147483000' });
  var head = el('div', { padding: '8px', background: '#1f5fa8', color: '#fff', borderRadius: '8px 8px 0 0' }, 'Chat with us');
  var log = el('div', { height: '220px', overflowY: 'auto', padding: '8px' });
  log.setAttribute('aria-live', 'polite');
  var form = el('form', { display: 'flex', borderTop: '1px solid #eee' });
  var input = el('input', { flex: '1', border: '0', padding: '8px' });
  input.setAttribute('aria-label', 'Message');
  input.maxLength = 4000;
  var send = el('button', { border: '0', padding: '8px' }, 'Send');
  send.type = 'submit';
  form.appendChild(input);
  form.appendChild(send);
  box.appendChild(head);
  box.appendChild(log);
  box.appendChild(form);
  document.body.appendChild(box);

  function show(m) {
    if (shown[m.id]) return;
    shown[m.id] = true;
    lastId = m.id;
    var line = el('div', { margin: '4px 0', textAlign: m.direction === 'inbound' ? 'right' : 'left' }, m.body);
    log.appendChild(line);
    log.scrollTop = log.scrollHeight;
  }
  function auth() {
    return { Authorization: 'Bearer ' + state.sessionToken };
  }
  function session() {
    if (state) return Promise.resolve(state);
    try { state = JSON.parse(sessionStorage.getItem(storeKey) || 'null'); } catch (e) { state = null; }
    if (state) return Promise.resolve(state);
    return fetch(apiBase + '/v1/public/chat/' + encodeURIComponent(widgetKey) + '/sessions', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}'
    }).then(function (r) {
      if (!r.ok) throw new Error('chat unavailable');
      return r.json();
    }).then(function (s) {
      state = s;
      sessionStorage.setItem(storeKey, JSON.stringify(s));
      return s;
    });
  }
  function url(path) {
    return apiBase + '/v1/public/chat/sessions/' + encodeURIComponent(state.sessionId) + path;
  }
  function history() {
    return fetch(url('/messages' + (lastId ? '?after=' + encodeURIComponent(lastId) : '')), { headers: auth() })
      .then(function (r) { return r.ok ? r.json() : { data: [] }; })
      .then(function (page) { page.data.forEach(show); });
  }
  function listen() {
    fetch(url('/events'), { headers: auth() }).then(function (r) {
      if (r.status === 401) { sessionStorage.removeItem(storeKey); state = null; return; }
      var reader = r.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) return;
          buffer += decoder.decode(chunk.value, { stream: true });
          var cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            var block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            var data = block.split('\n').filter(function (l) { return l.indexOf('data: ') === 0; })
              .map(function (l) { return l.slice(6); }).join('\n');
            if (block.indexOf('event: message') >= 0 && data) show(JSON.parse(data));
          }
          return pump();
        });
      }
      return pump();
    }).catch(function () { return null; }).then(function () {
      if (state) setTimeout(function () { history().then(listen); }, 3000);
    });
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = input.value;
    if (!body.trim()) return;
    input.value = '';
    session().then(function () {
      return fetch(url('/messages'), {
        method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, auth()),
        body: JSON.stringify({ body: body })
      });
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (m) { if (m) show(m); });
  });
  session().then(function () { return history(); }).then(listen).catch(function () {
    head.textContent = 'Chat is unavailable right now';
  });
})();
`;

/** The demo page: the widget embedded as a practice website would embed it. */
export function demoPage(widgetKey: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Website chat demo</title>
</head>
<body>
<h1>Riverside Family Clinic</h1>
<p>This page embeds the website chat widget exactly as a practice website would.</p>
<script src="/chat/widget.js" data-widget-key="${widgetKey}"></script>
</body>
</html>
`;
}
