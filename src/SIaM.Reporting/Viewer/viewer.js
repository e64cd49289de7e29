// SIaM report viewer: renders the JSON blocks of report.html on demand. No network, no dependencies.
(function () {
  'use strict';
  var started = performance.now();
  var cache = {}, pending = {};
  // A block already loaded (plain JSON blocks load on first use; compressed ones through load()).
  function block(id) {
    if (!(id in cache)) {
      var el = document.getElementById(id);
      cache[id] = el && el.dataset.encoding !== 'gzip-base64' ? JSON.parse(el.textContent) : null;
    }
    return cache[id];
  }
  // Decompresses and parses a block once, when a view first needs it.
  function load(id) {
    if (id in cache) return Promise.resolve(cache[id]);
    if (!pending[id]) {
      var el = document.getElementById(id);
      pending[id] = (el && el.dataset.encoding === 'gzip-base64' ? gunzip(el.textContent) : Promise.resolve(el ? el.textContent : 'null'))
        .then(function (text) { cache[id] = JSON.parse(text); return cache[id]; });
    }
    return pending[id];
  }
  function gunzip(base64) {
    var bin = atob(base64.trim()), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'html') node.innerHTML = attrs[k];
      else if (k.slice(0, 2) === 'on') node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c !== null && c !== undefined) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }
  function verdictText(c) { return c === true ? 'correct' : c === false ? 'wrong' : 'ungraded'; }
  function verdictClass(c) { return c === true ? 'ok' : c === false ? 'bad' : 'muted'; }
  function show(v) { return v === null || v === undefined ? '(none)' : String(v); }

  var index = block('siam-index');
  var KINDS = { correct_to_wrong: 'correct → wrong', wrong_to_correct: 'wrong → correct', changed_output: 'changed output' };
  var TAGS = { correct_to_wrong: '↓', wrong_to_correct: '↑', changed_output: '~' };
  var PAGE = 300;

  function runSamples(i) { return block('siam-run-' + i) || []; }
  function question(b, id) { var q = block('siam-questions') || {}; return q[b] ? q[b][id] : undefined; }
  function members(suite) { return index.suites[suite] || []; }
  function outputOf(s) {
    return s.e.map(function (e, i) { return '[' + (i + 1) + ': ' + e.st + ']\n' + e.o + (e.st === 'ok' ? '' : (e.er || '')); }).join('\n');
  }

  // ---- Python highlighting (tokens of one line) ----
  var KW = /^(False|None|True|and|as|assert|break|class|continue|def|del|elif|else|except|finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|with|yield|print)$/;
  function highlight(line) {
    var out = '', re = /(#.*$)|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_]\w*)|([^#"'\w]+|.)/g, m;
    while ((m = re.exec(line)) !== null) {
      if (m[0] === '') { re.lastIndex++; continue; }
      if (m[1]) out += '<span class="hl-com">' + esc(m[1]) + '</span>';
      else if (m[2]) out += '<span class="hl-str">' + esc(m[2]) + '</span>';
      else if (m[3]) out += '<span class="hl-num">' + esc(m[3]) + '</span>';
      else if (m[4]) out += KW.test(m[4]) ? '<span class="hl-kw">' + m[4] + '</span>' : esc(m[4]);
      else out += esc(m[0]);
    }
    return out;
  }

  // ---- Line diff (LCS) into side-by-side rows ----
  function diffLines(a, b) {
    var n = a.length, m = b.length, start = 0, endA = n, endB = m;
    while (start < n && start < m && a[start] === b[start]) start++;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
    var ops = [], i, j;
    for (i = 0; i < start; i++) ops.push(['=', i, i]);
    var A = a.slice(start, endA), B = b.slice(start, endB);
    if (A.length * B.length > 4e6) {
      A.forEach(function (_, k) { ops.push(['-', start + k, -1]); });
      B.forEach(function (_, k) { ops.push(['+', -1, start + k]); });
    } else {
      var w = B.length + 1, t = new Uint32Array((A.length + 1) * w);
      for (i = A.length - 1; i >= 0; i--)
        for (j = B.length - 1; j >= 0; j--)
          t[i * w + j] = A[i] === B[j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
      i = 0; j = 0;
      while (i < A.length || j < B.length) {
        if (i < A.length && j < B.length && A[i] === B[j]) { ops.push(['=', start + i, start + j]); i++; j++; }
        else if (j < B.length && (i >= A.length || t[i * w + j + 1] >= t[(i + 1) * w + j])) { ops.push(['+', -1, start + j]); j++; }
        else { ops.push(['-', start + i, -1]); i++; }
      }
    }
    for (i = endA, j = endB; i < n; i++, j++) ops.push(['=', i, j]);
    // pair each run of deletions with the insertions that follow: one changed row per pair
    var rows = [], k = 0;
    while (k < ops.length) {
      if (ops[k][0] === '=') { rows.push({ t: 'same', l: ops[k][1], r: ops[k][2] }); k++; continue; }
      var dels = [], ins = [];
      while (k < ops.length && ops[k][0] !== '=') { if (ops[k][0] === '-') dels.push(ops[k][1]); else ins.push(ops[k][2]); k++; }
      for (var p = 0; p < Math.max(dels.length, ins.length); p++)
        rows.push({ t: 'changed', l: p < dels.length ? dels[p] : -1, r: p < ins.length ? ins[p] : -1 });
    }
    return rows;
  }

  function diffTable(title, before, after, code) {
    before = (before || '').replace(/\r\n/g, '\n'); after = (after || '').replace(/\r\n/g, '\n');
    if (before === after) return el('p', { class: 'muted', text: title + ': identical' });
    var a = before.split('\n'), b = after.split('\n'), rows = diffLines(a, b);
    var fmt = function (line) { return code ? highlight(line) : esc(line); };
    var table = el('table', { class: 'diff', 'data-part': title }, [
      el('colgroup', null, [el('col', { style: 'width:3em' }), el('col'), el('col', { style: 'width:3em' }), el('col')]),
      el('tr', null, [el('th', { colspan: 2, text: 'base · ' + title }), el('th', { colspan: 2, text: 'candidate · ' + title })])]);
    var shown = rows.map(function (r, i) {
      if (r.t !== 'same') return true;
      for (var d = -3; d <= 3; d++) if (rows[i + d] && rows[i + d].t !== 'same') return true;
      return false;
    });
    for (var i = 0; i < rows.length; i++) {
      if (!shown[i]) {
        var skip = 0;
        while (i < rows.length && !shown[i]) { skip++; i++; }
        i--;
        table.appendChild(el('tr', { class: 'gap' }, [el('td', { colspan: 4, text: '… ' + skip + ' unchanged line' + (skip > 1 ? 's' : '') + ' …' })]));
        continue;
      }
      var r = rows[i], changed = r.t === 'changed';
      table.appendChild(el('tr', { class: changed ? 'changed' : null }, [
        el('td', { class: 'n', text: r.l >= 0 ? String(r.l + 1) : '' }),
        el('td', { class: changed && r.l >= 0 ? 'del' : null, html: r.l >= 0 ? fmt(a[r.l]) : '' }),
        el('td', { class: 'n', text: r.r >= 0 ? String(r.r + 1) : '' }),
        el('td', { class: changed && r.r >= 0 ? 'ins' : null, html: r.r >= 0 ? fmt(b[r.r]) : '' })]));
    }
    return table;
  }

  function decisionPath(s) {
    var steps = [s.m + ' → ' + show(s.x)];
    if (s.np !== undefined && s.np !== s.x) steps.push('normalised ' + show(s.np));
    steps.push('vs reference ' + show(s.nr !== undefined ? s.nr : s.r) + ' (' + s.p + ')');
    steps.push(verdictText(s.c));
    return steps.join(' → ');
  }

  function criticText(s) {
    if (!s.cv) return null;
    var agrees = s.c === null || s.c === undefined || (s.cv !== 'yes' && s.cv !== 'no') ? '' : ((s.cv === 'yes') === s.c ? ' (agrees with the rule)' : ' (disagrees with the rule)');
    return s.cv.toUpperCase() + (s.py !== undefined ? ', P(YES) = ' + s.py.toFixed(3) : '') + agrees;
  }

  // ---- generic list with paging and a selection ----
  function List(listId, detailId, render, item) {
    this.list = $(listId); this.detail = $(detailId); this.render = render; this.item = item;
    this.items = []; this.sel = -1; this.shown = 0;
  }
  List.prototype.set = function (items) {
    this.items = items; this.sel = -1; this.shown = 0; this.list.textContent = ''; this.detail.textContent = '';
    this.more();
  };
  List.prototype.more = function () {
    var self = this, old = this.list.querySelector('li.more');
    if (old) old.remove();
    var end = Math.min(this.items.length, this.shown + PAGE);
    for (var k = this.shown; k < end; k++) {
      var li = this.item(this.items[k], k);
      li.dataset.k = k;
      li.addEventListener('click', (function (kk) { return function () { self.select(kk); }; })(k));
      this.list.appendChild(li);
    }
    this.shown = end;
    if (end < this.items.length)
      this.list.appendChild(el('li', { class: 'more', text: 'show ' + Math.min(PAGE, this.items.length - end) + ' more of ' + (this.items.length - end), onclick: function () { self.more(); } }));
  };
  List.prototype.select = function (k) {
    if (k < 0 || k >= this.items.length) return;
    while (k >= this.shown) this.more();
    var old = this.list.querySelector('li.sel');
    if (old) old.classList.remove('sel');
    var li = this.list.querySelector('li[data-k="' + k + '"]');
    li.classList.add('sel');
    if (li.scrollIntoView) li.scrollIntoView({ block: 'nearest' });
    this.sel = k;
    this.detail.textContent = '';
    this.detail.appendChild(this.render(this.items[k]));
  };

  function select(options, value, onchange, name) {
    var s = el('select', { name: name, 'aria-label': name, onchange: onchange });
    options.forEach(function (o) { s.appendChild(el('option', { value: o[0], text: o[1], selected: o[0] === value ? 'selected' : null })); });
    return s;
  }
  function distinct(values) { return values.filter(function (v, i, all) { return all.indexOf(v) === i; }).sort(); }

  // ---- flips ----
  var flipState = { bench: '', suite: '', kind: '', q: '' }, flipList = null, active = null;
  function flipSamples(f) { return [runSamples(index.baseRun)[f.bs], runSamples(index.candidate)[f.cs]]; }
  function flipMatches(f) {
    if (flipState.bench && f.b !== flipState.bench) return false;
    if (flipState.suite && members(flipState.suite).indexOf(f.b) < 0) return false;
    if (flipState.kind && f.k !== flipState.kind) return false;
    if (!flipState.q) return true;
    var q = flipState.q.toLowerCase();
    if (f.id.toLowerCase().indexOf(q) >= 0) return true;
    var pair = flipSamples(f), text = [question(f.b, f.id) || '', pair[0].t, pair[1].t, pair[0].k || '', pair[1].k || ''].join('\n').toLowerCase();
    return text.indexOf(q) >= 0;
  }
  function renderFlip(f) {
    var pair = flipSamples(f), b = pair[0], c = pair[1], q = question(f.b, f.id);
    var runs = index.runs;
    return el('div', null, [
      el('h3', null, [el('span', { class: 'tag', text: TAGS[f.k] + ' ' }), KINDS[f.k] + ': ' + f.b + ' / ' + f.id + ' #' + f.s + ' ',
        el('a', { href: 'diff.md#' + f.a, class: 'muted', text: '(diff.md)' })]),
      f.f ? el('p', { class: 'bad', text: 'Counts against a row the gate failed.' }) : null,
      q !== undefined ? el('div', null, [el('strong', { text: 'Question' }), el('pre', { text: q })]) : null,
      el('dl', { class: 'kv' }, [
        el('dt', { text: 'reference' }), el('dd', null, [el('code', { text: b.r })]),
        el('dt', { text: 'base (' + runs[index.baseRun].name + ')' }), el('dd', null, [el('code', { text: show(b.x) }), ' ', el('span', { class: verdictClass(b.c), text: verdictText(b.c) })]),
        el('dt', { text: 'candidate (' + runs[index.candidate].name + ')' }), el('dd', null, [el('code', { text: show(c.x) }), ' ', el('span', { class: verdictClass(c.c), text: verdictText(c.c) })]),
        el('dt', { text: 'base decision' }), el('dd', { text: decisionPath(b) }),
        el('dt', { text: 'candidate decision' }), el('dd', { text: decisionPath(c) }),
        criticText(b) ? el('dt', { text: 'critic (base)' }) : null, criticText(b) ? el('dd', { text: criticText(b) }) : null,
        criticText(c) ? el('dt', { text: 'critic (candidate)' }) : null, criticText(c) ? el('dd', { text: criticText(c) }) : null]),
      diffTable('completion', b.t, c.t, false),
      diffTable('program', b.k, c.k, true),
      diffTable('output', outputOf(b), outputOf(c), false)]);
  }
  function flipItem(f) {
    var pair = flipSamples(f);
    return el('li', { class: 'k-' + f.k + (f.f ? ' fail-row' : ''), 'data-anchor': f.a, 'data-id': f.id }, [
      el('span', { class: 'tag', text: TAGS[f.k] + ' ' }), f.b + ' / ' + f.id + ' #' + f.s + ' ',
      el('span', { class: 'muted', text: 'ref ' + pair[0].r + ': ' + show(pair[0].x) + ' → ' + show(pair[1].x) })]);
  }
  function flipTools() {
    var tools = $('flip-tools');
    if (tools.childNodes.length) return;
    var flips = block('siam-flips');
    var refresh = function () { applyFlips(); };
    tools.appendChild(select([['', 'all benchmarks']].concat(distinct(flips.map(function (f) { return f.b; })).map(function (b) { return [b, b]; })),
      flipState.bench, function (e) { flipState.bench = e.target.value; refresh(); }, 'benchmark'));
    tools.appendChild(select([['', 'all suites']].concat(Object.keys(index.suites).map(function (s) { return [s, s]; })),
      flipState.suite, function (e) { flipState.suite = e.target.value; refresh(); }, 'suite'));
    tools.appendChild(select([['', 'all kinds']].concat(Object.keys(KINDS).map(function (k) { return [k, KINDS[k]]; })),
      flipState.kind, function (e) { flipState.kind = e.target.value; refresh(); }, 'kind'));
    tools.appendChild(el('input', { type: 'search', id: 'flip-search', placeholder: 'search id or text', oninput: function (e) { flipState.q = e.target.value; refresh(); } }));
    tools.appendChild(el('span', { id: 'flip-count' }));
  }
  function syncFlipTools() {
    var tools = $('flip-tools');
    tools.querySelector('select[name=benchmark]').value = flipState.bench;
    tools.querySelector('select[name=suite]').value = flipState.suite;
    tools.querySelector('select[name=kind]').value = flipState.kind;
    $('flip-search').value = flipState.q;
  }
  function applyFlips(anchor) {
    var all = block('siam-flips'), items = all.filter(flipMatches);
    flipList.set(items);
    $('flip-count').textContent = items.length + ' of ' + all.length + ' flips';
    var k = 0;
    if (anchor) items.forEach(function (f, i) { if (f.a === anchor) k = i; });
    if (items.length) flipList.select(k);
    else $('flip-detail').appendChild(el('p', { class: 'muted', text: 'No flip matches.' }));
  }
  function openFlips(params, anchor) {
    if (!$('flips')) return Promise.resolve();
    return Promise.all(['siam-flips', 'siam-questions', 'siam-run-' + index.baseRun, 'siam-run-' + index.candidate].map(load))
      .then(function () { showFlips(params, anchor); });
  }
  function showFlips(params, anchor) {
    if (!flipList) flipList = new List('flip-list', 'flip-detail', renderFlip, flipItem);
    flipTools();
    flipState = { bench: params.bench || '', suite: params.suite || '', kind: params.kind || '', q: params.q || '' };
    syncFlipTools();
    $('flips').hidden = false;
    active = flipList;
    applyFlips(anchor);
    $('flips').scrollIntoView();
  }

  // ---- samples ----
  var sampleState = {}, sampleList = null;
  function disagrees(s) { return (s.cv === 'yes' || s.cv === 'no') && s.c !== null && s.c !== undefined && (s.cv === 'yes') !== s.c; }
  function sampleMatches(s) {
    var st = sampleState;
    if (st.bench && s.b !== st.bench) return false;
    if (st.suite && members(st.suite).indexOf(s.b) < 0) return false;
    if (st.verdict === 'correct' && s.c !== true) return false;
    if (st.verdict === 'wrong' && s.c !== false) return false;
    if (st.verdict === 'ungraded' && (s.c === true || s.c === false)) return false;
    if (st.exec === 'none' && s.e.length) return false;
    if (st.exec && st.exec !== 'none' && !s.e.some(function (e) { return e.st === st.exec; })) return false;
    if (st.critic === 'disagrees' && !disagrees(s)) return false;
    if (st.critic === 'agrees' && (!s.cv || disagrees(s))) return false;
    if (st.critic === 'none' && s.cv) return false;
    if (st.method && s.m !== st.method) return false;
    if (!st.q) return true;
    var q = st.q.toLowerCase();
    return s.id.toLowerCase().indexOf(q) >= 0 || s.t.toLowerCase().indexOf(q) >= 0 || (question(s.b, s.id) || '').toLowerCase().indexOf(q) >= 0;
  }
  function renderSample(s) {
    var q = question(s.b, s.id), critic = criticText(s);
    var parts = [
      el('h3', null, [s.b + ' / ' + s.id + ' #' + s.s + ' ', el('span', { class: verdictClass(s.c), text: verdictText(s.c) })]),
      q !== undefined ? el('div', null, [el('strong', { text: 'Question' }), el('pre', { text: q })]) : null,
      el('dl', { class: 'kv' }, [
        el('dt', { text: 'prompt' }), el('dd', null, [el('code', { text: s.ph })]),
        el('dt', { text: 'reference' }), el('dd', null, [el('code', { text: s.r })]),
        el('dt', { text: 'extracted' }), el('dd', null, [el('code', { text: show(s.x) }), ' by ' + s.m]),
        el('dt', { text: 'grader path' }), el('dd', { text: decisionPath(s) }),
        el('dt', { text: 'tool rounds' }), el('dd', { text: String(s.e.length) }),
        s.st ? el('dt', { text: 'completion status' }) : null, s.st ? el('dd', { class: 'bad', text: s.st }) : null,
        s.err ? el('dt', { text: 'error' }) : null, s.err ? el('dd', { class: 'bad', text: s.err }) : null,
        critic ? el('dt', { text: 'critic' }) : null, critic ? el('dd', { class: disagrees(s) ? 'bad' : null, text: critic }) : null]),
      el('strong', { text: 'Completion' }), el('pre', { text: s.t })];
    if (s.k) parts.push(el('strong', { text: 'Program' }), el('pre', { class: 'code', html: s.k.split('\n').map(highlight).join('\n') }));
    s.e.forEach(function (e, i) {
      parts.push(el('div', { class: 'exec st-' + e.st }, [
        el('div', null, [el('strong', { text: 'Execution ' + (i + 1) + ': ' }), el('span', { class: e.st === 'ok' ? 'ok' : 'bad', text: e.st }),
          e.x !== undefined ? ' exit ' + e.x : '', e.tr ? ' (truncated)' : '']),
        el('pre', { text: e.o || '(no stdout)' }),
        e.er ? el('pre', { class: 'bad', text: e.er }) : null]));
    });
    return el('div', null, parts);
  }
  function sampleItem(s) {
    var statuses = distinct(s.e.map(function (e) { return e.st; })).join(',');
    return el('li', { 'data-id': s.id }, [el('span', { class: verdictClass(s.c), text: s.c === true ? '✓ ' : s.c === false ? '✗ ' : '? ' }),
      s.b + ' / ' + s.id + ' #' + s.s + ' ', el('span', { class: 'muted', text: show(s.x) + (statuses && statuses !== 'ok' ? ' [' + statuses + ']' : '') })]);
  }
  function sampleTools() {
    var tools = $('sample-tools'), st = sampleState, samples = runSamples(st.run), change = function (key) {
      return function (e) {
        sampleState[key] = key === 'run' ? parseInt(e.target.value, 10) : e.target.value;
        if (key !== 'run') { applySamples(); return; }
        load('siam-run-' + sampleState.run).then(function () { sampleTools(); applySamples(); });
      };
    };
    tools.textContent = '';
    tools.appendChild(select(index.runs.map(function (r, i) { return [String(i), r.name + (r.baseline ? ' (baseline)' : '')]; }), String(st.run), change('run'), 'run'));
    tools.appendChild(select([['', 'all benchmarks']].concat(distinct(samples.map(function (s) { return s.b; })).map(function (b) { return [b, b]; })), st.bench, change('bench'), 'benchmark'));
    tools.appendChild(select([['', 'all suites']].concat(Object.keys(index.suites).map(function (s) { return [s, s]; })), st.suite, change('suite'), 'suite'));
    tools.appendChild(select([['', 'any verdict'], ['correct', 'correct'], ['wrong', 'wrong'], ['ungraded', 'ungraded']], st.verdict, change('verdict'), 'verdict'));
    var statuses = distinct([].concat.apply([], samples.map(function (s) { return s.e.map(function (e) { return e.st; }); })));
    tools.appendChild(select([['', 'any execution']].concat(statuses.map(function (x) { return [x, 'execution ' + x]; })).concat([['none', 'no execution']]), st.exec, change('exec'), 'exec'));
    if (index.runs[st.run].critic)
      tools.appendChild(select([['', 'any critic'], ['disagrees', 'critic disagrees'], ['agrees', 'critic agrees'], ['none', 'not judged']], st.critic, change('critic'), 'critic'));
    tools.appendChild(select([['', 'any extraction']].concat(distinct(samples.map(function (s) { return s.m; })).map(function (m) { return [m, m]; })), st.method, change('method'), 'method'));
    tools.appendChild(el('input', { type: 'search', id: 'sample-search', placeholder: 'search id or text', value: st.q, oninput: change('q') }));
    tools.appendChild(el('span', null, [el('span', { id: 'sample-count' }), ' samples']));
  }
  function applySamples() {
    var items = runSamples(sampleState.run).filter(sampleMatches);
    sampleList.set(items);
    $('sample-count').textContent = String(items.length);
    if (items.length) sampleList.select(0);
  }
  function openSamples(params) {
    var run = params.run !== undefined ? parseInt(params.run, 10) : (index.candidate >= 0 ? index.candidate : index.runs.length - 1);
    if (isNaN(run) || !index.runs[run]) run = 0;
    return Promise.all([load('siam-questions'), load('siam-run-' + run)]).then(function () { showSamples(params, run); });
  }
  function showSamples(params, run) {
    if (!sampleList) sampleList = new List('sample-list', 'sample-detail', renderSample, sampleItem);
    sampleState = { run: run, bench: params.bench || '', suite: params.suite || '', verdict: params.verdict || '',
      exec: params.exec || '', critic: params.critic || '', method: params.method || '', q: params.q || '' };
    sampleTools();
    $('samples').hidden = false;
    active = sampleList;
    applySamples();
    $('samples').scrollIntoView();
  }

  // ---- routing: #flips?…, #flip-ANCHOR (the anchors of diff.md), #samples?… ----
  function route() {
    var hash = location.hash.slice(1), q = hash.indexOf('?');
    var path = decodeURIComponent(q < 0 ? hash : hash.slice(0, q)), params = {};
    (q < 0 ? '' : hash.slice(q + 1)).split('&').forEach(function (kv) {
      var e = kv.indexOf('=');
      if (e > 0) params[kv.slice(0, e)] = decodeURIComponent(kv.slice(e + 1));
    });
    if (path === 'flips') return openFlips(params);
    if (path.indexOf('flip-') === 0) return openFlips({}, path);
    if (path === 'samples') return openSamples(params);
    return Promise.resolve();
  }
  window.addEventListener('hashchange', route);
  var table = $('results');
  if (table) table.addEventListener('click', function (e) {
    if (e.target.closest('a')) return;
    var row = e.target.closest('tr[data-flips]');
    if (row) location.hash = row.dataset.flips;
  });
  document.addEventListener('keydown', function (e) {
    var t = e.target, typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');
    if (e.key === 'Escape' && typing) { t.blur(); return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey || !active) return;
    if (e.key === 'j' || e.key === 'ArrowDown') { active.select(active.sel + 1); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'ArrowUp') { active.select(active.sel - 1); e.preventDefault(); }
    else if (e.key === '/') {
      var box = active === flipList ? $('flip-search') : $('sample-search');
      if (box) { box.focus(); e.preventDefault(); }
    }
  });
  route().then(function () {
    var paint = performance.getEntriesByName('first-contentful-paint')[0];
    if (paint) document.body.setAttribute('data-paint-ms', paint.startTime.toFixed(1));
    document.body.setAttribute('data-script-ms', (performance.now() - started).toFixed(1));
    document.body.setAttribute('data-ready-ms', (performance.now()).toFixed(1));
  }, function (e) { console.error('viewer: ' + e); });
})();
