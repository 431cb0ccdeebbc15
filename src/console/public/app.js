// 城管普法助手 · 工作台 — no build step: plain ES module, ECharts from node_modules.
import * as echarts from '/vendor/echarts/echarts.esm.min.mjs';

const state = { csrf: '', name: '', formats: ['csv', 'xlsx', 'json', 'summary'], formatNames: {}, intents: [], charts: {}, timeZone: 'Asia/Shanghai' };
window.pufaCharts = state.charts; // for tests and debugging: the drawn ECharts instances

// ---------- helpers
const $ = (sel, root = document) => root.querySelector(sel);
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
const OFFLINE = '连不上工作台服务器，请检查网络后再试；如果持续出现请联系技术人员。';
const EXPIRED = '登录已过期，请重新登录。';
/** fetch, with the failures staff can meet told in Chinese (no connection, login expired, the server's own message). */
async function request(path, init) {
  let res;
  try {
    res = await fetch(path, { credentials: 'same-origin', ...init });
  } catch {
    throw Object.assign(new Error(OFFLINE), { status: 0 });
  }
  if (res.ok) return res;
  const data = res.headers.get('content-type')?.includes('json') ? await res.json().catch(() => ({})) : {};
  // A session that ended (expired, staff removed, password reset) while the page was open.
  if (res.status === 401 && path !== '/api/login') showLogin(state.csrf ? EXPIRED : '');
  throw Object.assign(new Error(data?.error ?? `请求失败（${res.status}），请稍后再试。`), { status: res.status });
}
async function api(path, options = {}) {
  const init = { headers: {}, ...options };
  if (options.body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (init.method && init.method !== 'GET') init.headers['x-csrf-token'] = state.csrf;
  const res = await request(path, init);
  return res.headers.get('content-type')?.includes('json') ? res.json() : res.text();
}
/** A line under the header for what went wrong on the current page (Redis down, a bad range …). */
function showNotice(message) {
  $('#notice').textContent = message;
  $('#notice').hidden = !message;
}
/** Times for staff in the bureau's time zone (STATS_TIMEZONE), as `YYYY-MM-DD HH:mm:ss`. */
function localTime(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return iso || '';
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: state.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
/** An intent's title (what the citizen's answer is called), not its id. */
const intentTitle = (id) => state.intents.find((i) => i.id === id)?.title ?? id;
const fmt = (n) => Number(n ?? 0).toLocaleString('zh-CN');
const pct = (a, b) => (b > 0 ? `${((a / b) * 100).toFixed(1)}%` : '—');
function today() {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}
function shift(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const ACTION_NAMES = { answer: '解答', clarify: '追问', out_of_scope: '未答', low_confidence: '低置信', negative_feedback: '👎 反馈' };

// ---------- login / session
function showLogin(message = '') {
  state.csrf = '';
  showNotice('');
  $('#login-error').textContent = message;
  $('#login').hidden = false;
  $('#nav').hidden = true;
  $('#who').hidden = true;
  for (const p of document.querySelectorAll('.page')) p.hidden = true;
}
async function startSession(session) {
  state.csrf = session.csrfToken;
  state.name = session.name;
  if (Array.isArray(session.exportFormats)) state.formats = session.exportFormats;
  // The formats' names come from the server, which names them so in the audit log too.
  if (session.exportNames) state.formatNames = session.exportNames;
  if (session.timeZone) state.timeZone = session.timeZone;
  // One length cap for #公告 and this form: the server's ANNOUNCE_MAX_CHARS.
  if (Number.isInteger(session.announceMaxChars)) $('#announce-form textarea[name="text"]').maxLength = session.announceMaxChars;
  $('#login').hidden = true;
  $('#nav').hidden = false;
  $('#who').hidden = false;
  $('#who-name').textContent = session.name;
  route();
}
$('#login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  $('#login-error').textContent = '';
  try {
    await startSession(await api('/api/login', { method: 'POST', body: { name: f.get('name'), password: f.get('password') } }));
    e.target.reset();
  } catch (err) {
    $('#login-error').textContent = err.message;
  }
});
$('#logout').addEventListener('click', async () => {
  await api('/api/logout', { method: 'POST' }).catch(() => undefined);
  showLogin();
});

// ---------- routing
const PAGES = { dashboard: loadDashboard, review: loadReview, announce: loadAnnounce, export: loadExport, audit: loadAudit };
function route() {
  if (!state.csrf) return;
  const page = (location.hash.slice(1) || 'dashboard').split('?')[0];
  const name = PAGES[page] ? page : 'dashboard';
  for (const p of document.querySelectorAll('.page')) p.hidden = p.id !== `page-${name}`;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === name);
  showNotice('');
  PAGES[name]().catch((err) => showNotice(err.message));
}
window.addEventListener('hashchange', route);

// ---------- dashboard
function chart(id) {
  const node = document.getElementById(id);
  state.charts[id] ??= echarts.init(node, null, { renderer: 'canvas' });
  return state.charts[id];
}
window.addEventListener('resize', () => Object.values(state.charts).forEach((c) => c.resize()));

function setRange(form, from, to) {
  form.elements.from.value = from;
  form.elements.to.value = to;
}
function quickRange(kind) {
  const t = today();
  if (kind === '30d') return [shift(t, -29), t];
  if (kind === 'month') return [`${t.slice(0, 8)}01`, t];
  if (kind === 'lastmonth') {
    const last = shift(`${t.slice(0, 8)}01`, -1);
    return [`${last.slice(0, 8)}01`, last];
  }
  return [`${t.slice(0, 4)}-01-01`, t];
}
const rangeForm = $('#range-form');
rangeForm.addEventListener('submit', (e) => {
  e.preventDefault();
  drawDashboard().catch((err) => showNotice(err.message));
});
for (const b of rangeForm.querySelectorAll('[data-quick]')) {
  b.addEventListener('click', () => {
    setRange(rangeForm, ...quickRange(b.dataset.quick));
    rangeForm.elements.by.value = b.dataset.quick === 'year' ? 'month' : 'day';
    drawDashboard().catch((err) => showNotice(err.message));
  });
}

async function loadDashboard() {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  if (params.get('from') && params.get('to')) {
    setRange(rangeForm, params.get('from'), params.get('to'));
    if (params.get('by')) rangeForm.elements.by.value = params.get('by');
  } else if (!rangeForm.elements.from.value) setRange(rangeForm, ...quickRange('30d'));
  await drawDashboard();
}

function card(key, label, value, prev, opts = {}) {
  const delta = typeof value === 'number' && typeof prev === 'number' ? value - prev : null;
  const change = opts.changeText ?? (delta === null ? '' : prev > 0 ? `${delta >= 0 ? '+' : ''}${((delta / prev) * 100).toFixed(1)}%` : delta > 0 ? '新增' : '持平');
  return el(
    'div',
    { class: 'kpi', dataset: { figure: key } },
    el('div', { class: 'label' }, label, opts.estimate ? el('span', { class: 'estimate', title: 'HyperLogLog 估算，误差约 1%' }, '估算') : null),
    el('div', { class: 'value', dataset: { value: String(value) } }, opts.text ?? fmt(value)),
    el('div', { class: 'prev' }, `上一周期 ${opts.prevText ?? fmt(prev)}`, ' ', delta === null ? '' : el('span', { class: delta > 0 ? 'up' : delta < 0 ? 'down' : '' }, change)),
  );
}

/** A rate's change in percentage points, as the summary and the Word report say it. */
function pointsText(points) {
  if (typeof points !== 'number') return '';
  return points === 0 ? '持平' : `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} 个百分点`;
}
async function drawDashboard() {
  const f = rangeForm.elements;
  const q = new URLSearchParams({ from: f.from.value, to: f.to.value, by: f.by.value });
  if (f.includeTest.checked) q.set('includeTest', '1');
  let d;
  try {
    showNotice('');
    d = await api(`/api/dashboard?${q}`);
  } catch (err) {
    // No figures of another period left on the page as if they were this one's.
    $('#compare-note').textContent = '';
    $('#cards').replaceChildren();
    Object.values(state.charts).forEach((c) => c.clear());
    document.body.dataset.dashboard = 'error';
    throw err;
  }
  const cur = d.current;
  const prev = d.previous;
  const testNote = cur.includeTest ? '含测试数据（非正式统计）。' : cur.testLeftOut ? `另有 ${cur.testLeftOut} 条测试咨询未计入。` : '';
  $('#compare-note').textContent = `${cur.from} 至 ${cur.to}，与对比期（${d.previousRange.from} 至 ${d.previousRange.to}）比较。${testNote}`;
  const T = cur.totals;
  const P = prev.totals;
  $('#cards').replaceChildren(
    card('total', '咨询总数', T.total, P.total),
    card('answered', '解答', T.answered, P.answered),
    card('answeredShare', '解答率', T.total ? T.answered / T.total : 0, P.total ? P.answered / P.total : 0, { text: pct(T.answered, T.total), prevText: pct(P.answered, P.total), changeText: pointsText(cur.previous?.answeredShareChange) }),
    card('clarified', '追问澄清', T.clarified, P.clarified),
    card('outOfScope', '非城管事项', T.outOfScope, P.outOfScope),
    card('citizens', '咨询群众（人）', T.citizens, P.citizens, { estimate: true }),
    card('pushes', '公告推送（次）', cur.announcements.pushes, prev.announcements.pushes),
    card('groups', '公告送达（群次）', cur.announcements.groupsReached, prev.announcements.groupsReached),
  );

  chart('chart-trend').setOption(
    {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['咨询', '解答', '上一周期'] },
      grid: { left: 40, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: cur.periods.map((p) => p.period) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '咨询', type: 'line', data: cur.periods.map((p) => p.total) },
        { name: '解答', type: 'line', data: cur.periods.map((p) => p.answered) },
        { name: '上一周期', type: 'line', data: prev.periods.map((p) => p.total), lineStyle: { type: 'dashed' }, itemStyle: { color: '#94a3b8' } },
      ],
    },
    true,
  );
  const topics = cur.topicTotals.filter((t) => t.total > 0 || true);
  const prevTopic = new Map(prev.topicTotals.map((t) => [t.topic, t.total]));
  chart('chart-topics').setOption(
    {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['本期', '上一周期'] },
      grid: { left: 110, right: 20, top: 36, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: topics.map((t) => t.topicName), inverse: true },
      series: [
        { name: '本期', type: 'bar', data: topics.map((t) => t.total) },
        { name: '上一周期', type: 'bar', data: topics.map((t) => prevTopic.get(t.topic) ?? 0), itemStyle: { color: '#cbd5e1' } },
      ],
    },
    true,
  );
  chart('chart-outcomes').setOption(
    {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['30%', '55%'], center: ['50%', '45%'], data: [{ name: '解答', value: T.answered }, { name: '追问澄清', value: T.clarified }, { name: '非城管事项', value: T.outOfScope }], label: { formatter: '{b}\n{d}%' } }],
    },
    true,
  );
  const prevChannel = new Map(prev.channelTotals.map((c) => [c.channel, c.total]));
  chart('chart-channels').setOption(
    {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['本期', '上一周期'] },
      grid: { left: 40, right: 20, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: cur.channelTotals.map((c) => c.channelName) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '本期', type: 'bar', data: cur.channelTotals.map((c) => c.total) },
        { name: '上一周期', type: 'bar', data: cur.channelTotals.map((c) => prevChannel.get(c.channel) ?? 0), itemStyle: { color: '#cbd5e1' } },
      ],
    },
    true,
  );
  const rooms = cur.roomTotals.slice(0, 10);
  chart('chart-rooms').setOption(
    {
      tooltip: { trigger: 'axis' },
      grid: { left: 120, right: 20, top: 10, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rooms.map((r) => r.roomName), inverse: true },
      series: [{ name: '咨询', type: 'bar', data: rooms.map((r) => r.total) }],
    },
    true,
  );
  const days = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
  const cells = [];
  let max = 0;
  cur.weekdayHour.forEach((row, w) => row.forEach((v, h) => {
    cells.push([h, w, v]);
    max = Math.max(max, v);
  }));
  chart('chart-heatmap').setOption(
    {
      tooltip: { formatter: (p) => `${days[p.value[1]]} ${p.value[0]}:00–${p.value[0]}:59：${p.value[2]} 次` },
      // Room under the hour labels for the colour scale and its handles' numbers (they overlapped).
      grid: { left: 50, right: 20, top: 10, bottom: 90 },
      xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => `${h}时`), splitArea: { show: true } },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: Math.max(1, max), calculable: true, orient: 'horizontal', left: 'center', bottom: 4, itemWidth: 12, inRange: { color: ['#f8fafc', '#0f4c81'] } },
      series: [{ type: 'heatmap', data: cells, label: { show: false } }],
    },
    true,
  );
  document.body.dataset.dashboard = `${cur.from}..${cur.to}`;
}

