import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { PageContainer, ProCard, ProTable, StatisticCard } from '@ant-design/pro-components';
import { Alert, App, Button, DatePicker, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, download, errorText } from '../../api/client';
import type { Settlement, SettlementPreview } from '../../api/types';
import { useAuth } from '../../auth';
import { ProgressModal } from '../../components/ProgressModal';
import { StatementsTable } from '../../components/StatementsTable';
import { dateTime, yuan } from '../../format';
import { useGuideNames, useLoad, useStores } from '../../hooks';
import { listTableProps } from '../../components/list-table';

export function SettlementsPage() {
  const { session } = useAuth();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const canClose = session?.role === 'finance';
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const [preview, setPreview] = useState<SettlementPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [closing, setClosing] = useState(false);
  const list = useLoad(() => api<Settlement[]>('/finance/settlements'));
  const guides = useGuideNames(session?.role);
  const stores = useStores();
  const storeName = useMemo(() => new Map((stores.data ?? []).map((s) => [s.id, s.name])), [stores.data]);
  const period = month.format('YYYY-MM');

  const runPreview = async () => {
    setPreviewing(true);
    setPreview(null);
    setPreviewError(null);
    try {
      setPreview(await api<SettlementPreview>(`/finance/settlements/${period}/preview`));
    } catch (e) {
      setPreviewError(errorText(e));
    } finally {
      setPreviewing(false);
    }
  };

  const close = () =>
    modal.confirm({
      title: `确认结算 ${period}？`,
      content: '结算后本期佣金明细将锁定并生成结算单，不能撤销；之后的冲回与调整计入下一期。',
      okText: '确认结算',
      cancelText: '取消',
      onOk: async () => {
        setClosing(true);
        try {
          const done = await api<Settlement>('/finance/settlements', { method: 'POST', body: { period } });
          void message.success(`${done.period} 已结算，应付佣金合计 ${yuan(done.totalFen)}`);
          setPreview(null);
          await list.reload();
          navigate(`/finance/settlements/${done.period}`);
        } catch (e) {
          void message.error(errorText(e));
        } finally {
          setClosing(false);
        }
      },
    });

  const csv = async (p: string) => {
    try {
      const { filename } = await download(`/finance/settlements/${p}/statements.csv`, `guide-statements-${p}.csv`);
      void message.success(`已下载 ${filename}`);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <PageContainer>
      {canClose && (
        <ProCard title="月结" headerBordered style={{ marginBottom: 16 }}>
          <Space wrap>
            <span>结算账期</span>
            <span data-testid="settle-month">
              <DatePicker
                picker="month"
                value={month}
                allowClear={false}
                onChange={(v) => {
                  if (v) setMonth(v);
                  setPreview(null);
                  setPreviewError(null);
                }}
                disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              />
            </span>
            <Button icon={<EyeOutlined />} onClick={runPreview} loading={previewing} data-testid="settle-preview">
              预览结算
            </Button>
          </Space>
          {previewError && <Alert type="error" showIcon message={previewError} style={{ marginTop: 16 }} />}
          {preview && (
            <div style={{ marginTop: 16 }} data-testid="settle-preview-result">
              <Alert
                type="info"
                showIcon
                message={`以下为 ${preview.period} 的结算预览，仅供核对，不写入任何数据。`}
                style={{ marginBottom: 16 }}
              />
              <StatisticCard.Group direction="row" style={{ marginBottom: 16 }}>
                <StatisticCard statistic={{ title: '应付佣金合计', value: yuan(preview.totalFen) }} />
                <StatisticCard statistic={{ title: '本期明细金额', value: yuan(preview.entriesFen) }} />
                <StatisticCard statistic={{ title: '期初结余', value: yuan(preview.openingFen) }} />
                <StatisticCard statistic={{ title: '佣金明细条数', value: preview.entryCount }} />
              </StatisticCard.Group>
              <StatementsTable
                statements={preview.statements}
                guideName={guides.data}
                storeName={storeName}
                testId="preview-statements"
              />
              <Button type="primary" danger style={{ marginTop: 16 }} onClick={close} data-testid="settle-confirm">
                确认结算 {preview.period}
              </Button>
            </div>
          )}
        </ProCard>
      )}
      <ProTable<Settlement>
        rowKey="period"
        headerTitle="已结算账期"
        {...listTableProps(list, '暂无已结算账期')}
        dataSource={list.data}
        pagination={{ pageSize: 12 }}
        columns={[
          {
            title: '账期',
            dataIndex: 'period',
            render: (_, s) => <Link to={`/finance/settlements/${s.period}`}>{s.period}</Link>,
          },
          { title: '应付佣金合计', dataIndex: 'totalFen', align: 'right', render: (_, s) => yuan(s.totalFen) },
          { title: '明细条数', dataIndex: 'entryCount', align: 'right' },
          { title: '截止时间', dataIndex: 'cutoffAt', render: (_, s) => dateTime(s.cutoffAt) },
          { title: '结算时间', dataIndex: 'closedAt', render: (_, s) => dateTime(s.closedAt) },
          {
            title: '操作',
            key: 'op',
            render: (_, s) => (
              <Space>
                <Link to={`/finance/settlements/${s.period}`}>结算单</Link>
                <Typography.Link onClick={() => csv(s.period)} data-testid={`csv-${s.period}`}>
                  <DownloadOutlined /> 下载 CSV
                </Typography.Link>
              </Space>
            ),
          },
        ]}
      />
      <ProgressModal open={closing} title={`正在结算 ${period}`} hint="正在汇总本期全部佣金明细" />
    </PageContainer>
  );
}
