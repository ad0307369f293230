// The Markdown table (stdout) from the JSON result.
const int = (n) => (n === null || n === undefined ? '—' : Math.round(n).toLocaleString('en-US'));
const ms = (n) => (n === null || n === undefined ? '—' : n < 10 ? n.toFixed(1) : Math.round(n).toString());
const x = (r) => (r === null || r === undefined ? '—' : `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}×`);
const pow = (n) => `10${['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷'][Math.round(Math.log10(n))]}`;
const verdict = (met) => (met === null || met === undefined ? '—' : met ? 'met' : '**missed**');
const NA = 'n/a (endpoint missing)';
const perOp = (p) => (p ? `API ${p.server ?? '—'} · DB ${p.mariadb ?? '—'} · bench ${p.bench ?? '—'}` : '—');
const cores = (c) =>
  c
    ? `API ${c.server ?? '—'} · DB ${c.mariadb ?? '—'} · bench ${c.bench} · other processes ${c.others ?? '—'} · machine busy ${Math.round((c.machineBusy ?? 0) * 100)}%`
    : '—';

export function markdown(result) {
  const rows = [];
  const cpuRows = [];
  const row = (...cells) => rows.push(`| ${cells.join(' | ')} |`);
  const { visits, orders, redemptions, attribution, settlement } = result.phases;

  const instances = (p) => (p?.instances > 1 ? `, ${p.instances} API processes` : ', 1 API process');
  for (const [v0, n] of [
    [visits, 1],
    [result.phases.visitsAll, result.options?.instances],
  ]) {
    if (!v0) continue;
    const v = v0.visits;
    row(
      `Visit recording \`POST /api/visits\` (${v0.connections} conns${instances({ instances: n })})`,
      `${int(v.rps)} req/s · p50 ${ms(v.latencyMsHiRes.p50)} ms · p99 ${ms(v.latencyMsHiRes.p99)} ms${v.non2xx ? ` · **${int(v.non2xx)} non-2xx**` : ''}`,
      `bare Fastify GET ${int(v0.bareGet.rps)} req/s · p50 ${ms(v0.bareGet.latencyMs.p50)} · p99 ${ms(v0.bareGet.latencyMs.p99)} ms`,
      x(v0.ratio),
      `≥ ${v0.target}×`,
      verdict(v0.met),
    );
    row(
      '↳ Nest `GET /api/health`, no DB (diagnostic)',
      `${int(v0.nestGet.rps)} req/s · p50 ${ms(v0.nestGet.latencyMs.p50)} · p99 ${ms(v0.nestGet.latencyMs.p99)} ms`,
      'bare Fastify GET',
      x(v0.nestGetRatio),
      '—',
      '—',
    );
    const tag = n > 1 ? ` ×${n}` : '';
    if (n === 1) cpuRows.push(['bare Fastify GET', v0.bareGet.cpuCores, v0.bareGet.cpuMsPerRequest]);
    cpuRows.push(
      [`Nest GET /api/health${tag}`, v0.nestGet.cpuCores, v0.nestGet.cpuMsPerRequest],
      [`POST /api/visits${tag}`, v.cpuCores, v.cpuMsPerRequest],
    );
  }
  for (const [o, n] of [
    [orders, 1],
    [result.phases.ordersAll, result.options?.instances],
  ]) {
    if (!o) continue;
    const a = o.api;
    row(
      `Order → prepay → signed notify → accrual (${o.connections} conns${instances({ instances: n })})`,
      `${a.flowsPerSecond} flows/s · p50 ${ms(a.flowLatencyMs.p50)} ms · p99 ${ms(a.flowLatencyMs.p99)} ms${Object.keys(a.failures).length ? ` · failures ${JSON.stringify(a.failures)}` : ''}`,
      `raw mysql2 tx ${int(o.raw.rps)} tx/s · p50 ${ms(o.raw.latencyMs.p50)} ms`,
      x(o.ratio),
      `≥ ${o.target}×`,
      verdict(o.met),
    );
    const tag = n > 1 ? ` ×${n}` : '';
    cpuRows.push([`order flow (API${tag})`, a.cpuCores, a.cpuMsPerFlow]);
    if (n === 1) cpuRows.push(['order flow (raw mysql2)', o.raw.cpuCores, o.raw.cpuMsPerTx]);
  }
  if (redemptions) {
    const a = redemptions.api;
    row(
      `Counter redemptions \`POST /api/pos/redemptions\` (${redemptions.connections} conns)`,
      a
        ? `${int(a.rps)} req/s · p50 ${ms(a.latencyMsHiRes.p50)} ms · p99 ${ms(a.latencyMsHiRes.p99)} ms${a.non2xx ? ` · **${int(a.non2xx)} non-2xx** ${JSON.stringify(a.failures)}` : ''}`
        : NA,
      `raw mysql2 tx ${int(redemptions.raw.rps)} tx/s · p50 ${ms(redemptions.raw.latencyMs.p50)} ms`,
      a ? x(redemptions.ratio) : '—',
      '(same method)',
      '—',
    );
    if (a) cpuRows.push(['redemptions (API)', a.cpuCores, a.cpuMsPerRequest]);
    cpuRows.push(['redemptions (raw mysql2)', redemptions.raw.cpuCores, redemptions.raw.cpuMsPerTx]);
  }
  if (attribution) {
    for (const l of attribution.levels) {
      const last = l === attribution.levels[attribution.levels.length - 1];
      row(
        `Attribution decision, ${pow(l.touches)} touches & members`,
        `order p50 ${ms(l.apiLatencyMs.p50)} ms · p99 ${ms(l.apiLatencyMs.p99)} ms (${x(l.apiGrowth)} of ${pow(attribution.levels[0].touches)})`,
        `indexed touch read p50 ${ms(l.rawReadLatencyMs.p50)} ms (${x(l.rawGrowth)} of ${pow(attribution.levels[0].touches)})`,
        x(l.apiGrowth),
        last ? '≤ 2× of 10³' : '—',
        last ? verdict(attribution.met) : '—',
      );
    }
  }
  if (attribution?.heavy) {
    const h = attribution.heavy;
    row(
      `↳ members with ${h.touchesPerMember} touches in the window, at ${pow(h.touches)} (diagnostic)`,
      `order p50 ${ms(h.apiLatencyMs.p50)} ms · p99 ${ms(h.apiLatencyMs.p99)} ms (${x(h.apiGrowth)} of ${pow(attribution.levels[0].touches)})`,
      `indexed touch read p50 ${ms(h.rawReadLatencyMs.p50)} ms`,
      x(h.apiGrowth),
      '—',
      '—',
    );
  }
  if (settlement) {
    for (const l of settlement.levels) {
      const last = l === settlement.levels[settlement.levels.length - 1];
      const c = l.close;
      row(
        `Settlement close, ${pow(l.entries)} ledger entries`,
        c.missing
          ? NA
          : c.status >= 300
            ? `HTTP ${c.status}: ${c.error}`
            : `${c.seconds} s · peak RSS ${c.peakRssMb} MB (${c.rssBeforeMb} before) · ${int(c.statements)} statements`,
        `SQL aggregate ${l.sqlAggregate.seconds} s (${int(l.sqlAggregate.groups)} groups)`,
        c.missing || c.status >= 300 ? '—' : x(c.ratio),
        last ? '< 30 s and < 300 MB RSS' : '—',
        last ? verdict(settlement.closeMet) : '—',
      );
      const v = l.csv;
      row(
        `Statement CSV export, ${pow(l.entries)} ledger entries`,
        v.missing
          ? NA
          : v.status >= 300
            ? `HTTP ${v.status}`
            : `${v.seconds} s · peak RSS ${v.peakRssMb} MB (fresh API process, ${v.rssBeforeMb} before) · ${int(v.lines)} lines, ${int(v.bytes)} B`,
        v.missing ? '—' : `SQL aggregate ${l.csvSqlAggregate.seconds} s`,
        v.missing || v.status >= 300 ? '—' : x(v.ratio),
        last ? '< 200 MB RSS' : '—',
        last ? verdict(settlement.csvMet) : '—',
      );
    }
  }
  const head = [
    '| hot path | GuideShare | baseline, same run | ratio | target | |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const cpu = cpuRows.length
    ? [
        '',
        `CPU during each measurement (cores busy, of ${result.machine.cpus}; "bench" = load generator + WeChat simulator + raw baselines) and CPU milliseconds per operation (robust to neighbours' load):`,
        '',
        '| run | cores used | CPU ms per op |',
        '| --- | --- | --- |',
        ...cpuRows.map(([k, c, p]) => `| ${k} | ${cores(c)} | ${perOp(p)} |`),
      ]
    : [];
  return [...head, ...rows, ...cpu].join('\n');
}