// ---------- review queue
async function loadIntents() {
  if (state.intents.length === 0) state.intents = (await api('/api/intents')).intents;
  return state.intents;
}
function intentSelect(current) {
  const select = el('select', { 'aria-label': '正确的意图' }, el('option', { value: '' }, '选择正确的意图…'));
  const byTopic = new Map();
  for (const i of state.intents) {
    if (!byTopic.has(i.topicName)) byTopic.set(i.topicName, []);
    byTopic.get(i.topicName).push(i);
  }
  for (const [topic, list] of byTopic) select.append(el('optgroup', { label: topic }, list.map((i) => el('option', { value: i.id, selected: i.id === current }, i.title))));
  return select;
}
async function loadReview() {
  await loadIntents();
  const q = new URLSearchParams();
  if ($('#review-from').value) q.set('from', $('#review-from').value);
  if ($('#review-to').value) q.set('to', $('#review-to').value);
  const { rows } = await api(`/api/review?${q}`);
  const body = $('#review-table tbody');
  body.replaceChildren(
    ...rows.map((r) => {
      const select = intentSelect('');
      const tr = el('tr', { dataset: { ids: r.ids.join(',') } });
      const resolve = async (status) => {
        if (status === 'assigned' && !select.value) {
          select.focus();
          return;
        }
        for (const b of tr.querySelectorAll('button')) b.disabled = true;
        try {
          await api('/api/review/resolve', { method: 'POST', body: { ids: r.ids, status, ...(status === 'assigned' ? { intent: select.value } : {}) } });
          tr.remove();
          $('#review-empty').hidden = body.children.length > 0;
        } catch (err) {
          alert(err.message);
          for (const b of tr.querySelectorAll('button')) b.disabled = false;
        }
      };
      tr.append(
        el('td', {}, (r.at || '').slice(0, 16).replace('T', ' ')),
        el('td', { class: 'q' }, r.text),
        el('td', {}, r.count),
        el('td', {}, el('span', { class: `tag ${r.reason ?? r.action}` }, r.reasonName || (ACTION_NAMES[r.action] ?? r.action))),
        el('td', {}, r.topicName || '—', r.intent ? ` · ${intentTitle(r.intent)}` : '', r.score ? `（把握 ${Number(r.score).toFixed(2)}）` : '', r.choices?.length ? el('div', { class: 'hint' }, `给出的选项：${r.choices.join(' / ')}`) : ''),
        el('td', { class: 'actions' }, select, ' ', el('button', { type: 'button', class: 'primary', onclick: () => resolve('assigned') }, '归入'), ' ', el('button', { type: 'button', onclick: () => resolve('out_of_scope') }, '非城管事项'), ' ', el('button', { type: 'button', onclick: () => resolve('dismissed') }, '忽略')),
      );
      return tr;
    }),
  );
  $('#review-empty').hidden = rows.length > 0;
  const last = await api('/api/retrain');
  $('#retrain').disabled = !last.available || last.running;
  $('#retrain').title = last.available ? '' : '机器人不在本进程运行，请在机器人的控制台操作';
  if (last.last && $('#retrain-result').hidden) showRetrain(last.last);
}
function scoreLine(label, s) {
  return el('li', {}, `${label}：检查题 ${s.passed}/${s.total}`);
}
function showRetrain(r) {
  const box = $('#retrain-result');
  box.hidden = false;
  box.replaceChildren(
    el('h3', { class: r.swapped ? 'ok' : 'bad' }, r.message),
    el('ul', {}, scoreLine('训练前', r.before), scoreLine('训练后', r.after)),
    r.assigned.length
      ? el('table', { class: 'table', id: 'retrain-assigned' }, el('thead', {}, el('tr', {}, el('th', {}, '已归入的问题'), el('th', {}, '意图'), el('th', {}, '训练前'), el('th', {}, '训练后'))), el('tbody', {}, r.assigned.map((a) => el('tr', { class: a.answered ? 'ok' : 'bad' }, el('td', {}, a.text), el('td', {}, intentTitle(a.intent)), el('td', {}, a.before), el('td', {}, a.after)))))
      : '',
    el('p', { class: 'hint' }, `${localTime(r.at)} · ${r.by}`),
  );
}
$('#review-refresh').addEventListener('click', () => loadReview());
$('#retrain').addEventListener('click', async () => {
  const b = $('#retrain');
  b.disabled = true;
  b.textContent = '训练中…';
  try {
    showRetrain(await api('/api/retrain', { method: 'POST' }));
  } catch (err) {
    const box = $('#retrain-result');
    box.hidden = false;
    box.replaceChildren(el('h3', { class: 'bad' }, err.message));
  } finally {
    b.disabled = false;
    b.textContent = '重新训练并启用';
  }
});

