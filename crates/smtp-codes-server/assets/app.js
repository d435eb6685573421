// smtp-codes page: reads what is pasted or dropped, asks this server's /api/v1, shows one card
// per recipient. The input is hostile: the DOM is built with createElement and textContent only.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const input = $('input');
  const kindSelect = $('kind');
  const detected = $('detected');
  const form = $('explain-form');
  const fileInput = $('file');
  const fileNote = $('file-note');
  const drop = $('drop');
  const errorBox = $('error');
  const status = $('status');
  const toolbar = $('toolbar');
  const cards = $('cards');
  const redact = $('redact');
  const copyButton = $('copy');
  const copyStatus = $('copy-status');
  const jsonBox = $('json-box');
  const jsonOut = $('json');

  /** The most cards drawn; the copied JSON holds every record. */
  const MAX_CARDS = 200;
  /** The most bytes of a file shown in the paste box; the whole file is sent. */
  const MAX_SHOWN = 1 << 20;
  /** The server's body cap. */
  const MAX_FILE = 32 << 20;

  const KINDS = {
    reply: { label: 'a reply line', path: '/api/v1/explain', type: 'text/plain; charset=utf-8' },
    bounce: { label: 'a bounce message', path: '/api/v1/bounce', type: 'message/rfc822' },
    logs: { label: 'a mail-log excerpt', path: '/api/v1/logs', type: 'text/plain; charset=utf-8' },
    events: { label: 'ESP events', path: '/api/v1/events', type: 'application/json' },
  };

  const WHO = {
    nobody: 'Nobody: nothing went wrong',
    sender: 'The sender (you)',
    'sender-admin': "The sender's mail administrator",
    recipient: 'The recipient',
    'recipient-admin': "The recipient's mail administrator",
  };

  /** A file read, sent as its bytes while the paste box still shows it unchanged. */
  let file = null;
  /** The last answer: {kind, data (as the API gave it), records (normalised)}. */
  let answer = null;

  // ---------------------------------------------------------------- small DOM helpers

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'text') e.textContent = v;
        else if (k === 'class') e.className = v;
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }

  /** A link only to http(s) addresses, opening in a new tab. */
  function link(url, text) {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return document.createTextNode(text || '');
    return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text || url,
      el('span', { class: 'visually-hidden', text: ' (opens in a new tab)' }));
  }

  function showError(message) {
    errorBox.replaceChildren(el('strong', { text: 'Could not explain it. ' }), message);
    errorBox.hidden = false;
  }

  function clearError() {
    errorBox.replaceChildren();
    errorBox.hidden = true;
  }

  // ---------------------------------------------------------------- detection

  const LOG_LINE = /^(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d)/;
  const HEADER = /^[A-Za-z][A-Za-z0-9-]*:[ \t]*\S/;

  /** Which kind of input `text` is (file `name` helps): reply, bounce, logs or events. */
  function detect(text, name) {
    const ext = /\.([a-z0-9]+)$/i.exec(name || '');
    if (ext) {
      const e = ext[1].toLowerCase();
      if (e === 'eml' || e === 'mbox' || e === 'msg') return 'bounce';
      if (e === 'json' || e === 'jsonl' || e === 'ndjson') return 'events';
      if (e === 'log') return 'logs';
    }
    const s = text.replace(/^\uFEFF/, '').trimStart();
    if (!s) return null;
    if (s[0] === '{' || s[0] === '[') return 'events';
    if (/^From \S/.test(s)) return 'bounce';
    const lines = s.split(/\r?\n/, 200);
    if (HEADER.test(lines[0]) && lines.length > 2 && (HEADER.test(lines[1]) || /^[ \t]/.test(lines[1]))
      && lines.some((l) => l.trim() === '')) return 'bounce';
    const full = lines.filter((l) => l.trim() !== '');
    const logLike = full.filter((l) => LOG_LINE.test(l)).length;
    if (logLike > 0 && logLike * 2 >= full.length) return 'logs';
    return 'reply';
  }

  function chosenKind() {
    const d = detect(input.value, file ? file.name : '');
    const k = kindSelect.value === 'auto' ? d : kindSelect.value;
    return { kind: k, detected: d };
  }

  function showDetected() {
    const { kind, detected: d } = chosenKind();
    if (!kind) {
      detected.textContent = '';
      return;
    }
    if (kindSelect.value === 'auto') detected.textContent = 'Detected: ' + KINDS[kind].label + '.';
    else detected.textContent = 'Read as ' + KINDS[kind].label + ' (your choice'
      + (d && d !== kind ? '; it looks like ' + KINDS[d].label : '') + ').';
  }

  // ---------------------------------------------------------------- redaction

  const ADDRESS = /[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}][\p{L}\p{N}-]*)/gu;
  let pseudonyms = new Map();

  /** `s` with each address's local part replaced by `redacted-N`, the same N for the same address. */
  function redactText(s) {
    if (typeof s !== 'string' || !redact.checked) return s;
    return s.replace(ADDRESS, (whole, domain) => {
      const key = whole.toLowerCase();
      if (!pseudonyms.has(key)) pseudonyms.set(key, 'redacted-' + (pseudonyms.size + 1));
      return pseudonyms.get(key) + '@' + domain;
    });
  }

  function redactDeep(v) {
    if (typeof v === 'string') return redactText(v);
    if (Array.isArray(v)) return v.map(redactDeep);
    if (v && typeof v === 'object') {
      const o = {};
      for (const [k, x] of Object.entries(v)) o[k] = redactDeep(x);
      return o;
    }
    return v;
  }

  // ---------------------------------------------------------------- the API

  async function call(path, init) {
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new Error('the server did not answer (' + e.message + ').');
    }
    const body = await res.text();
    if (!res.ok) {
      let message = res.status + ' ' + res.statusText;
      try {
        const j = JSON.parse(body);
        if (j && j.error && j.error.message) message = j.error.message + ' (HTTP ' + j.error.status + ')';
      } catch (_) { /* not JSON: the status line says it */ }
      throw new Error(message);
    }
    return body;
  }

  const jsonLines = (body) => body.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  const cache = new Map();

  /** A GET whose answer is kept: lookups and searches of the catalogue never change. */
  function cached(path, parse) {
    if (!cache.has(path)) cache.set(path, call(path).then(parse).catch(() => null));
    return cache.get(path);
  }

  const lookup = (q) => cached('/api/v1/lookup/' + encodeURIComponent(q), JSON.parse);
  const search = (q) => cached('/api/v1/search?q=' + encodeURIComponent(q), jsonLines);

  // ---------------------------------------------------------------- records

  /** One record of any endpoint, in the fields a card shows. */
  function normalise(kind, r) {
    const base = {
      raw: r,
      recipient: r.recipient || null,
      label: r.kind || null,
      replyCode: r.reply_code ?? null,
      enhancedCode: r.enhanced_code ?? r.status ?? null,
      replyEntry: null,
      enhancedEntry: null,
      severity: r.severity,
      hard: r.hard_bounce,
      retry: r.retry,
      reason: r.reason,
      rule: r.rule,
      who: r.who_acts,
      provider: r.provider,
      providerReply: null,
      actions: [],
      text: '',
      facts: [],
      warnings: r.warnings || [],
    };
    if (kind === 'reply') {
      Object.assign(base, {
        replyEntry: r.reply, enhancedEntry: r.enhanced, providerReply: r.provider_reply,
        actions: r.actions || [], text: r.input, warnings: [...(r.notes || []), ...(r.warnings || [])],
      });
      base.facts.push(['Command', r.command]);
      if (r.no_retry) base.facts.push(['No retry', 'this reply says trying again will not succeed']);
    } else if (kind === 'bounce') {
      base.text = r.diagnostic;
      base.facts.push(['Action', r.action], ['Command', r.command], ['Remote server', r.remote_mta],
        ['Reporting server', r.reporting_mta], ['Decoded as', r.decoded_by],
        ['Original subject', r.original && r.original.subject]);
    } else if (kind === 'logs') {
      base.text = r.reply;
      base.facts.push(['Outcome', r.kind], ['Sender', r.sender], ['Relay', r.relay], ['Queue id', r.queue_id],
        ['Logged at', r.last_time], ['Attempts', r.attempts], ['Log line', r.format + ', line ' + r.line]);
    } else if (kind === 'events') {
      base.text = r.reply || '';
      base.facts.push(['ESP', [r.esp, r.esp_event, r.esp_type, r.esp_subtype].filter(Boolean).join(' / ')],
        ['The ESP says', r.esp_says], ['Remote server', r.remote_mta], ['When', r.timestamp]);
      if (r.disagrees) base.warnings = [...base.warnings, "The ESP's label and the reply's codes disagree."];
    }
    return base;
  }

  /** Fills in the catalogue's words (code meanings, the reason, the provider's reply) and actions. */
  async function enrich(n) {
    const codes = [n.replyCode, n.enhancedCode].filter((c) => c !== null && c !== '').join(' ');
    const wanted = [];
    if (!n.replyEntry && !n.enhancedEntry && codes) wanted.push(lookup(codes)); else wanted.push(null);
    wanted.push(n.reason ? search(n.reason) : null);
    const [found, hits] = await Promise.all(wanted);
    if (found) {
      n.replyEntry = found.reply;
      n.enhancedEntry = found.enhanced;
    }
    n.reasonEntry = (hits || []).find((h) => h.kind === 'reason' && h.id === n.reason) || null;
    const rule = n.rule;
    if (!n.providerReply && rule && rule.kind === 'provider') {
      const same = (p) => p.provider === rule.provider && p.match === rule.match;
      n.providerReply = ((found && found.provider_replies) || []).find(same) || null;
      if (!n.providerReply) n.providerReply = ((await search(rule.match)) || []).find((h) => h.kind === 'provider-reply' && same(h)) || null;
    }
    if (!n.actions.length) {
      const list = [n.providerReply && n.providerReply.advice, n.reasonEntry && n.reasonEntry.action,
        n.enhancedEntry && n.enhancedEntry.action,
        // The reply code's advice is general; the enhanced code's, when known, says it better.
        !(n.enhancedEntry && n.enhancedEntry.action) && n.replyEntry && n.replyEntry.action];
      n.actions = [...new Set(list.filter(Boolean))];
    }
    return n;
  }

  // ---------------------------------------------------------------- highlighting

  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const phraseRe = (s) => escapeRe(s.trim()).replace(/\s+/g, '\\s+');

  /** The patterns of what decided: the rule's phrase, words, provider text or code; the codes. */
  function patterns(n) {
    const rule = n.rule || {};
    const p = [];
    if (rule.phrase) p.push([phraseRe(rule.phrase), 'rule']);
    if (rule.match) p.push([phraseRe(rule.match), 'rule']);
    for (const t of rule.terms || []) {
      const word = t.endsWith('*') ? phraseRe(t.slice(0, -1)) + '[\\p{L}\\p{N}]*' : phraseRe(t);
      p.push(['(?<![\\p{L}\\p{N}])' + word + '(?![\\p{L}\\p{N}])', 'rule']);
    }
    if (rule.code) {
      const c = rule.code.replace(/^X/i, '[245]');
      p.push(['(?<![\\d.])' + c.replace(/\./g, '\\.') + '(?![\\d.]*\\d)', 'rule']);
    }
    if (n.replyCode) p.push(['(?<![\\d.])' + n.replyCode + '(?![\\d.]*\\d)', 'code']);
    if (n.enhancedCode) p.push(['(?<![\\d.])' + escapeRe(String(n.enhancedCode)) + '(?![\\d.]*\\d)', 'code']);
    return p;
  }

  /** `text` as nodes, the parts that decided in <mark>. */
  function highlighted(text, n) {
    const ranges = [];
    for (const [source, kind] of patterns(n)) {
      let re;
      try {
        re = new RegExp(source, 'giu');
      } catch (_) {
        continue;
      }
      for (const m of text.matchAll(re)) {
        if (m[0].length) ranges.push([m.index, m.index + m[0].length, kind]);
      }
    }
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const merged = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r[0] < last[1]) {
        last[1] = Math.max(last[1], r[1]);
        if (r[2] === 'rule') last[2] = 'rule';
      } else merged.push([...r]);
    }
    const out = [];
    let at = 0;
    for (const [from, to, kind] of merged) {
      if (from > at) out.push(document.createTextNode(text.slice(at, from)));
      const title = kind === 'rule' ? 'what decided the reason' : 'a code';
      out.push(el('mark', { class: kind, title, text: text.slice(from, to) }));
      at = to;
    }
    if (at < text.length) out.push(document.createTextNode(text.slice(at)));
    return out;
  }

  // ---------------------------------------------------------------- cards

  function verdict(n) {
    if (n.label === 'delivered' || n.severity === 'success') return ['Delivered', 'ok'];
    if (n.label === 'feedback' || n.label === 'complaint') return ['Complaint', 'hard'];
    if (n.label === 'vacation') return ['Automatic reply', 'info'];
    if (n.hard) return ['Hard bounce', 'hard'];
    if (n.severity === 'unknown' && !n.reason) return ['No verdict', 'info'];
    return ['Soft bounce', 'soft'];
  }

  function temporary(n) {
    switch (n.severity) {
      case 'transient': return 'Temporary: ' + (n.retry ? 'the sender may try again later.' : 'yet the reply says trying again will not succeed.');
      case 'permanent': return 'Permanent: ' + (n.retry ? 'the codes say so, yet the sender may try again.' : 'do not send the same message again unchanged.');
      case 'success': return 'Success: the mail was accepted.';
      case 'intermediate': return 'Intermediate: the server waits for more.';
      default: return n.retry ? 'No code: the sender may try again later.' : 'No code says: read the text.';
    }
  }

  function ruleText(n) {
    const r = n.rule;
    if (!r) return 'no rule: no reason was decided';
    const q = (s) => '\u201c' + redactText(s) + '\u201d';
    const command = r.command ? ' (after ' + r.command + ')' : '';
    switch (r.kind) {
      case 'provider': {
        const who = (n.providerReply && n.providerReply.provider_title) || r.provider;
        return who + "'s documented reply " + q(r.match);
      }
      case 'phrase': return 'the phrase ' + q(r.phrase) + command;
      case 'terms': return 'the words ' + (r.terms || []).map(q).join(', ') + command
        + (r.except && r.except.length ? ', without ' + r.except.map(q).join(', ') : '');
      case 'code': return 'the code ' + r.code;
      case 'sender-stage': return 'the reply answered MAIL FROM, so it concerns the sender, not the recipient';
      case 'report': return r.report === 'feedback-report' ? 'the message is a feedback report (a complaint)' : 'the message is an automatic reply';
      case 'fallback': return "no rule matched: the codes' class decided";
      default: return r.kind;
    }
  }

  /** A code, its standard meaning, and its longer description behind a disclosure. */
  function codeItem(code, entry) {
    const li = el('li', null, el('code', { class: 'code', text: String(code) }), ' ');
    let description = null;
    if (entry && entry.known) {
      li.append(el('span', { class: 'meaning', text: entry.title }));
      description = entry.description;
    } else if (entry && entry.class) {
      li.append(el('span', { class: 'meaning', text: entry.class.title + (entry.subject ? ': ' + entry.subject.title : '') }));
      description = 'The registry has no entry for this exact code.';
    } else {
      li.append(el('span', { class: 'meaning', text: 'not in the catalogue' }));
    }
    if (description) {
      li.append(el('details', { class: 'more' }, el('summary', { text: 'More about ' + code }),
        el('p', { class: 'description', text: description })));
    }
    return li;
  }

  function card(n, i) {
    const [verdictText, verdictClass] = verdict(n);
    const id = 'card-' + i;
    const title = n.recipient ? redactText(n.recipient) : (n.label ? n.label : 'The reply');
    const c = el('article', { class: 'card ' + verdictClass, 'aria-labelledby': id + '-title' });
    c.append(el('header', { class: 'card-head' },
      el('h3', { id: id + '-title', class: 'recipient', text: title }),
      el('p', { class: 'badges' },
        el('span', { class: 'badge verdict ' + verdictClass, text: verdictText }),
        n.label && n.recipient && n.label !== 'bounce' ? el('span', { class: 'badge', text: n.label }) : null)));

    if (n.text) {
      c.append(el('pre', { class: 'original', tabindex: 0, 'aria-label': 'The original text; what decided is marked' },
        ...highlighted(redactText(n.text), n)));
    }

    const dl = el('dl');
    const row = (term, ...dd) => dl.append(el('dt', { text: term }), el('dd', null, ...dd));
    const codes = el('ul', { class: 'codes' });
    if (n.replyCode) codes.append(codeItem(n.replyCode, n.replyEntry));
    if (n.enhancedCode) codes.append(codeItem(n.enhancedCode, n.enhancedEntry));
    if (codes.children.length) row('Codes', codes);
    else row('Codes', 'none found in the text');
    row('Temporary or permanent', temporary(n));
    const reasonTitle = n.reasonEntry ? n.reasonEntry.title : null;
    row('Reason', el('span', { class: 'reason-title', text: reasonTitle || n.reason || 'none' }),
      n.reason ? ' ' : null, n.reason ? el('code', { class: 'reason', text: n.reason }) : null);
    row('Decided by', el('span', { class: 'rule', text: ruleText(n) }),
      n.rule && n.rule.source ? el('span', { class: 'source', text: 'Source: ' + n.rule.source }) : null);
    if (n.provider) {
      const pr = n.providerReply;
      row('Provider', el('span', { class: 'provider', text: (pr && pr.provider_title) || n.provider }),
        pr && pr.docs ? ' \u2014 ' : null, pr && pr.docs ? link(pr.docs, 'its documentation') : null,
        pr && pr.meaning ? el('span', { class: 'description', text: pr.meaning }) : null);
    }
    row('Who must act', el('span', { class: 'who', text: WHO[n.who] || n.who }));
    if (n.actions.length) row('What to do', el('ul', { class: 'actions' }, ...n.actions.map((a) => el('li', { text: a }))));
    for (const [term, value] of n.facts) {
      if (value !== null && value !== undefined && value !== '') row(term, redactText(String(value)));
    }
    c.append(dl);

    if (n.warnings.length) c.append(el('ul', { class: 'warnings' }, ...n.warnings.map((w) => el('li', { text: redactText(w) }))));
    return c;
  }

  function summary() {
    const list = answer.records;
    if (!list.length) {
      return answer.kind === 'bounce'
        ? 'No record: the message is not a bounce, a delay notice, a feedback report or an automatic reply.'
        : 'No record: nothing in it reads as ' + KINDS[answer.kind].label + '.';
    }
    const hard = list.filter((n) => verdict(n)[1] === 'hard').length;
    const soft = list.filter((n) => verdict(n)[1] === 'soft').length;
    const noun = answer.kind === 'reply' ? 'reply' : (list.length === 1 ? 'recipient' : 'recipients');
    const parts = [list.length + ' ' + noun + ' (' + KINDS[answer.kind].label + ')'];
    if (hard) parts.push(hard + ' hard');
    if (soft) parts.push(soft + ' soft');
    const more = list.length > MAX_CARDS ? '; the first ' + MAX_CARDS + ' are shown, the JSON holds all' : '';
    return parts.join(', ') + more + '.';
  }

  function render() {
    if (!answer) return;
    pseudonyms = new Map();
    cards.replaceChildren(...answer.records.slice(0, MAX_CARDS).map(card));
    status.textContent = summary();
    toolbar.hidden = answer.records.length === 0;
    jsonOut.value = jsonText();
    jsonBox.hidden = false;
    copyStatus.textContent = '';
  }

  function jsonText() {
    return JSON.stringify(redactDeep(answer.data), null, 2);
  }

  // ---------------------------------------------------------------- explaining

  async function explain() {
    clearError();
    const { kind } = chosenKind();
    if (!kind) {
      showError('the paste box is empty: paste something or open a file.');
      return;
    }
    const spec = KINDS[kind];
    const body = file && kind !== 'reply' ? file.bytes : input.value;
    status.textContent = 'Working\u2026';
    cards.setAttribute('aria-busy', 'true');
    try {
      const text = await call(spec.path, { method: 'POST', headers: { 'Content-Type': spec.type }, body });
      let data, records;
      if (kind === 'reply') {
        data = JSON.parse(text);
        records = [data];
      } else if (kind === 'logs') {
        data = JSON.parse(text);
        records = data.records;
      } else {
        data = jsonLines(text);
        records = data;
      }
      const normalised = await Promise.all(records.slice(0, MAX_CARDS).map((r) => enrich(normalise(kind, r))));
      for (const r of records.slice(MAX_CARDS)) normalised.push(normalise(kind, r));
      answer = { kind, data, records: normalised };
      render();
    } catch (e) {
      answer = null;
      cards.replaceChildren();
      toolbar.hidden = true;
      jsonBox.hidden = true;
      status.textContent = 'No answer.';
      showError(e.message);
    } finally {
      cards.removeAttribute('aria-busy');
    }
  }

  async function loadFile(f) {
    clearError();
    if (f.size > MAX_FILE) {
      showError(f.name + ' is over 32 MiB, the largest message the server reads.');
      return;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    const text = new TextDecoder('utf-8').decode(bytes.subarray(0, MAX_SHOWN));
    input.value = text;
    file = { name: f.name, bytes, shown: text };
    fileNote.textContent = 'From ' + f.name + ' (' + bytes.length.toLocaleString('en') + ' bytes'
      + (bytes.length > MAX_SHOWN ? '; the first MiB is shown, the whole file is sent' : '') + ').';
    fileNote.hidden = false;
    showDetected();
    await explain();
  }

  async function copy() {
    if (!answer) return;
    const text = jsonText();
    jsonOut.value = text;
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        copied = true;
      }
    } catch (_) { /* refused: fall back below */ }
    if (!copied) {
      jsonBox.open = true;
      jsonOut.focus();
      jsonOut.select();
      try {
        copied = document.execCommand('copy');
      } catch (_) {
        copied = false;
      }
    }
    const what = answer.records.length + (answer.records.length === 1 ? ' record' : ' records');
    copyStatus.textContent = copied
      ? 'Copied ' + what + ' as JSON' + (redact.checked ? ', addresses redacted.' : '.')
      : 'The browser refused to copy: the JSON is selected below, copy it with Ctrl+C.';
  }

  // ---------------------------------------------------------------- catalogue search

  const hitsList = $('hits');
  const searchStatus = $('search-status');

  function hit(h) {
    const li = el('li', { class: 'hit' });
    const head = el('p', { class: 'hit-head' });
    if (h.kind === 'reply' || h.kind === 'enhanced') {
      head.append(el('code', { class: 'code', text: String(h.code) }), ' ', el('strong', { text: h.title || '' }));
      li.append(head, el('p', { class: 'description', text: h.description || '' }));
      if (h.action) li.append(el('p', { class: 'hit-action', text: 'What to do: ' + h.action }));
    } else if (h.kind === 'reason') {
      head.append(el('code', { class: 'code', text: h.id }), ' ', el('strong', { text: h.title }),
        ' ', el('span', { class: 'badge ' + (h.hard_bounce ? 'hard' : 'soft'), text: h.hard_bounce ? 'hard bounce' : 'soft bounce' }));
      li.append(head, el('p', { class: 'description', text: h.description }), el('p', { class: 'hit-action', text: 'What to do: ' + h.action }));
    } else if (h.kind === 'provider-reply') {
      const codes = [h.reply_code, h.enhanced].filter(Boolean).join(' ');
      head.append(el('strong', { text: h.provider_title }), codes ? ' ' : null, codes ? el('code', { class: 'code', text: codes }) : null);
      li.append(head, el('p', { class: 'quote', text: h.text }), el('p', { class: 'description', text: h.meaning }),
        el('p', { class: 'hit-action', text: 'What to do: ' + h.advice }));
      if (h.docs) li.append(el('p', null, link(h.docs, 'Documentation')));
    } else {
      head.append(el('strong', { text: h.kind }));
      li.append(head);
    }
    li.prepend(el('p', { class: 'hit-kind', text: { reply: 'Reply code', enhanced: 'Enhanced status code', reason: 'Bounce reason', 'provider-reply': 'Provider reply' }[h.kind] || h.kind }));
    return li;
  }

  async function runSearch(e) {
    e.preventDefault();
    const q = $('q').value.trim();
    if (!q) {
      searchStatus.textContent = 'Type a code or a few words.';
      hitsList.replaceChildren();
      return;
    }
    searchStatus.textContent = 'Searching\u2026';
    try {
      const hits = jsonLines(await call('/api/v1/search?limit=20&q=' + encodeURIComponent(q)));
      hitsList.replaceChildren(...hits.map(hit));
      searchStatus.textContent = hits.length ? hits.length + ' found for \u201c' + q + '\u201d.' : 'Nothing found for \u201c' + q + '\u201d.';
    } catch (err) {
      hitsList.replaceChildren();
      searchStatus.textContent = 'Search failed: ' + err.message;
    }
  }

  // ---------------------------------------------------------------- wiring

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    explain();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      explain();
    }
  });
  input.addEventListener('input', () => {
    if (file && input.value !== file.shown) {
      file = null;
      fileNote.hidden = true;
    }
    showDetected();
  });
  kindSelect.addEventListener('change', showDetected);
  fileInput.addEventListener('change', () => {
    if (fileInput.files && fileInput.files[0]) loadFile(fileInput.files[0]);
  });
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add('dragging');
    });
  }
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    const dt = e.dataTransfer;
    if (dt && dt.files && dt.files.length) loadFile(dt.files[0]);
    else if (dt) {
      const t = dt.getData('text/plain');
      if (t) {
        input.value = t;
        input.dispatchEvent(new Event('input'));
      }
    }
  });
  // A file dropped beside the box must not replace the page.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  redact.addEventListener('change', render);
  copyButton.addEventListener('click', copy);
  $('search-form').addEventListener('submit', runSearch);
  showDetected();
})();
