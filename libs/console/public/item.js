import { api, ApiError, cell, explain, money, showMessage, when } from './console.js';

const itemId = decodeURIComponent(location.pathname.split('/').pop());
const message = document.getElementById('message');
const sensitivity = document.getElementById('sensitivity');
const FLAG = '#d62728';
const CHECKED = '#f28e2b';
document.title = `${itemId} — Price anomaly console`;
document.getElementById('title').textContent = `Item ${itemId}`;
document.getElementById('alerts-link').href = `/console/alerts?item_id=${encodeURIComponent(itemId)}`;

let chart;
let days = [];
let report;
let checked = [];

function draw() {
  const { low, high } = report.normal_range;
  chart.setOption({
    animation: false,
    grid: { left: 70, right: 24, top: 16, bottom: 56 },
    tooltip: { trigger: 'item' },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true, name: 'price', nameLocation: 'middle', nameGap: 52 },
    series: [
      { name: 'lowest', type: 'line', data: days.map((d) => [d.day, d.min]), showSymbol: false, lineStyle: { width: 1, color: '#aab2c0' }, tooltip: { show: false } },
      { name: 'highest', type: 'line', data: days.map((d) => [d.day, d.max]), showSymbol: false, lineStyle: { width: 1, color: '#aab2c0' }, tooltip: { show: false } },
      {
        name: 'daily median', type: 'line', data: days.map((d) => [d.day, d.median]), showSymbol: false, lineStyle: { width: 1.5, color: '#5470c6' }, tooltip: { show: false },
        markArea: { silent: true, itemStyle: { color: 'rgba(46,139,87,0.18)' }, data: [[{ name: 'normal band', yAxis: low }, { yAxis: high }]] },
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#2e8b57', type: 'dashed' }, label: { formatter: 'expected {c}' }, data: [{ yAxis: report.expected }] },
      },
      {
        name: 'flagged', type: 'scatter', symbolSize: 7, itemStyle: { color: FLAG },
        data: report.flagged.map((order) => ({ value: [order.ord_closed_dt, order.price], order })),
        tooltip: { formatter: ({ data: { order } }) => `${order.ord_closed_dt}: ${money(order.price)}<br>severity ${order.severity}, ${order.direction ?? ''} (${order.reason})` },
      },
      {
        name: 'checked', type: 'scatter', symbol: 'diamond', symbolSize: 13, itemStyle: { color: CHECKED },
        data: checked.map((check) => ({ value: [days.at(-1).day, check.price], check })),
        tooltip: { formatter: ({ data: { check } }) => `checked ${money(check.price)}: ${check.anomaly ? 'anomalous' : 'normal'}` },
      },
    ],
  }, { replaceMerge: ['series'] });
}

function summarise() {
  const model = report.model;
  const facts = [
    ['Orders', report.count.toLocaleString('en-US')], ['First order', report.first_date], ['Last order', report.last_date],
    ['Expected price', money(report.expected)], ['Normal range', `${money(report.normal_range.low)} – ${money(report.normal_range.high)}`],
    ['Flagged orders', report.flagged_total.toLocaleString('en-US')], ['History version', report.history_version],
    ['Model', `${model.engine}, ${model.trees} trees of ${model.sample_size}, trained on ${model.trained_on.toLocaleString('en-US')}`], ['Sensitivity', model.sensitivity],
  ];
  document.getElementById('summary').replaceChildren(...facts.flatMap(([term, value]) => [
    Object.assign(document.createElement('dt'), { textContent: term }), Object.assign(document.createElement('dd'), { textContent: value }),
  ]));
  document.getElementById('flagged-count').textContent = `(${report.flagged_total.toLocaleString('en-US')})`;
  const body = document.querySelector('#flagged tbody');
  body.replaceChildren();
  for (const order of report.flagged.slice(-50).reverse()) {
    const row = body.insertRow();
    [order.ord_closed_dt, money(order.price), order.severity, order.direction, order.reason].forEach((value) => cell(row, value));
  }
}

async function loadReport() {
  report = await api(`/items/${encodeURIComponent(itemId)}/report?sensitivity=${sensitivity.value}`);
  summarise();
  draw();
  document.getElementById('chart').dataset.flaggedPoints = String(report.flagged.length);
}

document.getElementById('check').addEventListener('submit', async (event) => {
  event.preventDefault();
  const out = document.getElementById('verdict');
  try {
    const price = Number(document.getElementById('price').value);
    const verdict = await api('/detectAnomaly', { method: 'POST', body: { item_id: itemId, price, sensitivity: Number(sensitivity.value) } });
    const m = verdict.metadata;
    const headline = Object.assign(document.createElement('p'), {
      className: `verdict ${verdict.anomaly ? 'anomaly' : 'normal'}`,
      textContent: verdict.anomaly ? `Anomalous: ${m.direction === 'high' ? 'too high' : 'too low'}` : 'Normal',
    });
    const why = Object.assign(document.createElement('p'), {
      textContent: `${money(price)} against a normal range of ${money(m.normal_range.low)} – ${money(m.normal_range.high)} (expected ${money(m.expected)}); `
        + `reason ${m.reason}, severity ${m.severity}, forest score ${m.score.toFixed(3)} (threshold ${m.threshold.toFixed(2)}).`,
    });
    out.replaceChildren(headline, why);
    checked = [...checked.slice(-4), { price, anomaly: verdict.anomaly }];
    draw();
  } catch (error) {
    out.replaceChildren(Object.assign(document.createElement('p'), { className: 'message error', textContent: explain(error) }));
  }
});

let redraw;
sensitivity.addEventListener('input', () => {
  document.getElementById('sensitivity-value').textContent = sensitivity.value;
  clearTimeout(redraw);
  redraw = setTimeout(() => loadReport().catch((error) => showMessage(message, explain(error))), 200);
});

try {
  const [daily, , { alerts }] = await Promise.all([
    api(`/items/${encodeURIComponent(itemId)}/daily`),
    api(`/items/${encodeURIComponent(itemId)}/report?sensitivity=${sensitivity.value}`).then((body) => { report = body; }),
    api(`/alerts?item_id=${encodeURIComponent(itemId)}&limit=50`),
  ]);
  days = daily.days;
  document.getElementById('content').hidden = false;
  chart = window.echarts.init(document.getElementById('chart'), null, { renderer: 'svg' });
  addEventListener('resize', () => chart.resize());
  summarise();
  draw();
  document.getElementById('chart').dataset.flaggedPoints = String(report.flagged.length);
  const body = document.querySelector('#item-alerts tbody');
  for (const alert of alerts) {
    const row = body.insertRow();
    [when(alert.created_at), alert.ord_closed_dt, money(alert.price), alert.metadata?.severity, alert.status].forEach((value) => cell(row, value));
  }
  if (alerts.length === 0) cell(body.insertRow(), 'No alerts.').colSpan = 5;
  document.body.dataset.ready = 'true';
} catch (error) {
  const unknown = error instanceof ApiError && error.status === 404;
  showMessage(message, unknown ? `No item ${itemId}: it has no price history. Upload its orders first.` : explain(error));
  document.body.dataset.ready = 'true';
}