// ---------- announcements
const annForm = $('#announce-form');
let annTimer;
function selectedRooms() {
  return [...document.querySelectorAll('#groups input:checked')].map((i) => i.value);
}
function drawPreview() {
  const text = annForm.elements.text.value.trim();
  const names = [...document.querySelectorAll('#groups input:checked')].map((i) => i.dataset.topic);
  const when = annForm.elements.sendAt.value ? `定时：${annForm.elements.sendAt.value.replace('T', ' ')}` : '确认后立即逐群发送';
  $('#preview').replaceChildren(text ? el('div', { class: 'bubble' }, text) : el('p', { class: 'hint' }, '在左边输入公告内容'), el('div', { class: 'meta' }, `${text.length} 字 · 发送到 ${names.length} 个群${names.length ? `：${names.join('、')}` : ''} · ${when}`));
}
annForm.addEventListener('input', drawPreview);
$('#groups-all').addEventListener('click', () => {
  document.querySelectorAll('#groups input').forEach((i) => (i.checked = true));
  drawPreview();
});
$('#groups-none').addEventListener('click', () => {
  document.querySelectorAll('#groups input').forEach((i) => (i.checked = false));
  drawPreview();
});
annForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  $('#announce-error').textContent = '';
  const text = annForm.elements.text.value;
  const sendAt = annForm.elements.sendAt.value;
  const rooms = selectedRooms();
  const names = [...document.querySelectorAll('#groups input:checked')].map((i) => i.dataset.topic);
  if (rooms.length === 0) {
    $('#announce-error').textContent = '请至少选择一个服务群';
    return;
  }
  if (!confirm(`确认${sendAt ? `在 ${sendAt.replace('T', ' ')} ` : '现在'}发送到 ${rooms.length} 个群？\n${names.join('、')}`)) return;
  try {
    await api('/api/announcements', { method: 'POST', body: { text, rooms, ...(sendAt ? { sendAt } : {}) } });
    annForm.reset();
    drawPreview();
    await drawAnnouncements();
  } catch (err) {
    $('#announce-error').textContent = err.message;
  }
});
async function loadAnnounce() {
  const { groups, live } = await api('/api/groups');
  $('#groups').replaceChildren(...groups.map((g) => el('label', {}, el('input', { type: 'checkbox', value: g.room, dataset: { topic: g.topic } }), g.topic)));
  $('#groups-note').textContent = groups.length === 0 ? '没有服务群（机器人未登录，或 BOT_ROOMS 未配置）。' : live ? '' : '群列表来自机器人最近一次上报（机器人在另一台机器运行）。';
  drawPreview();
  await drawAnnouncements();
}
const GROUP_STATE = { sent: '已发送', failed: '失败', pending: '待发送', uncertain: '不明', skipped: '未发送' };
async function drawAnnouncements() {
  clearTimeout(annTimer);
  const { announcements } = await api('/api/announcements');
  $('#announcements').replaceChildren(
    ...announcements.map((a) =>
      el(
        'div',
        { class: 'card ann', dataset: { id: a.id, state: a.state } },
        el(
          'div',
          { class: 'head' },
          el('strong', {}, `#${a.id}`),
          el('span', { class: 'tag' }, a.stateName),
          el('span', { class: 'hint' }, [a.createdAt ? `创建 ${a.createdAt}` : '', a.sendAt ? ` · 定时 ${a.sendAt}` : '', a.by ? ` · ${a.by}` : ''].join('')),
          el('span', {}, `已发 ${a.sent} · 失败 ${a.failed} · 待发 ${a.pending}`),
          ['waiting', 'delayed', 'active', 'prioritized', 'queued', 'scheduled', 'sending'].includes(a.state)
            ? el('button', { type: 'button', onclick: async () => {
                if (!confirm(`撤销公告 #${a.id}？已发出的群无法撤回。`)) return;
                const r = await api(`/api/announcements/${a.id}/revoke`, { method: 'POST' }).catch((err) => ({ message: err.message }));
                alert(r.message);
                drawAnnouncements();
              } }, '撤销')
            : '',
        ),
        el('div', { class: 'text' }, a.text),
        el('div', {}, a.groups.map((g) => el('span', { class: `status ${g.state}`, title: g.why ?? '' }, `${g.topic}：${GROUP_STATE[g.state] ?? g.state}`))),
      ),
    ),
  );
  if (announcements.some((a) => a.pending > 0) && !$('#page-announce').hidden) annTimer = setTimeout(drawAnnouncements, 2000);
}

