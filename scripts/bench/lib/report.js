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

  if (visits) {
    const v = visits.visits;
    row(
      `Visit recording \`POST /api/visits\` (${visits.connections} conns)`,
      `${int(v.rps)} req/s · p50 ${ms(v.latencyMsHiRes.p50)} ms · p99 ${ms(v.latencyMsHiRes.p99)} ms${v.non2xx ? ` · **${int(v.non2xx)} non-2xx**` : ''}`,
      `bare Fastify GET ${int(visits.bareGet.rps)} req/s · p50 ${ms(visits.bareGet.latencyMs.p50)} · p99 ${ms(visits.bareGet.latencyMs.p99)} ms`,
      x(visits.ratio),
      '≥ 0.5×',
      verdict(visits.met),
    );
    row(
      '↳ Nest `GET /api/health`, no DB (diagnostic)',
      `${int(visits.nestGet.rps)} req/s · p50 ${ms(visits.nestGet.latencyMs.p50)} · p99 ${ms(visits.nestGet.latencyMs.p99)} ms`,
      'bare Fastify GET',
      x(visits.nestGetRatio),
      '—',
      '—',
    );
    cpuRows.push(
      ['bare Fastify GET', visits.bareGet.cpuCores, visits.bareGet.cpuMsPerRequest],
      ['Nest GET /api/health', visits.nestGet.cpuCores, visits.nestGet.cpuMsPerRequest],
      ['POST /api/visits', v.cpuCores, v.cpuMsPerRequest],
    );
  }
  if (orders) {
    const a = orders.api;
    row(
      `Order → prepay → signed notify → accrual (${orders.connections} conns)`,
      `${a.flowsPerSecond} flows/s · p50 ${ms(a.flowLatencyMs.p50)} ms · p99 ${ms(a.flowLatencyMs.p99)} ms${Object.keys(a.failures).length ? ` · failures ${JSON.stringify(a.failures)}` : ''}`,
      `raw mysql2 tx ${int(orders.raw.rps)} tx/s · p50 ${ms(orders.raw.latencyMs.p50)} ms`,
      x(orders.ratio),
      '≥ 0.5×',
      verdict(orders.met),
    );
    cpuRows.push(
      ['order flow (API)', a.cpuCores, a.cpuMsPerFlow],
      ['order flow (raw mysql2)', orders.raw.cpuCores, orders.raw.cpuMsPerTx],
    );
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
        last ? '< 30 s' : '—',
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
