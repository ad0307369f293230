import { PageContainer, ProCard, StatisticCard } from '@ant-design/pro-components';
import { Alert, DatePicker, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { GuideReportResponse } from '../api/types';
import { Chart, type ChartOption } from '../components/Chart';
import { percent, yuan } from '../format';
import { useLoad } from '../hooks';

const axisYuan = (v: number) => yuan(Math.round(v)).replace(/\.00$/, '');

export function DashboardPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const report = useLoad(() => api<GuideReportResponse>('/reports/guides', { query: { from, to } }), [from, to]);
  const r = report.data;

  const shareOption = useMemo<ChartOption>(() => {
    const days = r?.brand.days ?? [];
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => (v === null ? '-' : percent(v)),
      },
      grid: { left: 72, right: 24, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => percent(v) }, min: 0, max: 10000 },
      series: [
        {
          name: '私域业绩占比',
          type: 'line',
          smooth: true,
          areaStyle: { opacity: 0.15 },
          data: days.map((d) => d.privateDomain.share.bps),
        },
      ],
    };
  }, [r]);

  const gmvOption = useMemo<ChartOption>(() => {
    const days = r?.brand.days ?? [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => yuan(v) },
      legend: { data: ['线上成交', '门店成交', '全部成交'], top: 0 },
      grid: { left: 72, right: 24, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', axisLabel: { formatter: axisYuan } },
      series: [
        { name: '线上成交', type: 'bar', stack: 'gmv', data: days.map((d) => d.privateDomain.onlineGmvFen) },
        { name: '门店成交', type: 'bar', stack: 'gmv', data: days.map((d) => d.privateDomain.storeGmvFen) },
        { name: '全部成交', type: 'line', data: days.map((d) => d.privateDomain.totalGmvFen) },
      ],
    };
  }, [r]);

  const leaders = useMemo(
    () =>
      [...(r?.guides ?? [])].sort((a, b) => b.gmvFen - a.gmvFen || a.name.localeCompare(b.name, 'zh-CN')).slice(0, 10),
    [r],
  );

  const leaderOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => yuan(v) },
      legend: { data: ['分享成交', '服务成交'], top: 0 },
      grid: { left: 72, right: 40, top: 32, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { formatter: axisYuan } },
      yAxis: { type: 'category', inverse: true, data: leaders.map((g) => g.name) },
      series: [
        { name: '分享成交', type: 'bar', stack: 'g', data: leaders.map((g) => g.sharerVsServer.shareGmvFen) },
        { name: '服务成交', type: 'bar', stack: 'g', data: leaders.map((g) => g.sharerVsServer.serviceGmvFen) },
      ],
    }),
    [leaders],
  );

  const pd = r?.brand.privateDomain;
  return (
    <PageContainer
      extra={
        <Space>
          <span>统计区间</span>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Space>
      }
    >
      {report.error && <Alert type="error" showIcon message={report.error.message} style={{ marginBottom: 16 }} />}
      <StatisticCard.Group direction="row" loading={report.loading && !r} style={{ marginBottom: 16 }}>
        <StatisticCard
          statistic={{ title: '私域业绩占比', value: percent(pd?.share.bps ?? null) }}
          data-testid="kpi-share"
        />
        <StatisticCard statistic={{ title: '导购业绩', value: yuan(pd?.creditedGmvFen ?? 0) }} />
        <StatisticCard statistic={{ title: '全部成交', value: yuan(pd?.totalGmvFen ?? 0) }} />
        <StatisticCard statistic={{ title: '成交订单', value: r?.brand.orders ?? 0 }} />
        <StatisticCard statistic={{ title: '新开卡会员', value: r?.brand.registrations ?? 0 }} />
        <StatisticCard statistic={{ title: '佣金', value: yuan(r?.brand.commissionFen ?? 0) }} />
      </StatisticCard.Group>
      <ProCard split="vertical" headerBordered title="私域业绩占比（按天）" style={{ marginBottom: 16 }}>
        <ProCard colSpan="75%">
          <Chart option={shareOption} testId="chart-share" />
        </ProCard>
        <ProCard colSpan="25%" className="gs-figure-list">
          <Statistic title="区间占比" value={percent(pd?.share.bps ?? null)} />
          <Statistic title="导购带来的成交" value={yuan(pd?.creditedGmvFen ?? 0)} />
          <Statistic title="全部成交" value={yuan(pd?.totalGmvFen ?? 0)} />
          <Typography.Text type="secondary">
            私域业绩 = 归属到导购的成交（线上分享、直播、专属导购与门店会员消费）
          </Typography.Text>
        </ProCard>
      </ProCard>
      <ProCard split="vertical" headerBordered title="线上与门店成交（按天）" style={{ marginBottom: 16 }}>
        <ProCard colSpan="75%">
          <Chart option={gmvOption} testId="chart-gmv" />
        </ProCard>
        <ProCard colSpan="25%" className="gs-figure-list">
          <Statistic title="线上成交（导购）" value={yuan(pd?.onlineGmvFen ?? 0)} />
          <Statistic title="门店成交（导购）" value={yuan(pd?.storeGmvFen ?? 0)} />
          <Statistic
            title="线上订单 / 门店订单"
            value={`${r?.brand.onlineOrders ?? 0} / ${r?.brand.storeOrders ?? 0}`}
          />
        </ProCard>
      </ProCard>
      <ProCard split="vertical" headerBordered title="导购排行（分享 vs 服务）">
        <ProCard colSpan="55%">
          <Chart option={leaderOption} height={Math.max(240, leaders.length * 36 + 60)} testId="chart-leaders" />
        </ProCard>
        <ProCard colSpan="45%">
          <Table
            rowKey="guideId"
            size="small"
            pagination={false}
            dataSource={leaders}
            locale={{ emptyText: '区间内暂无导购成交' }}
            columns={[
              { title: '排名', key: 'rank', width: 56, render: (_, __, i) => i + 1 },
              { title: '导购', dataIndex: 'name' },
              { title: '成交额', dataIndex: 'gmvFen', align: 'right', render: yuan },
              { title: '分享', key: 's', align: 'right', render: (_, g) => yuan(g.sharerVsServer.shareGmvFen) },
              { title: '服务', key: 'v', align: 'right', render: (_, g) => yuan(g.sharerVsServer.serviceGmvFen) },
              {
                title: '分享占比',
                key: 'p',
                align: 'right',
                render: (_, g) => percent(g.sharerVsServer.shareOfCredit.bps),
              },
            ]}
          />
        </ProCard>
      </ProCard>
    </PageContainer>
  );
}