// ---------- exports
const exportForm = $('#export-form');
function drawExportLinks() {
  const f = exportForm.elements;
  const q = (format) => `/api/export?${new URLSearchParams({ from: f.from.value, to: f.to.value, by: f.by.value, format, ...(f.includeTest.checked ? { includeTest: '1' } : {}) })}`;
  $('#export-links').replaceChildren(...state.formats.map((format) => el('a', { href: q(format), download: '', dataset: { format } }, state.formatNames[format] ?? format)));
}
exportForm.addEventListener('input', () => {
  $('#export-error').textContent = '';
  drawExportLinks();
});
/** `filename*=UTF-8''…` of a Content-Disposition header. */
function fileNameOf(header) {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  return m ? decodeURIComponent(m[1]) : 'export';
}
// A download is fetched first: a refused range or a Redis outage is told on the page, not saved as a file.
$('#export-links').addEventListener('click', async (e) => {
  const a = e.target.closest('a[data-format]');
  if (!a) return;
  e.preventDefault();
  $('#export-error').textContent = '';
  a.setAttribute('aria-busy', 'true');
  try {
    const res = await request(a.href);
    const url = URL.createObjectURL(await res.blob());
    const link = el('a', { href: url, download: fileNameOf(res.headers.get('content-disposition')), hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (err) {
    $('#export-error').textContent = err.message;
  } finally {
    a.removeAttribute('aria-busy');
  }
});
async function loadExport() {
  if (!exportForm.elements.from.value) setRange(exportForm, `${today().slice(0, 4)}-01-01`, today());
  drawExportLinks();
}

// ---------- audit
const AUDIT_NAMES = { login: '登录', 'login.failed': '登录失败', logout: '退出', export: '导出', 'review.assigned': '归入意图', 'review.out_of_scope': '标为非城管事项', 'review.dismissed': '忽略问题', retrain: '重新训练', announce: '发送公告', 'announce.revoke': '撤销公告', 'staff.add': '新建账号', 'staff.reset': '重设密码', 'staff.remove': '删除账号' };
async function loadAudit() {
  const { entries } = await api('/api/audit');
  const who = (w) => (w === 'cli' ? '命令行（管理员）' : w === '-' ? '—' : w);
  $('#audit-table tbody').replaceChildren(...entries.map((e) => el('tr', {}, el('td', {}, localTime(e.at)), el('td', {}, who(e.who)), el('td', {}, AUDIT_NAMES[e.what] ?? e.what), el('td', {}, e.detail))));
}

// ---------- start
api('/api/session').then(startSession, (err) => {
  showLogin();
  // Not a missing login (Redis down, no connection): say so above the form.
  if (err.status !== 401) showNotice(err.message);
});
